package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.Unconstrained;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;

/**
 * Maximum a posteriori estimation as a guide: a point mass at {@code z = T(u)},
 * {@code u = shift + C v} with {@code v} the parameter {@code auto_point} (starting at the layout's
 * initial point without a {@link Preconditioner}, at 0 with one); the "ELBO" is
 * {@code log p(x, z)} (no entropy, no Jacobian), so maximizing it finds the mode of the posterior
 * density in constrained space.
 */
public record AutoDelta() implements AutoGuide {

    @Override
    public boolean isPointMass() {
        return true;
    }

    @Override
    public Model guideFor(LatentLayout layout, Preconditioner pre) {
        Tensor start = pre.isIdentity() ? layout.initialVector() : Tensor.zeros(layout.dimension());
        return m -> {
            Var u = pre.apply(m.param("auto_point", start));
            for (LatentLayout.Entry e : layout.entries()) {
                Var us = u.slice(0, e.offset(), e.offset() + e.size()).reshape(LatentSites.valueShape(e, 1, layout.maxPlateNesting()));
                if (e.transform().codomain().isParameterized()) {
                    // bounds that are other latents: the model site maps us by the bijector of its own run
                    m.sample(e.name(), Unconstrained.withoutJacobian(Delta.of(us, us.value().rank())));
                    continue;
                }
                Var x = e.transform().forward(us);
                m.sample(e.name(), Delta.of(x, x.value().rank()));
            }
        };
    }

    @Override
    public GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner pre) {
        Tensor u = pre.apply(parameters.get("auto_point"));
        int d = u.size();
        return new GaussianMoments(u, Tensor.zeros(d, d));
    }

    @Override
    public Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky) {
        return AutoGuide.denseFromPrecision(mode, precisionCholesky);
    }

    @Override
    public String familyName() {
        return "map";
    }
}
