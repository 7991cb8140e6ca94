package io.github.elbo4j.cavi.conjugate;

/**
 * The chain of {@link GaussianChainCavi} as a value: its length {@code K} and variances
 * {@code v₀, v, v_obs}, validated, and the closed-form quantities of the chain that the fit, the
 * model and the exact posterior share (their formulas and sources are on the public methods of
 * {@link GaussianChainCavi}).
 */
record GaussianChain(int length, double priorVariance, double transitionVariance, double observationVariance) {

    private static final String NAME = "GaussianChainCavi";
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /**
     * @throws IllegalArgumentException if {@code length < 1} or a variance is not finite and
     *     {@code > 0}, e.g. {@code GaussianChainCavi transitionVariance must be > 0 and finite, got 0.0}
     */
    GaussianChain {
        if (length < 1) {
            throw new IllegalArgumentException(NAME + " length must be >= 1, got " + length);
        }
        requirePositive("priorVariance", priorVariance);
        requirePositive("transitionVariance", transitionVariance);
        requirePositive("observationVariance", observationVariance);
    }

    /** {@code Var(z_k) = v₀ + k v} for the zero-based index {@code k}. */
    double marginalVariance(int k) {
        return priorVariance + k * transitionVariance;
    }

    /** {@code Var(x) = v₀ + (K - 1) v + v_obs}. */
    double evidenceVariance() {
        return marginalVariance(length - 1) + observationVariance;
    }

    /** The diagonal {@code Λ_kk} of the posterior precision ({@link GaussianChainCavi#fit}). */
    double[] posteriorPrecisionDiagonal() {
        double[] d = new double[length];
        for (int k = 0; k < length; k++) {
            double left = k == 0 ? 1 / priorVariance : 1 / transitionVariance;
            double right = k == length - 1 ? 1 / observationVariance : 1 / transitionVariance;
            d[k] = left + right;
        }
        return d;
    }

    /** The tridiagonal prior precision {@code P}, {@code [K, K]} row-major ({@link GaussianChainCavi#model}). */
    double[] priorPrecision() {
        double[] precision = new double[length * length];
        for (int k = 0; k < length; k++) {
            double left = k == 0 ? 1 / priorVariance : 1 / transitionVariance;
            double right = k == length - 1 ? 0 : 1 / transitionVariance;
            precision[k * length + k] = left + right;
            if (k + 1 < length) {
                precision[k * length + k + 1] = -1 / transitionVariance;
                precision[(k + 1) * length + k] = -1 / transitionVariance;
            }
        }
        return precision;
    }

    /** The ELBO of means {@code m} and variances {@code s} ({@link GaussianChainCavi#elbo}). */
    double elbo(double x, double[] m, double[] s) {
        double total = -0.5 * (LOG_TWO_PI + Math.log(priorVariance)) - (m[0] * m[0] + s[0]) / (2 * priorVariance);
        for (int k = 0; k + 1 < length; k++) {
            double d = m[k + 1] - m[k];
            total += -0.5 * (LOG_TWO_PI + Math.log(transitionVariance))
                    - (d * d + s[k] + s[k + 1]) / (2 * transitionVariance);
        }
        double r = x - m[length - 1];
        total += -0.5 * (LOG_TWO_PI + Math.log(observationVariance)) - (r * r + s[length - 1]) / (2 * observationVariance);
        for (int k = 0; k < length; k++) {
            total += 0.5 * (1 + LOG_TWO_PI + Math.log(s[k]));
        }
        return total;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(NAME + " " + name + " must be > 0 and finite, got " + value);
        }
    }
}
