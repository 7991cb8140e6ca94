package io.github.elbo4j.mcmc;

/**
 * The kind of Euclidean metric (mass matrix {@code M}) the sampler adapts during warm-up: its inverse
 * {@code M⁻¹} is the regularized posterior covariance estimated in the slow windows (Stan Reference
 * Manual, "HMC algorithm parameters", section 15.2).
 */
public enum Metric {
    /** {@code M⁻¹} diagonal: the posterior variances (Stan's {@code diag_e}, its default). */
    DIAGONAL,
    /** {@code M⁻¹} dense: the posterior covariance (Stan's {@code dense_e}); costs {@code O(D²)} per leapfrog step. */
    DENSE
}
