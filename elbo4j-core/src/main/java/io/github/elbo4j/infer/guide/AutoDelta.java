package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.Unconstrained;
import io.github.elbo4j.model.Model;

/**
 * Maximum a posteriori estimation as a guide: a point mass at {@code z = T(u)} with {@code u}
 * the parameter {@code auto_point}; the "ELBO" is {@code log p(x, z)} (no entropy, no Jacobian),
 * so maximizing it finds the mode of the posterior density in constrained space.
 */
public record AutoDelta() implements AutoGuide {

    @Override
    public boolean isPointMass() {
        return true;
    }

    @Override
    public Model guideFor(LatentLayout layout) {
        return m -> {
            Var u = m.param("auto_point", layout.initialVector());
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
}
