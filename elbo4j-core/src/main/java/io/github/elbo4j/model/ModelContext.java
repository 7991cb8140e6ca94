package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The runtime a {@link Model} runs against: the primitives {@code sample}, {@code observe},
 * {@code param}, {@code plate} and {@code deterministic}, and the explicit stack of effect
 * {@link Handler}s that gives them meaning. There is no global stack; each run gets its own
 * context, so two runs in two threads never interact.
 *
 * <p>The one stack walk ({@link #apply}): a site message visits the handlers innermost-first
 * through {@link Handler#process} until one stops it; if no handler set a value, the default
 * behaviour gives one (draw from the distribution with the message's random stream, the initial
 * value of a param, a random subsample for a plate); then the handlers that processed it see it
 * again through {@link Handler#postprocess}, outermost of them first.
 *
 * <p><b>Shapes.</b> Inference runs a model many times: once as a prototype, then with the
 * guide's draws of {@code P} Monte Carlo particles, and to draw from the posterior. In every one
 * of these runs a latent site's value has the same layout ({@link LatentShape}):
 * <pre>{@code [P] + [1] * (maxPlateNesting - batchRank) + batchShape + eventShape}</pre>
 * where {@code P} is the run's number of particles (1 in the prototype run, the fit's
 * {@code numParticles}, or the number of posterior draws), {@code maxPlateNesting} the deepest
 * plate nesting of the model, and {@code batchShape} the distribution's batch shape (inside
 * plates, with the plates' sizes) without leading 1s. So axis 0 is always the particle axis and
 * plate {@code k} (dim {@code -(k + 1)}) is always axis {@code -(k + 1)} of the batch part: a
 * scalar latent in a model with one plate is {@code [P, 1]}, a 3-vector ({@code toEvent(1)}) is
 * {@code [P, 1, 3]}, a latent inside a plate of 8 is {@code [P, 8]}. A model written with
 * broadcasting (and its data axes in plates) works for every {@code P} unchanged.
 */
public final class ModelContext {

    private final List<Handler> stack;

    private ModelContext(List<Handler> handlers) {
        this.stack = new ArrayList<>(handlers);
    }

    /** A context with {@code handlers}, outermost first. */
    public static ModelContext of(Handler... handlers) {
        return new ModelContext(List.of(handlers));
    }

    /** A context with {@code handlers}, outermost first. */
    public static ModelContext of(List<Handler> handlers) {
        return new ModelContext(handlers);
    }

    /** Runs {@code model} under {@code handlers} (outermost first) and returns its trace. */
    public static Trace trace(Model model, Handler... handlers) {
        TraceHandler tracer = new TraceHandler();
        List<Handler> all = new ArrayList<>();
        all.add(tracer);
        all.addAll(List.of(handlers));
        model.run(new ModelContext(all));
        return tracer.trace();
    }

    /** A latent random variable drawn from {@code d} (or given by a handler: replay, condition). */
    public Var sample(String name, Distribution d) {
        return apply(new Message(SiteType.SAMPLE, name, d, null, false, null, null));
    }

    /** An observed random variable: scores {@code value} under {@code d}; returns the value. */
    public Var observe(String name, Distribution d, Tensor value) {
        return apply(new Message(SiteType.SAMPLE, name, d, Var.constant(value), true, null, null));
    }

    /** A real-valued learnable parameter with initial value {@code init}. */
    public Var param(String name, Tensor init) {
        return param(name, init, new Constraint.Real());
    }

    /**
     * A learnable parameter constrained to {@code constraint}, with initial value {@code init} (inside it).
     * The init is checked against the constraint only when it is used (the default behaviour, or a
     * parameter store registering the name for the first time, through {@link Message#checkedParamInit}),
     * not on every call: a model runs once per step and passes the same init each time, so a per-call
     * check would be a pass over the whole tensor per step for nothing.
     */
    public Var param(String name, Tensor init, Constraint constraint) {
        return apply(new Message(SiteType.PARAM, name, null, null, false, init, constraint));
    }

    /**
     * Adds {@code logFactor} to the model's log-density, as an observed site named {@code name}:
     * for likelihoods no distribution object expresses (Pyro's {@code factor}). Its elements are
     * summed per particle: a value computed from latents keeps their particle axis 0 (shape
     * {@code [P, ...]}, also after the model reduces trailing axes, e.g. {@code [P]}) and adds one
     * term to each particle; a value without it (data only) adds the same term to every particle.
     * Never sum over axis 0 yourself: that adds all particles' terms to each.
     */
    public Var factor(String name, Var logFactor) {
        Var zero = Var.constant(Tensor.zeros(logFactor.shape()));
        return apply(new Message(SiteType.SAMPLE, name, io.github.elbo4j.distribution.Delta.of(zero, logFactor, 0),
                zero, true, null, null));
    }

    /** A named function of other sites, recorded in traces for reports. */
    public Var deterministic(String name, Var value) {
        return apply(new Message(SiteType.DETERMINISTIC, name, null, value, false, null, null));
    }

    /** A plate of {@code size} conditionally independent copies, all of them used. */
    public void plate(String name, int size, Consumer<Plate> body) {
        plate(name, size, size, body);
    }

    /**
     * A plate of {@code size} conditionally independent copies of which a random subsample of
     * {@code subsampleSize} is used; the log-densities of sites inside are scaled by
     * {@code size / subsampleSize}, an unbiased estimate of the full-data sum (Hoffman et al.,
     * JMLR 14, 2013, sec. 2.4). The copies occupy batch axis {@code -(depth + 1)}, where depth
     * counts the plates already open (Pyro's convention). A latent site inside gets the plate's
     * copies: its distribution's batch shape is broadcast to {@code subsampleSize} on that axis
     * ({@code m.sample("theta", Normal.of(mu, tau))} inside a plate of 8 is 8 latents); a batch
     * axis of another size there is an error naming the site, the plate and both sizes.
     */
    public void plate(String name, int size, int subsampleSize, Consumer<Plate> body) {
        if (size < 1) {
            throw new IllegalArgumentException("plate '" + name + "' size must be >= 1, got " + size);
        }
        if (subsampleSize < 1 || subsampleSize > size) {
            throw new IllegalArgumentException("plate '" + name + "' subsampleSize must be in [1, " + size + "], got " + subsampleSize);
        }
        int depth = 0;
        for (Handler h : stack) {
            if (h instanceof PlateHandler) {
                depth++;
            }
        }
        PlateFrame frame = new PlateFrame(name, size, subsampleSize, -(depth + 1));
        Message msg = new Message(SiteType.PLATE, name, null, null, false, null, null);
        msg.declarePlate(frame);
        Tensor indices = apply(msg).value();
        PlateHandler handler = new PlateHandler(frame);
        stack.add(handler);
        try {
            body.accept(new Plate(frame, indices));
        } finally {
            stack.remove(stack.size() - 1);
        }
    }

    /**
     * Runs {@code body} for steps {@code t = 0, ..., steps - 1} of a Markov chain: the sites of
     * step {@code t} may depend on those of step {@code t - 1} but not earlier (Pyro's
     * {@code markov} with history 1). Under enumeration this lets the discrete sites of step
     * {@code t} reuse the batch axes of step {@code t - 2}, so a chain of any length uses two axes per
     * site of a step instead of one per site ({@link EnumerateHandler}); the ELBO then eliminates the
     * states in order (Obermeyer et al., ICML 2019, sec. 3, "markov"). Outside enumeration it only
     * marks the sites. A site of step {@code t} that depends on step {@code t - 2} gets a wrong sum
     * under enumeration; chains do not nest.
     *
     * @throws IllegalArgumentException when {@code steps < 0} or inside another {@code markov}
     */
    public void markov(int steps, java.util.function.IntConsumer body) {
        if (steps < 0) {
            throw new IllegalArgumentException("markov steps must be >= 0, got " + steps);
        }
        for (Handler h : stack) {
            if (h instanceof MarkovHandler) {
                throw new IllegalArgumentException("markov chains do not nest: this markov(" + steps + ", ...) is inside another");
            }
        }
        MarkovHandler handler = new MarkovHandler();
        stack.add(handler);
        try {
            for (int t = 0; t < steps; t++) {
                handler.step(t);
                body.accept(t);
            }
        } finally {
            stack.remove(handler);
        }
    }

    /** The stack walk; see the class comment. */
    private Var apply(Message msg) {
        int processed = 0;
        for (int i = stack.size() - 1; i >= 0; i--) {
            stack.get(i).process(msg);
            processed++;
            if (msg.isStopped()) {
                break;
            }
        }
        if (msg.value().isEmpty()) {
            msg.setValue(defaultValue(msg));
        }
        for (int j = stack.size() - processed; j < stack.size(); j++) {
            stack.get(j).postprocess(msg);
        }
        return msg.value().orElseThrow();
    }

    private static Var defaultValue(Message msg) {
        switch (msg.type()) {
            case PARAM:
                return Var.constant(msg.checkedParamInit());
            case SAMPLE: {
                Distribution d = msg.distribution().orElseThrow();
                RandomStream rng = requireRng(msg);
                return d.hasRsample() ? d.rsample(rng) : Var.constant(d.sample(rng));
            }
            case PLATE:
                return Var.constant(subsample(msg));
            default:
                throw new IllegalStateException("site '" + msg.name() + "' has no value");
        }
    }

    /** All indices when the plate is not subsampled, else a uniform random subset ({@link PartialShuffle}). */
    private static Tensor subsample(Message msg) {
        PlateFrame f = msg.declaredPlate().orElseThrow();
        if (f.subsampleSize() == f.size()) {
            return Tensor.arange(f.size());
        }
        return Tensor.of(PartialShuffle.first(f.subsampleSize(), f.size(), requireRng(msg)));
    }

    private static RandomStream requireRng(Message msg) {
        return msg.rng().orElseThrow(() -> new IllegalStateException("site '" + msg.name()
                + "' needs a random draw but no random stream is set: run the model under a SeedHandler"));
    }
}
