package io.github.elbo4j.infer.guide;

import io.github.elbo4j.model.Model;

/**
 * A guide built automatically from a model's latent sites (ADVI: Kucukelbir et al., JMLR
 * 18(14), 2017). Every continuous latent is mapped to the real line by {@code bijectTo} of its
 * support; the guide is a distribution over the flat unconstrained vector (see
 * {@link LatentLayout}), and each latent site gets {@code T(u)} with the log-Jacobian accounted
 * for, so the ELBO is that of the constrained model. A closed set; room is left for low-rank,
 * Laplace and flow guides.
 */
public sealed interface AutoGuide permits AutoDelta, AutoNormal, AutoMultivariateNormal {

    /** The guide program for a model with this layout. */
    Model guideFor(LatentLayout layout);

    /** True when the guide is a point mass (MAP): one particle suffices and the ELBO is {@code log p(x, ẑ)}. */
    default boolean isPointMass() {
        return false;
    }

    /** MAP: a point mass at the constrained mode (no Jacobian term). */
    static AutoGuide delta() {
        return new AutoDelta();
    }

    /** Mean-field normal in unconstrained space, initial scale 0.1. */
    static AutoGuide meanField() {
        return new AutoNormal(0.1);
    }

    /** Mean-field normal with the given initial scale. */
    static AutoGuide meanField(double initScale) {
        return new AutoNormal(initScale);
    }

    /** Full-rank normal in unconstrained space, Cholesky-parameterized, initial scale 0.1. */
    static AutoGuide fullRank() {
        return new AutoMultivariateNormal(0.1);
    }
}
