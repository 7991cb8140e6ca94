package io.github.elbo4j.cavi.conjugate;

/**
 * The four parameters of a Normal-Gamma density over a mean {@code μ} and a precision {@code τ},
 * <pre>
 * NG(μ, τ | m, λ, a, b) = N(μ | m, (λτ)⁻¹) Gamma(τ | a, b)      (b a rate)
 * </pre>
 * (Bishop 2006, PRML, eq. 2.154). It is the prior of
 * {@link NormalGammaCavi} and, by conjugacy, its exact posterior.
 *
 * @param mean {@code m}, finite
 * @param precisionScale {@code λ > 0}, the prior sample size of the mean
 * @param shape {@code a > 0}
 * @param rate {@code b > 0}
 */
public record NormalGammaCaviParameters(double mean, double precisionScale, double shape, double rate) {

    private static final String NAME = "NormalGammaCaviParameters";

    /**
     * @throws IllegalArgumentException if {@code mean} is not finite or another parameter is not
     *     finite and {@code > 0}, e.g.
     *     {@code NormalGammaCaviParameters shape must be > 0 and finite, got 0.0}
     */
    public NormalGammaCaviParameters {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException(NAME + " mean must be finite, got " + mean);
        }
        requirePositive("precisionScale", precisionScale);
        requirePositive("shape", shape);
        requirePositive("rate", rate);
    }

    /** {@code E[τ] = a / b}, the mean of the Gamma marginal of the precision (PRML eq. B.27). */
    public double expectedPrecision() {
        return shape / rate;
    }

    /**
     * The variance of the marginal of {@code μ}. Integrating {@code τ} out of
     * {@code N(μ | m, (λτ)⁻¹) Gamma(τ | a, b)} gives a Student-t with {@code ν = 2a} degrees of
     * freedom, location {@code m} and squared scale {@code b / (aλ)} (Bishop 2006, PRML, §2.3.7),
     * whose variance {@code ν/(ν - 2) · b/(aλ)} is {@code Var[μ] = b / (λ (a - 1))} for
     * {@code a > 1}; for {@code a <= 1} it does not exist and this returns {@code +∞}.
     */
    public double meanMarginalVariance() {
        return shape > 1 ? rate / (precisionScale * (shape - 1)) : Double.POSITIVE_INFINITY;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(NAME + " " + name + " must be > 0 and finite, got " + value);
        }
    }
}
