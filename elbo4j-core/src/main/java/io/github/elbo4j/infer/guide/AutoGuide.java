package io.github.elbo4j.infer.guide;

import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;

/**
 * A guide built automatically from a model's latent sites (ADVI: Kucukelbir et al., JMLR
 * 18(14), 2017). Every continuous latent is mapped to the real line by {@code bijectTo} of its
 * support; the guide is a distribution over the flat unconstrained vector {@code u} (see
 * {@link LatentLayout}), kept in coordinates {@code v} with {@code u = shift + C v}
 * ({@link Preconditioner}), and each latent site gets {@code T(u)} with the log-Jacobian
 * accounted for, so the ELBO is that of the constrained model. A closed set; room is left for
 * low-rank, Laplace and flow guides.
 */
public sealed interface AutoGuide permits AutoDelta, AutoNormal, AutoMultivariateNormal {

    /** The guide program for a model with this layout, in the coordinates of {@code preconditioner}. */
    Model guideFor(LatentLayout layout, Preconditioner preconditioner);

    /** The guide program without a change of coordinates, starting at the layout's initial point. */
    default Model guideFor(LatentLayout layout) {
        return guideFor(layout, Preconditioner.identity(layout.dimension()));
    }

    /** The fitted Gaussian over {@code u} described by the guide's (constrained) parameter values. */
    GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner preconditioner);

    /**
     * The coordinates this family should be kept in, given a Laplace approximation
     * {@code N(mode, (L Lᵀ)⁻¹)} with {@code L} the Cholesky factor of the precision.
     */
    Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky);

    /** The family's name in settings and saved fits: {@code map}, {@code meanfield} or {@code fullrank}. */
    String familyName();

    /** True when the guide is a point mass (MAP): one particle suffices and the ELBO is {@code log p(x, ẑ)}. */
    default boolean isPointMass() {
        return false;
    }

    /** MAP: a point mass at the constrained mode (no Jacobian term). */
    static AutoGuide delta() {
        return new AutoDelta();
    }

    /** Mean-field normal in unconstrained space, initial scale 0.1 (without a warm start). */
    static AutoGuide meanField() {
        return new AutoNormal(0.1);
    }

    /** Mean-field normal with the given initial scale (used when there is no warm start). */
    static AutoGuide meanField(double initScale) {
        return new AutoNormal(initScale);
    }

    /** Full-rank normal in unconstrained space, Cholesky-parameterized, initial scale 0.1 (without a warm start). */
    static AutoGuide fullRank() {
        return new AutoMultivariateNormal(0.1);
    }

    /** The guide family named {@code name} ({@link #familyName()}), with its default settings. */
    static AutoGuide named(String name) {
        return switch (name) {
            case "map" -> delta();
            case "meanfield" -> meanField();
            case "fullrank" -> fullRank();
            default -> throw new IllegalArgumentException("automatic guide must be one of map, meanfield, fullrank; got '" + name + "'");
        };
    }

    /** {@code C = L⁻ᵀ}, so that {@code C Cᵀ = (L Lᵀ)⁻¹}: the dense coordinates of a Laplace approximation. */
    static Preconditioner denseFromPrecision(Tensor mode, Tensor precisionCholesky) {
        int d = mode.size();
        Tensor c = LinearAlgebra.triangularSolve(precisionCholesky, Tensor.eye(d), true, true);
        double logAbsDet = -LinearAlgebra.logDetFromCholesky(precisionCholesky).item() / 2;
        return Preconditioner.dense(mode, c, logAbsDet);
    }
}
