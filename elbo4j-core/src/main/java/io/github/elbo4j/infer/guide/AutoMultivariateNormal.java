package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;

/**
 * Full-rank ADVI (Kucukelbir et al., JMLR 18(14), 2017, sec. 2.5): {@code v ~ N(μ, L Lᵀ)} drawn
 * as the guide site {@code _auto_latent} (so {@code log q} is scored at the drawn {@code v}, as
 * sticking-the-landing needs: Roeder, Wu &amp; Duvenaud, NeurIPS 2017), {@code u = shift + C v}
 * with a {@link Preconditioner}. {@code L} is lower-triangular with positive diagonal,
 * parameterized by an unconstrained square {@code auto_scale_raw}: strictly-lower entries as
 * they are, diagonal {@code exp(raw_ii)} (the upper triangle is unused and gets zero gradient).
 *
 * @param initScale the initial standard deviation of every coordinate without a preconditioner
 *     ({@code L₀ = initScale · I}; with one, {@code L₀ = I})
 */
public record AutoMultivariateNormal(double initScale) implements AutoGuide {

    /** Validates the initial scale. */
    public AutoMultivariateNormal {
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("AutoMultivariateNormal initScale must be finite and > 0, got " + initScale);
        }
    }

    @Override
    public Model guideFor(LatentLayout layout, Preconditioner pre) {
        int d = layout.dimension();
        Tensor loc0 = pre.isIdentity() ? layout.initialVector() : Tensor.zeros(d);
        Tensor raw0 = Tensor.eye(d).mul(pre.isIdentity() ? Math.log(initScale) : 0.0);
        Tensor eye = Tensor.eye(d);
        Tensor strictLower = strictLower(d);
        return m -> {
            Var loc = m.param("auto_loc", loc0);
            Var raw = m.param("auto_scale_raw", raw0);
            Var tril = raw.mul(strictLower).add(raw.exp().mul(eye));
            Var v = m.sample(LatentSites.LATENT, MultivariateNormal.ofScaleTril(loc, tril));
            LatentSites.emit(m, layout, pre, v);
        };
    }

    @Override
    public GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner pre) {
        Tensor loc = parameters.get("auto_loc");
        return new GaussianMoments(pre.apply(loc), pre.mapFactor(scaleTril(parameters.get("auto_scale_raw"))));
    }

    @Override
    public Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky) {
        return AutoGuide.denseFromPrecision(mode, precisionCholesky);
    }

    @Override
    public String familyName() {
        return "fullrank";
    }

    /** The scale factor {@code L} (in the guide's coordinates) from the raw parameter. */
    public static Tensor scaleTril(Tensor raw) {
        int d = raw.dim(0);
        return raw.mul(strictLower(d)).add(raw.exp().mul(Tensor.eye(d)));
    }

    /** Ones strictly below the diagonal of a {@code d × d} matrix, zeros elsewhere. */
    private static Tensor strictLower(int d) {
        return LinearAlgebra.tril(Tensor.ones(d, d), -1);
    }
}
