package io.github.elbo4j.math;

/**
 * Numerically stable functions for working in log space. None clamps its input: an argument
 * outside the domain gives the IEEE result (NaN or an infinity).
 */
public final class LogSpace {

    private static final double LOG_HALF = -0.6931471805599453;

    private LogSpace() {
    }

    /**
     * {@code log Σ_i exp(x_i)}, computed as {@code m + log Σ exp(x_i - m)} with {@code m = max x_i}.
     * Empty input gives {@code -∞}; any {@code +∞} gives {@code +∞}; NaN propagates.
     */
    public static double logSumExp(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            m = Math.max(m, v);
        }
        if (Double.isInfinite(m)) {
            return m;
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /** {@code log(exp(a) + exp(b))} without overflow. */
    public static double logAddExp(double a, double b) {
        double m = Math.max(a, b);
        if (Double.isInfinite(m)) {
            return m;
        }
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /** Softplus {@code log(1 + e^x) = max(x, 0) + log1p(e^{-|x|})}. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** The logistic sigmoid {@code 1 / (1 + e^{-x})}, evaluated without overflow on either side. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** {@code log σ(x) = -softplus(-x)}. */
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }

    /** The logit {@code log(p / (1 - p)) = log p - log1p(-p)} for {@code 0 <= p <= 1}. */
    public static double logit(double p) {
        return Math.log(p) - Math.log1p(-p);
    }

    /**
     * {@code log(1 - e^x)} for {@code x <= 0}: {@code log(-expm1(x))} when {@code x > -log 2},
     * else {@code log1p(-e^x)} (Mächler 2012, "Accurately computing log(1 - exp(-|a|))", CRAN
     * Rmpfr vignette). {@code x = 0} gives {@code -∞}; {@code x > 0} gives NaN.
     */
    public static double log1mExp(double x) {
        if (x > 0) {
            return Double.NaN;
        }
        return x > LOG_HALF ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    /** {@code log(1 + x)}, accurate for small {@code |x|} (delegates to {@link Math#log1p}). */
    public static double log1p(double x) {
        return Math.log1p(x);
    }

    /** {@code e^x - 1}, accurate for small {@code |x|} (delegates to {@link Math#expm1}). */
    public static double expm1(double x) {
        return Math.expm1(x);
    }
}
