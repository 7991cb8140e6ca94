package io.github.elbo4j.data;

import io.github.elbo4j.distribution.kernel.BernoulliLogitsDensity;
import java.util.Optional;

/**
 * Logistic regression without an intercept: a row is {@code x_1 … x_d, y} with {@code y ∈ {0, 1}},
 * {@code θ = w ∈ R^d}, {@code log p(y | x, w) = y·l − softplus(l)} with {@code l = x·w}, and
 * {@code ∇_w = (y − σ(l))·x} (e.g. Bishop, PRML, 2006, eq. 4.91). The log-mass and
 * {@code y − σ(l)} come from the scalar loop of the fused kernel behind {@code Bernoulli.ofLogits},
 * so a chunked sum and the model written with tensors agree to rounding (not its SIMD loop: see
 * {@link #accumulate}).
 */
public final class LogisticRows implements RowLikelihood {

    private static final long serialVersionUID = 1L;

    private final int features;

    private LogisticRows(int features) {
        this.features = features;
    }

    /**
     * Rows of {@code features} covariates followed by the 0/1 response.
     *
     * @throws IllegalArgumentException if {@code features < 1}
     */
    public static LogisticRows of(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        return new LogisticRows(features);
    }

    @Override
    public int parameterCount() {
        return features;
    }

    @Override
    public int columns() {
        return features + 1;
    }

    @Override
    public double accumulate(double[] values, int from, int to, double[] theta, int thetaOffset, double[] gradient, int gradientOffset) {
        int n = to - from;
        int d = features;
        int c = d + 1;
        double[] logits = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            int row = (from + i) * c;
            double l = 0;
            for (int j = 0; j < d; j++) {
                l += values[row + j] * theta[thetaOffset + j];
            }
            logits[i] = l;
            ys[i] = values[row + d];
        }
        double[] lp = new double[n];
        double[] residual = new double[n];
        // the scalar loop only: the Vector API's EXP and LOG give other last bits in C2-compiled code
        // (SVML) than in the interpreter and C1 (Math.exp per lane), so with them a sum's bits would
        // depend on when the JIT compiled the loop, and so on the thread that ran the chunk
        BernoulliLogitsDensity.scalarLoop(logits, ys, lp, residual, 0);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += lp[i];
            int row = (from + i) * c;
            double r = residual[i];
            for (int j = 0; j < d; j++) {
                gradient[gradientOffset + j] += r * values[row + j];
            }
        }
        return sum;
    }

    @Override
    public Optional<String> checkRow(double[] values, int offset) {
        for (int j = 0; j < features; j++) {
            double v = values[offset + j];
            if (!Double.isFinite(v)) {
                return Optional.of("column " + j + " (covariate x" + (j + 1) + ") is " + v + ": covariates must be finite");
            }
        }
        double y = values[offset + features];
        if (y != 0.0 && y != 1.0) {
            return Optional.of("column " + features + " (response y) is " + y + ": the response must be 0 or 1");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "LogisticRows[features=" + features + "]";
    }
}
