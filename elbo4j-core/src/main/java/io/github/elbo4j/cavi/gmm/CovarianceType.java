package io.github.elbo4j.cavi.gmm;

/**
 * The structure of the component precisions {@code Λ_k} of a {@link GaussianMixtureVI}, each with
 * its conjugate prior. With {@code m0, β0, ν0, Ψ0} the mean prior, mean-precision prior, degrees of
 * freedom and covariance prior:
 *
 * <ul>
 *   <li>{@link #FULL}: {@code Λ_k ~ Wishart(W0 = Ψ0⁻¹, ν0)}, {@code μ_k | Λ_k ~ N(m0, (β0 Λ_k)⁻¹)}
 *       (Bishop, "Pattern Recognition and Machine Learning", 2006, eqs. 10.40, 10.59-10.63);
 *   <li>{@link #TIED}: one {@code Λ ~ Wishart(Ψ0⁻¹, ν0)} shared by all components,
 *       {@code μ_k | Λ ~ N(m0, (β0 Λ)⁻¹)}; the posterior has {@code ν = ν0 + N} and
 *       {@code Ψ = Ψ0 + Σ_k [N_k S_k + β0 N_k / β_k (x̄_k - m0)(x̄_k - m0)ᵀ]};
 *   <li>{@link #DIAGONAL}: independent {@code λ_kd ~ Gamma(ν0/2, Ψ0_dd/2)} (shape, rate),
 *       {@code μ_kd | λ_kd ~ N(m0_d, (β0 λ_kd)⁻¹)}: the Normal-Gamma model of each coordinate,
 *       whose one-dimensional Wishart is this Gamma;
 *   <li>{@link #SPHERICAL}: one {@code λ_k ~ Gamma(ν0 D/2, D ψ0/2)} per component, with
 *       {@code ψ0 = tr(Ψ0)/D}, and {@code μ_k | λ_k ~ N(m0, (β0 λ_k)⁻¹ I)}: the D Gamma factors of
 *       the diagonal prior with their precisions tied together.
 * </ul>
 *
 * <p>All four have the prior mean precision {@code ν0 Ψ0⁻¹} (restricted to their structure), and
 * the reported covariance is the inverse posterior mean precision, as in scikit-learn's
 * {@code BayesianGaussianMixture.covariances_}. scikit-learn's diagonal and spherical models
 * differ from these: they plug a diagonal scale into the Wishart's {@code E[ln|Λ|]} and
 * normalizer; its tied model counts the Wishart prior once per component.
 */
public enum CovarianceType {
    /** A full precision matrix per component (Normal-Wishart). */
    FULL,
    /** One full precision matrix shared by all components (Normal-Wishart). */
    TIED,
    /** A diagonal precision per component (a Normal-Gamma per coordinate). */
    DIAGONAL,
    /** A multiple of the identity per component (Normal-Gamma). */
    SPHERICAL
}
