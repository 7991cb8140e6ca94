package io.github.elbo4j.mcmc;

/**
 * Stan's windowed estimation of the metric during warm-up (Stan Reference Manual, "HMC algorithm
 * parameters", section 15.2): an initial fast interval of 75 iterations (step size only), slow
 * windows of 25, 50, 100, ... iterations in which the posterior (co)variance of the draws is
 * estimated, the last window stretched to the start of the final fast interval of 50 iterations.
 * When {@code 75 + 25 + 50} exceeds the warm-up the buffers are 15% and 10% of it and one window
 * takes the rest; below 20 warm-up iterations the metric is not adapted. At the end of a window
 * the estimate {@code Σ̂} (Welford's running sums, divisor {@code n - 1}) is regularized towards a
 * small multiple of the identity:
 * <pre>
 * M⁻¹ = n/(n + 5) · Σ̂ + 10⁻³ · 5/(n + 5) · I
 * </pre>
 * (diagonal: the same on the variances). Mutable, one chain's.
 */
final class WindowedAdaptation {

    static final int INIT_BUFFER = 75;
    static final int TERM_BUFFER = 50;
    static final int BASE_WINDOW = 25;

    private final Metric kind;
    private final int dimension;
    private final int warmup;
    private final boolean adapt;
    private int initBuffer = INIT_BUFFER;
    private int termBuffer = TERM_BUFFER;
    private int windowSize = BASE_WINDOW;
    private int counter;
    private int nextWindow;

    private long n;
    private final double[] mean;
    private final double[] m2;       // D (diagonal) or D x D (dense) sums of centered products

    WindowedAdaptation(Metric kind, int dimension, int warmup) {
        this.kind = kind;
        this.dimension = dimension;
        this.warmup = warmup;
        this.adapt = warmup >= 20;
        if (adapt && INIT_BUFFER + TERM_BUFFER + BASE_WINDOW > warmup) {
            initBuffer = (int) (0.15 * warmup);
            termBuffer = (int) (0.1 * warmup);
            windowSize = warmup - (initBuffer + termBuffer);
        }
        nextWindow = initBuffer + windowSize - 1;
        mean = new double[dimension];
        m2 = new double[kind == Metric.DENSE ? dimension * dimension : dimension];
    }

    /**
     * Feeds warm-up draw {@code q}; returns the new inverse metric when a slow window ends here
     * (the caller then searches a new step size and restarts dual averaging), else null.
     */
    InverseMetric learn(double[] q) {
        if (!adapt) {
            counter++;
            return null;
        }
        if (counter >= initBuffer && counter < warmup - termBuffer) {
            add(q);
        }
        if (counter == nextWindow && counter != warmup) {
            computeNextWindow();
            InverseMetric metric = estimate();
            n = 0;
            java.util.Arrays.fill(mean, 0);
            java.util.Arrays.fill(m2, 0);
            counter++;
            return metric;
        }
        counter++;
        return null;
    }

    private void computeNextWindow() {
        int lastEnd = warmup - termBuffer - 1;
        if (nextWindow == lastEnd) {
            return;
        }
        windowSize *= 2;
        nextWindow = counter + windowSize;
        if (nextWindow != lastEnd && nextWindow + 2 * windowSize >= warmup - termBuffer) {
            nextWindow = lastEnd;
        }
    }

    private void add(double[] q) {
        n++;
        double[] delta = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            delta[i] = q[i] - mean[i];
            mean[i] += delta[i] / n;
        }
        if (kind == Metric.DIAGONAL) {
            for (int i = 0; i < dimension; i++) {
                m2[i] += delta[i] * (q[i] - mean[i]);
            }
        } else {
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j < dimension; j++) {
                    m2[i * dimension + j] += delta[i] * (q[j] - mean[j]);
                }
            }
        }
    }

    private InverseMetric estimate() {
        double w = n / (n + 5.0);
        double shrink = 1e-3 * (5.0 / (n + 5.0));
        double[] s = new double[m2.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = w * m2[i] / (n - 1.0);
        }
        if (kind == Metric.DIAGONAL) {
            for (int i = 0; i < dimension; i++) {
                s[i] += shrink;
            }
            return InverseMetric.diagonal(s);
        }
        for (int i = 0; i < dimension; i++) {
            s[i * dimension + i] += shrink;
        }
        return InverseMetric.dense(s, dimension);
    }
}
