package io.github.elbo4j.infer;

import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Message;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.random.RandomStream;

/**
 * Draws {@code P} Monte Carlo particles at once as a batch axis (never a Java loop): an
 * unobserved sample site of a guide gets a value of shape
 * {@code [P, 1, ..., 1, batchShape, eventShape]}, with as many 1s as needed to place the particle
 * axis left of all {@code maxPlateNesting} plate axes (Pyro's vectorized particles). A
 * {@link Delta} site keeps its point: automatic guides emit draws they already made.
 */
final class ParticleHandler implements Handler {

    private final int particles;
    private final int maxPlateNesting;

    ParticleHandler(int particles, int maxPlateNesting) {
        this.particles = particles;
        this.maxPlateNesting = maxPlateNesting;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() != SiteType.SAMPLE || msg.isObserved() || msg.value().isPresent()) {
            return;
        }
        Distribution d = msg.distribution().orElseThrow();
        if (d instanceof Delta delta) {
            msg.setValue(delta.point());
            return;
        }
        RandomStream rng = msg.rng().orElseThrow(() -> new IllegalStateException("no random stream for site '" + msg.name() + "'"));
        int pad = Math.max(0, maxPlateNesting - d.batchShape().length);
        int[] sampleShape = new int[1 + pad];
        java.util.Arrays.fill(sampleShape, 1);
        sampleShape[0] = particles;
        msg.setValue(d.hasRsample() ? d.rsample(rng, sampleShape) : io.github.elbo4j.autodiff.Var.constant(d.sample(rng, sampleShape)));
    }
}
