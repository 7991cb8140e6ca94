package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Map;

/**
 * Mean-field ADVI (Kucukelbir et al., JMLR 18(14), 2017, sec. 2.4): {@code v ~ N(μ, diag σ²)}
 * drawn as the guide site {@code _auto_latent}, {@code u = shift + c ⊙ v} with a diagonal
 * {@link Preconditioner}, parameters {@code auto_loc} ({@code μ}) and {@code auto_scale}
 * ({@code σ > 0}). Without a preconditioner {@code μ} starts at the layout's initial point and
 * {@code σ} at {@code initScale}; with one (a Laplace approximation), at 0 and 1. Because
 * {@code v} is an ordinary site, every estimator (including sticking-the-landing, which re-scores
 * replayed values) applies.
 *
 * @param initScale the initial standard deviation of every coordinate without a preconditioner
 */
public record AutoNormal(double initScale) implements AutoGuide {

    /** Validates the initial scale. */
    public AutoNormal {
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("AutoNormal initScale must be finite and > 0, got " + initScale);
        }
    }

    @Override
    public Model guideFor(LatentLayout layout, Preconditioner pre) {
        requireDiagonal(pre);
        int d = layout.dimension();
        Tensor loc0 = pre.isIdentity() ? layout.initialVector() : Tensor.zeros(d);
        Tensor scale0 = Tensor.full(pre.isIdentity() ? initScale : 1.0, d);
        return m -> {
            Var loc = m.param("auto_loc", loc0);
            Var scale = m.param("auto_scale", scale0, new Constraint.Positive());
            Var v = m.sample(LatentSites.LATENT, Normal.of(loc, scale).toEvent(1));
            LatentSites.emit(m, layout, pre, v);
        };
    }

    @Override
    public GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner pre) {
        Tensor loc = parameters.get("auto_loc");
        Tensor tril = pre.mapFactor(LinearAlgebra.diagEmbed(parameters.get("auto_scale")));
        return new GaussianMoments(pre.apply(loc), tril);
    }

    /** The mean-field optimum for a Gaussian target: {@code c_i = 1/√H_ii} (Bishop 2006, PRML, eq. 10.12). */
    @Override
    public Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky) {
        Tensor hDiag = precisionCholesky.square().sum(1);
        return Preconditioner.diagonal(mode, Tensor.ones(hDiag.shape()).div(hDiag.sqrt()));
    }

    @Override
    public String familyName() {
        return "meanfield";
    }

    private static void requireDiagonal(Preconditioner pre) {
        if (!pre.isDiagonal()) {
            throw new IllegalArgumentException("a mean-field guide needs a diagonal preconditioner, got a dense one");
        }
    }
}
