package io.github.elbo4j.infer.guide;

import io.github.elbo4j.infer.flow.FlowLayer;
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
 * accounted for, so the ELBO is that of the constrained model. A closed set: MAP, mean field, low
 * rank, full rank, Laplace, flows, a structured guide (part hand-written), and the automatic
 * choice among them ({@link #auto()}).
 */
public sealed interface AutoGuide permits AutoDelta, AutoNormal, AutoLowRankMultivariateNormal, AutoMultivariateNormal,
        AutoLaplace, AutoFlow, AutoStructured, AutoChoice {

    /** The guide program for a model with this layout, in the coordinates of {@code preconditioner}. */
    Model guideFor(LatentLayout layout, Preconditioner preconditioner);

    /** The guide program without a change of coordinates, starting at the layout's initial point. */
    default Model guideFor(LatentLayout layout) {
        return guideFor(layout, Preconditioner.identity(layout.dimension()));
    }

    /**
     * The fitted Gaussian over {@code u} described by the guide's (constrained) parameter values.
     *
     * @throws UnsupportedOperationException for a guide that is not Gaussian ({@link #isGaussian()} false)
     */
    GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner preconditioner);

    /**
     * The coordinates this family should be kept in, given a Laplace approximation
     * {@code N(mode, (L Lᵀ)⁻¹)} with {@code L} the Cholesky factor of the precision.
     */
    Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky);

    /**
     * The family's name in settings and reports: {@code map}, {@code meanfield}, {@code lowrank},
     * {@code fullrank}, {@code laplace}, {@code flow}, {@code structured} or {@code auto}.
     */
    String familyName();

    /** The family and its settings as {@link #named} reads them back (saved fits): the family name unless the family has settings. */
    default String settingsName() {
        return familyName();
    }

    /** True when the guide is a Gaussian (or point mass) over {@code u}, so that {@link #moments} describes it; false for flows. */
    default boolean isGaussian() {
        return true;
    }

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

    /**
     * Diagonal plus rank-{@code k} normal in unconstrained space ({@link AutoLowRankMultivariateNormal},
     * Pyro's {@code AutoLowRankMultivariateNormal}): {@code O(D k)} parameters instead of full rank's
     * {@code O(D²)}. {@code k} must be at least 1 and below the number {@code D} of unconstrained
     * latents (checked when the fit starts); initial scale 0.1 without a warm start.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    static AutoGuide lowRank(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("low-rank guide rank k must be >= 1, got " + k);
        }
        return new AutoLowRankMultivariateNormal(k, 0.1);
    }

    /** {@link #lowRank(int)} with the rank {@code round(√D)} kept in {@code [1, D - 1]} (Pyro's default; {@link AutoLowRankMultivariateNormal#defaultRank}). */
    static AutoGuide lowRank() {
        return new AutoLowRankMultivariateNormal(0, 0.1);
    }

    /**
     * The Laplace approximation {@code N(û, H⁻¹)} in unconstrained space ({@link AutoLaplace}): the
     * mode by L-BFGS, {@code H = -∇² log p(û | x)} by central differences of exact gradients; no
     * further optimization. A Hessian that is not positive definite at the mode is an error naming the site.
     */
    static AutoGuide laplace() {
        return new AutoLaplace();
    }

    /**
     * A structured guide ({@link AutoStructured}): {@code handWritten} draws the sites named in
     * {@code handWrittenSites}; {@code automatic} covers every other latent site.
     */
    static AutoGuide structured(AutoGuide automatic, Model handWritten, java.util.Set<String> handWrittenSites) {
        return new AutoStructured(automatic, handWritten, handWrittenSites);
    }

    /**
     * The automatic choice ({@link AutoChoice}): {@code Svi.run} fits mean field, then low rank, then
     * full rank, then a flow, and stops at the first whose PSIS {@code k̂} is below
     * {@code min(0.7, 1 - 1/log10 S)} (or whose {@code KL(q ‖ p)} estimate is negligible, as
     * {@code Verdict} reads it). Every attempt (guide, gradient evaluations, ELBO, {@code k̂}, time) is in
     * {@code Fit.attempts()}; when none passes, the fit's verdict says so and the fit is the attempt with
     * the highest ELBO.
     */
    static AutoGuide auto() {
        return new AutoChoice();
    }

    /**
     * A normalizing-flow guide ({@link AutoFlow}): a full-rank Gaussian base, in the Laplace
     * coordinates when the warm start applies, pushed through 16 radial layers that start at the
     * identity; initial scale 0.1 without a warm start. Radial layers by default because they reshape
     * the scale around a centre, the geometry of hierarchical posteriors (funnels); planar layers
     * ({@code flow(FlowLayer.planar(), 8)}) bend a ridge instead (bananas); the network kinds
     * ({@code FlowLayer.autoregressive()}, {@code affineCoupling()}, {@code splineCoupling()}) reshape
     * the tails but did not beat radial layers on the hierarchical posteriors of the accuracy suite
     * (docs/flows.md). Fitted by stochastic VI.
     */
    static AutoGuide flow() {
        return flow(FlowLayer.radial(), 16);
    }

    /** A normalizing-flow guide with {@code depth >= 1} layers of the given kind on a full-rank base ({@link AutoFlow}). */
    static AutoFlow flow(FlowLayer layer, int depth) {
        return new AutoFlow(layer, depth, false, 0.1);
    }

    /**
     * The guide family named {@code name} ({@link #familyName()}) with its default settings, or a
     * family with its settings as {@link #settingsName()} writes them ({@code flow:radial:16:fullrank:0.1}).
     */
    static AutoGuide named(String name) {
        if (name.startsWith("flow:")) {
            return AutoFlow.parse(name);
        }
        if (name.startsWith("lowrank:")) {
            try {
                return lowRank(Integer.parseInt(name.substring("lowrank:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("low-rank guide rank must be an integer, got '" + name + "'", e);
            }
        }
        return switch (name) {
            case "map" -> delta();
            case "meanfield" -> meanField();
            case "lowrank" -> lowRank();
            case "fullrank" -> fullRank();
            case "laplace" -> laplace();
            case "flow" -> flow();
            case "auto" -> auto();
            case "structured" -> throw new IllegalArgumentException("a structured guide has a hand-written part and cannot be "
                    + "rebuilt from its name; build it with AutoGuide.structured(...)");
            default -> throw new IllegalArgumentException("automatic guide must be one of map, meanfield, lowrank, fullrank, laplace, "
                    + "flow, auto; got '" + name + "'");
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
