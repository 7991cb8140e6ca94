package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.Unconstrained;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.LatentShape;
import io.github.elbo4j.model.Message;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import java.util.Arrays;

/**
 * Draws {@code P} Monte Carlo particles at once as a batch axis (never a Java loop), giving every
 * unobserved sample site that has no value yet the shape of {@link LatentShape}'s contract,
 * {@code [P] + [1] * (n - b) + batchShape + eventShape} (Pyro's vectorized particles: a plate of
 * size {@code P} at axis {@code -(n + 1)}). A distribution whose batch shape (without leading 1s)
 * already has {@code n + 1} axes, the first of size {@code P}, depends on another latent and
 * carries the particle axis: one draw per element. A {@link Delta} site (also inside
 * {@link Unconstrained}) keeps its point: automatic guides emit draws they already made; a MAP
 * point, made for one particle, is broadcast to all {@code P}.
 */
public final class ParticleHandler implements Handler {

    private final int particles;
    private final int maxPlateNesting;

    /** Draws {@code particles} particles for a model whose plates nest {@code maxPlateNesting} deep. */
    public ParticleHandler(int particles, int maxPlateNesting) {
        this.particles = particles;
        this.maxPlateNesting = maxPlateNesting;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() != SiteType.SAMPLE || msg.isObserved() || msg.value().isPresent()) {
            return;
        }
        Distribution d = msg.distribution().orElseThrow();
        if ((d instanceof Unconstrained u ? u.base() : d) instanceof Delta delta) {
            msg.setValue(forEveryParticle(delta.point()));
            return;
        }
        RandomStream rng = msg.rng().orElseThrow(() -> new IllegalStateException("no random stream for site '" + msg.name() + "'"));
        int[] sampleShape = carriesParticles(d, particles, maxPlateNesting) ? new int[0] : new int[] {particles};
        int[] target = valueShape(d, particles, maxPlateNesting);
        Var draw = d.hasRsample() ? d.rsample(rng, sampleShape) : Var.constant(d.sample(rng, sampleShape));
        msg.setValue(Arrays.equals(draw.shape(), target) ? draw : draw.reshape(target));
    }

    /** True when {@code d}'s batch shape (without leading 1s) already has {@code n + 1} axes, the first of size {@code P}. */
    static boolean carriesParticles(Distribution d, int particles, int maxPlateNesting) {
        int[] batch = LatentShape.withoutLeadingOnes(d.batchShape());
        return batch.length == maxPlateNesting + 1 && batch[0] == particles;
    }

    /** The shape of {@code P} particles of a draw of {@code d} under the shape contract. */
    public static int[] valueShape(Distribution d, int particles, int maxPlateNesting) {
        int[] batch = LatentShape.withoutLeadingOnes(d.batchShape());
        if (carriesParticles(d, particles, maxPlateNesting)) {
            return Broadcasting.concat(batch, d.eventShape());
        }
        return batch.length <= maxPlateNesting ? LatentShape.valueShape(particles, maxPlateNesting, batch, d.eventShape())
                : Broadcasting.concat(new int[] {particles}, Broadcasting.concat(batch, d.eventShape()));
    }

    /** A point made for one particle (a MAP guide's, of shape {@code [1, ...]}) broadcast to all {@code P}. */
    private Var forEveryParticle(Var point) {
        int[] shape = point.shape();
        if (particles == 1 || shape.length == 0 || shape[0] != 1) {
            return point;
        }
        int[] target = shape.clone();
        target[0] = particles;
        return point.broadcastTo(target);
    }
}
