package io.github.elbo4j.infer;

import io.github.elbo4j.infer.elbo.ParticleHandler;
import io.github.elbo4j.model.EnumerateHandler;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.LatentShape;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.model.ReplayHandler;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first run of a model, with prior draws (and a hand-written guide's draws replayed): it
 * finds the latent sites, their shapes and the deepest plate nesting, under the same shape
 * contract as every later run ({@link LatentShape}, one particle).
 *
 * <p>The nesting {@code n} is known only once the model has run, yet the values of that run
 * must already be padded for it. So the model is run with a guess (0 first), the deepest plate it
 * opens is recorded, and it is run again with that depth until the guess holds. A model that
 * inspects its shapes may fail under a guess that is too small before it reaches its plates; such
 * a run is retried with one more level, up to {@value #MAX_GUESS}, and if no guess works the
 * failure of the run with the deepest nesting seen is rethrown. Every attempt uses the same
 * random stream, so the prototype is the same for the same seed.
 *
 * <p>A latent with a flat improper prior ({@code ImproperUniform}) is not drawn: it starts at
 * {@code bijectTo(support)(0)} ({@link ImproperStartHandler}).
 */
public final class PrototypeRun {

    /** The deepest plate nesting tried for a model that fails before opening its plates. */
    static final int MAX_GUESS = 8;

    private final Trace trace;
    private final int maxPlateNesting;

    private PrototypeRun(Trace trace, int maxPlateNesting) {
        this.trace = trace;
        this.maxPlateNesting = maxPlateNesting;
    }

    /** The prototype of {@code model} with prior draws from {@code rng}. */
    public static PrototypeRun of(Model model, RandomStream rng) {
        return of(model, Optional.empty(), rng);
    }

    /** The prototype of {@code model} with the draws of a hand-written {@code guide} replayed into it. */
    public static PrototypeRun of(Model model, Model guide, RandomStream rng) {
        return of(model, Optional.of(guide), rng);
    }

    /**
     * The prototype of {@code model} with its discrete latent sites enumerated ({@link EnumerateHandler})
     * rather than drawn: what a fit
     * with {@code ElboEstimator.traceEnum()} compiles. The enumerated sites are in the trace (marked by
     * {@code Site.enumDim()}) but not among {@link #latentShapes()}.
     */
    public static PrototypeRun enumerating(Model model, RandomStream rng) {
        return of(model, Optional.empty(), rng, true);
    }

    /** As {@link #enumerating(Model, RandomStream)}, with the draws of a hand-written {@code guide} replayed. */
    public static PrototypeRun enumerating(Model model, Model guide, RandomStream rng) {
        return of(model, Optional.of(guide), rng, true);
    }

    /** Runs {@code model} (after {@code guide}, replayed into it, when there is one) until the nesting guess holds. */
    static PrototypeRun of(Model model, Optional<Model> guide, RandomStream rng) {
        return of(model, guide, rng, false);
    }

    private static PrototypeRun of(Model model, Optional<Model> guide, RandomStream rng, boolean enumerate) {
        int guess = 0;
        Throwable kept = null;
        int keptDepth = -1;
        while (true) {
            PlateDepthRecorder depth = new PlateDepthRecorder();
            try {
                Trace t = run(model, guide, rng, guess, depth, enumerate);
                int found = Math.max(depth.deepest(), t.maxPlateNesting());
                if (found <= guess) {
                    return new PrototypeRun(t, guess);
                }
                guess = found;
            } catch (RuntimeException | AssertionError failure) {
                if (depth.deepest() > guess) {
                    guess = depth.deepest();
                    continue;
                }
                if (depth.deepest() > keptDepth) {
                    kept = failure;
                    keptDepth = depth.deepest();
                }
                if (guess >= MAX_GUESS) {
                    if (kept instanceof RuntimeException r) {
                        throw r;
                    }
                    throw (AssertionError) kept;
                }
                guess++;
            }
        }
    }

    private static Trace run(Model model, Optional<Model> guide, RandomStream rng, int nesting, PlateDepthRecorder depth,
                             boolean enumerate) {
        List<Handler> handlers = new ArrayList<>(List.of(depth, new ParticleHandler(1, nesting)));
        if (enumerate) {
            handlers.add(new EnumerateHandler(nesting));
        }
        handlers.add(new ImproperStartHandler(nesting));
        if (guide.isEmpty()) {
            handlers.add(new SeedHandler(rng));
            return ModelContext.trace(model, handlers.toArray(Handler[]::new));
        }
        Trace g = ModelContext.trace(guide.get(), depth, new ParticleHandler(1, nesting), new SeedHandler(rng.split(0)));
        handlers.add(new ReplayHandler(g));
        handlers.add(new SeedHandler(rng.split(1)));
        Trace t = ModelContext.trace(model, handlers.toArray(Handler[]::new));
        requireGuided(t, g);
        return t;
    }

    /** Every latent sample site of the model must be drawn by the hand-written guide (else the ELBO would silently use prior draws). */
    private static void requireGuided(Trace model, Trace guide) {
        for (Site s : model.latentSites()) {
            if (!s.isEnumerated() && guide.get(s.name()).isEmpty()) {
                String plates = s.plates().isEmpty() ? "" : " (inside plate(s) " + s.plates().stream().map(PlateFrame::name).toList() + ")";
                throw new IllegalArgumentException("the guide has no site '" + s.name() + "' for the model's latent site '" + s.name()
                        + "'" + plates + ": a hand-written guide must draw every latent sample site of the model; it draws "
                        + guide.latentSites().stream().map(Site::name).toList());
            }
        }
    }

    /** The recorded run (model sites; latent values of shape {@code [1] + [1] * (n - b) + batch + event}). */
    public Trace trace() {
        return trace;
    }

    /** The deepest plate nesting of the model (and guide). */
    public int maxPlateNesting() {
        return maxPlateNesting;
    }

    /** The names of the sites summed out by enumeration (empty unless built by {@link #enumerating}). */
    public List<String> enumeratedSites() {
        return trace.latentSites().stream().filter(Site::isEnumerated).map(Site::name).toList();
    }

    /** The shape of one draw of every latent site not enumerated, {@code batchShape + eventShape}, in model order. */
    public Map<String, int[]> latentShapes() {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Site s : trace.latentSites()) {
            if (s.isEnumerated()) {
                continue;
            }
            out.put(s.name(), LatentShape.siteShape(s.value().shape(), s.distribution().orElseThrow().eventShape().length));
        }
        return out;
    }
}
