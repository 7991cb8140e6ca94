package io.github.elbo4j.infer;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ImproperUniform;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.LatentShape;
import io.github.elbo4j.model.Message;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Bijectors;

/**
 * In the prototype run, gives a latent site with a flat improper prior ({@link ImproperUniform},
 * which has no draws) the point {@code T(0)}, {@code T = bijectTo(support)}, in the shape of one
 * particle: the automatic guides then start it at 0 in unconstrained space (NumPyro's
 * {@code init_to_median} and {@code init_to_uniform} do not draw from such a site either).
 */
final class ImproperStartHandler implements Handler {

    private final int maxPlateNesting;

    ImproperStartHandler(int maxPlateNesting) {
        this.maxPlateNesting = maxPlateNesting;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() != SiteType.SAMPLE || msg.isObserved() || msg.value().isPresent()
                || !(msg.distribution().orElseThrow() instanceof ImproperUniform d)) {
            return;
        }
        int[] shape = LatentShape.valueShape(1, maxPlateNesting, LatentShape.withoutLeadingOnes(d.batchShape()), d.eventShape());
        Bijector t = Bijectors.bijectTo(d.support());
        msg.setValue(t.forward(Var.constant(Tensor.zeros(t.inverseShape(shape)))));
    }
}
