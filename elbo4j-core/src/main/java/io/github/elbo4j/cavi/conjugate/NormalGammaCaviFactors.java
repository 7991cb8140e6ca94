package io.github.elbo4j.cavi.conjugate;

/**
 * The mean-field variational distribution of {@link NormalGammaCavi},
 * {@code q(μ, τ) = q(μ) q(τ) = N(μ | muMean, muPrecision⁻¹) Gamma(τ | tauShape, tauRate)}
 * (Bishop 2006, PRML, §10.1.3).
 *
 * @param muMean the mean {@code μ_N} of {@code q(μ)}, finite
 * @param muPrecision the precision {@code λ_N > 0} of {@code q(μ)}
 * @param tauShape the shape {@code a_N > 0} of {@code q(τ)}
 * @param tauRate the rate {@code b_N > 0} of {@code q(τ)}
 */
public record NormalGammaCaviFactors(double muMean, double muPrecision, double tauShape, double tauRate) {

    private static final String NAME = "NormalGammaCaviFactors";

    /**
     * @throws IllegalArgumentException if {@code muMean} is not finite or another parameter is not
     *     finite and {@code > 0}, e.g. {@code NormalGammaCaviFactors tauRate must be > 0 and finite, got -1.0}
     */
    public NormalGammaCaviFactors {
        if (!Double.isFinite(muMean)) {
            throw new IllegalArgumentException(NAME + " muMean must be finite, got " + muMean);
        }
        requirePositive("muPrecision", muPrecision);
        requirePositive("tauShape", tauShape);
        requirePositive("tauRate", tauRate);
    }

    /** {@code Var_q[μ] = 1 / λ_N}. */
    public double muVariance() {
        return 1 / muPrecision;
    }

    /** {@code E_q[τ] = a_N / b_N} (Bishop 2006, PRML, eq. B.27). */
    public double tauMean() {
        return tauShape / tauRate;
    }

    /** {@code Var_q[τ] = a_N / b_N²} (Bishop 2006, PRML, eq. B.28). */
    public double tauVariance() {
        return tauShape / (tauRate * tauRate);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(NAME + " " + name + " must be > 0 and finite, got " + value);
        }
    }
}
