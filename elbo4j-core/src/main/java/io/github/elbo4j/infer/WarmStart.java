package io.github.elbo4j.infer;

import io.github.elbo4j.infer.guide.Preconditioner;

/**
 * Where an automatic guide starts and which coordinates it is kept in: at a Laplace
 * approximation of the posterior in unconstrained space, in the
 * coordinates that make that approximation a standard normal ({@link Preconditioner}), when that
 * start is better than the plain one. "Better" is measured, not assumed: the ELBO of the Laplace
 * Gaussian ({@code N(û, C Cᵀ)}, diagonal for a mean-field guide) and of the plain start
 * ({@code N(u₀, 0.1² I)}) are estimated from the same 64 moment-matched draws, and the
 * Laplace start is kept only if its ELBO is higher. A posterior whose mode does not exist in
 * unconstrained space (a funnel: the density grows without bound as a scale goes to 0) gives a
 * degenerate Gaussian with a very low ELBO and is declined. These settings only say whether to try;
 * the choice itself is made inside the fit, once per model.
 *
 * @param enabled      whether to try at all
 * @param maxDimension the largest number of unconstrained latents to try it for (the Hessian costs {@code 2D} gradients)
 */
public record WarmStart(boolean enabled, int maxDimension) {

    /** Validates the settings. */
    public WarmStart {
        if (maxDimension < 1) {
            throw new IllegalArgumentException("WarmStart maxDimension must be >= 1, got " + maxDimension);
        }
    }

    /** Try the Laplace start for models with at most 1,000 unconstrained latents (the default). */
    public static WarmStart laplace() {
        return new WarmStart(true, 1000);
    }

    /** Never: the guide starts at the initialization strategy's point with its initial scale. */
    public static WarmStart none() {
        return new WarmStart(false, 1);
    }
}
