package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * Mean-field ADVI (Kucukelbir et al., JMLR 18(14), 2017, sec. 2.4): {@code u ~ N(μ, diag σ²)},
 * a diagonal normal in unconstrained space drawn as the guide site {@code _auto_latent}, with
 * parameters {@code auto_loc} (initialized at the prior median mapped to the real line) and
 * {@code auto_scale > 0}. Because {@code u} is an ordinary site, every estimator (including
 * sticking-the-landing, which re-scores replayed values) applies.
 *
 * @param initScale the initial standard deviation of every coordinate
 */
public record AutoNormal(double initScale) implements AutoGuide {

    /** Validates the initial scale. */
    public AutoNormal {
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("AutoNormal initScale must be finite and > 0, got " + initScale);
        }
    }

    @Override
    public Model guideFor(LatentLayout layout) {
        int d = layout.dimension();
        Tensor loc0 = layout.initialVector();
        Tensor scale0 = Tensor.full(initScale, d);
        return m -> {
            Var loc = m.param("auto_loc", loc0);
            Var scale = m.param("auto_scale", scale0, new Constraint.Positive());
            Var u = m.sample(LatentSites.LATENT, Normal.of(loc, scale).toEvent(1));
            LatentSites.emitSites(m, layout, u);
        };
    }
}
