package io.github.elbo4j.infer;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.ReplayHandler;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import java.util.Optional;

/**
 * What an {@link ElboEstimator} needs for one step: the model, the guide, the handler that
 * supplies parameters, this step's random stream, the number of particles and the plate nesting
 * of the model (so that the particle axis sits left of every plate axis).
 */
public record ElboInputs(Model model, Model guide, Handler params, RandomStream rng, int particles, int maxPlateNesting) {

    /** Runs the guide with {@code particles} vectorized particles and records it. */
    public Trace traceGuide() {
        return ModelContext.trace(guide, params, new ParticleHandler(particles, maxPlateNesting), new SeedHandler(rng.split(0)));
    }

    /**
     * Runs the model with its latent sites replayed from {@code guideTrace} and records it; a latent
     * the guide does not draw gets {@code particles} prior draws of the contract shape.
     */
    public Trace traceModel(Trace guideTrace) {
        return ModelContext.trace(model, params, new ParticleHandler(particles, maxPlateNesting), new ReplayHandler(guideTrace),
                new SeedHandler(rng.split(1)));
    }

    /**
     * A site's log-density summed to one value per particle: shape {@code [P]} when the site's
     * log-density carries the particle axis (rank = plate nesting + 1), else a scalar (it does
     * not depend on the particle and broadcasts). With one particle everything is summed.
     */
    public Var perParticle(Site site) {
        return reduce(site.logProb(), site.name());
    }

    /** A per-site term (e.g. a KL over the batch) summed to one value per particle, as {@link #perParticle}. */
    public Var perParticleValue(Var term) {
        return reduce(term, "(analytic term)");
    }

    private Var reduce(Var lp, String siteName) {
        int rank = lp.value().rank();
        if (particles == 1 || rank <= maxPlateNesting) {
            return lp.sum();
        }
        if (rank == maxPlateNesting + 1) {
            int[] axes = new int[rank - 1];
            for (int i = 1; i < rank; i++) {
                axes[i - 1] = i;
            }
            return axes.length == 0 ? lp : lp.sum(axes);
        }
        throw new IllegalArgumentException("site '" + siteName + "' has log-density shape "
                + java.util.Arrays.toString(lp.shape()) + " but the model declares " + maxPlateNesting
                + " plate(s): with several particles every batch axis must belong to a plate (m.plate(...)) or be an event axis (toEvent)");
    }

    /** {@code Σ_sites} per-particle log-density of a trace's sample sites; also reports the first non-finite site. */
    public Var sumPerParticle(Trace trace, String[] nonFinite) {
        Var total = Var.constant(0.0);
        for (Site s : trace.sites()) {
            if (s.type() != SiteType.SAMPLE) {
                continue;
            }
            Var term = perParticle(s);
            if (nonFinite[0] == null && !term.value().allFinite()) {
                nonFinite[0] = s.name();
            }
            total = total.add(term);
        }
        return total;
    }

    /** The first non-finite site name, if any. */
    static Optional<String> firstNonFinite(String[] holder) {
        return Optional.ofNullable(holder[0]);
    }
}
