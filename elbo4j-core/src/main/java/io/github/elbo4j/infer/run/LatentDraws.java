package io.github.elbo4j.infer.run;

import io.github.elbo4j.distribution.Unconstrained;
import io.github.elbo4j.infer.elbo.ElboInputs;
import io.github.elbo4j.infer.elbo.ParticleHandler;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;

/**
 * {@code n} draws of a fitted guide's latent sites in constrained space, as one run with
 * {@code n} particles. A guide that draws some site in unconstrained coordinates
 * ({@link Unconstrained}: its support's bounds are other latents) needs the model to map them,
 * so then the model is replayed against the guide's draws and its trace returned (NumPyro's
 * autoguides constrain posterior draws by running the model the same way); otherwise the guide's
 * trace is the answer and the model is not run.
 */
public final class LatentDraws {

    private LatentDraws() {
    }

    /** A trace whose latent sites hold {@code n} constrained draws each, in the shape contract with {@code P = n}. */
    public static Trace trace(Model model, Model guide, Handler params, RandomStream rng, int n, int maxPlateNesting) {
        Trace g = ModelContext.trace(guide, params, new ParticleHandler(n, maxPlateNesting), new SeedHandler(rng));
        for (Site s : g.latentSites()) {
            if (s.distribution().orElseThrow() instanceof Unconstrained) {
                return new ElboInputs(model, guide, params, rng, n, maxPlateNesting).traceModel(g);
            }
        }
        return g;
    }
}
