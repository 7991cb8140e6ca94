package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.EnumerateHandler;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.model.ReplayHandler;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import java.util.List;
import java.util.Optional;

/**
 * What an {@link ElboEstimator} needs for one step: the model, the guide, the handler that
 * supplies parameters, this step's random stream, the number of particles and the plate nesting
 * of the model (so that the particle axis sits left of every plate axis), optionally a handler
 * that fixes the guide's draws (deterministic VI), and optionally a handler that gives subsampled
 * plates their indices from a schedule (epochs; both the guide and the model see it).
 */
public record ElboInputs(Model model, Model guide, Handler params, RandomStream rng, int particles, int maxPlateNesting,
                         Optional<Handler> noise, Optional<Handler> subsample) {

    /** Inputs whose guide draws fresh noise from {@code rng} (stochastic VI). */
    public ElboInputs(Model model, Model guide, Handler params, RandomStream rng, int particles, int maxPlateNesting) {
        this(model, guide, params, rng, particles, maxPlateNesting, Optional.empty(), Optional.empty());
    }

    /** Inputs whose guide draws are fixed by {@code noise} when present. */
    public ElboInputs(Model model, Model guide, Handler params, RandomStream rng, int particles, int maxPlateNesting,
                      Optional<Handler> noise) {
        this(model, guide, params, rng, particles, maxPlateNesting, noise, Optional.empty());
    }

    /** Runs the guide with {@code particles} vectorized particles (its draws fixed by {@code noise}, if given) and records it. */
    public Trace traceGuide() {
        ParticleHandler particleHandler = new ParticleHandler(particles, maxPlateNesting);
        java.util.List<Handler> hs = new java.util.ArrayList<>(java.util.List.of(params, particleHandler, new SeedHandler(rng.split(0))));
        noise.ifPresent(hs::add);
        subsample.ifPresent(hs::add);
        return ModelContext.trace(guide, hs.toArray(Handler[]::new));
    }

    /**
     * Runs the model with its latent sites replayed from {@code guideTrace} and records it; a latent
     * the guide does not draw gets {@code particles} prior draws of the contract shape.
     */
    public Trace traceModel(Trace guideTrace) {
        ParticleHandler particleHandler = new ParticleHandler(particles, maxPlateNesting);
        SeedHandler seed = new SeedHandler(rng.split(1));
        ReplayHandler replay = new ReplayHandler(guideTrace);
        return subsample.isEmpty() ? ModelContext.trace(model, params, particleHandler, replay, seed)
                : ModelContext.trace(model, params, particleHandler, replay, seed, subsample.get());
    }

    /**
     * As {@link #traceModel}, but every discrete latent site the guide does not draw holds its whole
     * support along a fresh batch axis left of the particle axis ({@link EnumerateHandler}), marked
     * with its dim; sum it out with {@link #sumPerParticleEnumerated}.
     */
    public Trace traceModelEnumerated(Trace guideTrace) {
        ParticleHandler particleHandler = new ParticleHandler(particles, maxPlateNesting);
        EnumerateHandler enumerate = new EnumerateHandler(maxPlateNesting);
        SeedHandler seed = new SeedHandler(rng.split(1));
        ReplayHandler replay = new ReplayHandler(guideTrace);
        return subsample.isEmpty() ? ModelContext.trace(model, params, particleHandler, enumerate, replay, seed)
                : ModelContext.trace(model, params, particleHandler, enumerate, replay, seed, subsample.get());
    }

    /**
     * {@code log Σ_{z_E} p(x, z)} per particle, shape {@code [P]}: the log joint of a trace from
     * {@link #traceModelEnumerated} with its enumerated sites summed out exactly, plates respected
     * ({@link TensorVariableElimination}); reports the first site whose log-density is NaN or
     * {@code +∞} in {@code nonFinite[0]}.
     */
    public Var sumPerParticleEnumerated(Trace model, String[] nonFinite) {
        return TensorVariableElimination.logJoint(model, particles, maxPlateNesting, nonFinite);
    }

    /**
     * For every enumerated site of a trace from {@link #traceModelEnumerated}, its posterior
     * marginal given each particle's continuous draws, {@code p(z = k | x, z_p)}: shape
     * {@code [P] + [1] * (n - b) + plateSizes + [K]} (for a mixture's labels in a plate of {@code N},
     * {@code [P, N, K]}: the responsibilities per particle). See {@link TensorVariableElimination#marginals}.
     */
    public java.util.Map<String, io.github.elbo4j.tensor.Tensor> enumeratedMarginals(Trace model) {
        return TensorVariableElimination.marginals(model, particles, maxPlateNesting);
    }

    /**
     * A site's log-density summed to one value per particle: shape {@code [P]} when the site's
     * log-density carries the particle axis, else a scalar (it does not depend on the particle and
     * broadcasts). With one particle everything is summed.
     *
     * <p>Which axis is the particle axis: axis 0 of a log-density of rank {@code n + 1} (plate
     * nesting {@code n}), the layout every latent value has. A log-density of lower rank (a factor
     * or a likelihood the model has reduced itself, e.g. {@code logProb(...).sum(-1)}) carries it
     * when its leading axis has size {@code P} and is not the axis of one of the site's plates (a
     * batch axis of size greater than 1 outside the site's plates cannot be a plate's copies, so
     * it is the particles'); otherwise it has no particle axis. Rank above {@code n + 1} is an error.
     */
    public Var perParticle(Site site) {
        return reduce(site.logProb(), site.name(), site.plates());
    }

    /** A site's term (e.g. its KL over the batch) summed to one value per particle, as {@link #perParticle}. */
    public Var perParticleValue(Var term, Site site) {
        return reduce(term, site.name(), site.plates());
    }

    /**
     * A term summed to one value per particle when it has rank {@code n + 1}, else summed
     * (every lower-rank axis is taken for a plate's).
     */
    public Var perParticleValue(Var term) {
        return reduce(term, "(analytic term)", null);
    }

    private Var reduce(Var lp, String siteName, List<PlateFrame> plates) {
        int rank = lp.value().rank();
        if (particles == 1 || rank == 0) {
            return lp.sum();
        }
        if (rank == maxPlateNesting + 1 || (rank <= maxPlateNesting && plates != null && leadsWithParticles(lp.shape(), plates))) {
            int[] axes = new int[rank - 1];
            for (int i = 1; i < rank; i++) {
                axes[i - 1] = i;
            }
            return axes.length == 0 ? lp : lp.sum(axes);
        }
        if (rank <= maxPlateNesting) {
            return lp.sum();
        }
        throw new IllegalArgumentException("site '" + siteName + "' has log-density shape "
                + java.util.Arrays.toString(lp.shape()) + " but the model declares " + maxPlateNesting
                + " plate(s): with several particles every batch axis must belong to a plate (m.plate(...)) or be an event axis (toEvent)");
    }

    /** True when axis 0 of {@code shape} has the particles' size and is not the axis of one of {@code plates}. */
    private boolean leadsWithParticles(int[] shape, List<PlateFrame> plates) {
        if (shape[0] != particles) {
            return false;
        }
        for (PlateFrame f : plates) {
            if (f.dim() == -shape.length && f.subsampleSize() == particles) {
                return false;
            }
        }
        return true;
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
