package io.github.elbo4j.infer.run;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.infer.PrototypeRun;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.elbo.ElboInputs;
import io.github.elbo4j.infer.elbo.ElboStep;
import io.github.elbo4j.infer.elbo.ParamHandler;
import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.infer.elbo.ParticleHandler;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.AutoLaplace;
import io.github.elbo4j.infer.guide.AutoStructured;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.guide.Preconditioner;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model and its guide made ready to fit, once per fit: the prototype run, the layout of an
 * automatic guide's latents and the coordinates it is kept in, and one ELBO evaluation with its
 * gradient for any parameter values.
 */
public final class SviProgram {

    /** One evaluation: the estimate, and the loss gradient of every parameter in store order. */
    public record Evaluation(ElboStep step, List<String> names, double[][] gradients, double gradientNorm) {
    }

    public final Model model;
    public final Model guide;
    public final AutoGuide autoGuide;
    public final LatentLayout layout;
    public final Preconditioner preconditioner;
    public final int maxPlateNesting;
    public final Map<String, int[]> latentShapes;
    public final boolean subsampled;
    public final String warmStartNote;
    /** True when the ELBO sums out the model's discrete sites by enumeration (they are in no guide). */
    public final boolean enumerates;
    /** The fit of a Laplace guide ({@code AutoGuide.laplace()}), which is complete once compiled; empty for the others. */
    public final java.util.Optional<LaplaceStart> laplace;

    private SviProgram(Model model, Model guide, AutoGuide autoGuide, LatentLayout layout, Preconditioner preconditioner,
                       int maxPlateNesting, Map<String, int[]> latentShapes, boolean subsampled, String warmStartNote,
                       boolean enumerates) {
        this(model, guide, autoGuide, layout, preconditioner, maxPlateNesting, latentShapes, subsampled, warmStartNote,
                enumerates, null);
    }

    private SviProgram(Model model, Model guide, AutoGuide autoGuide, LatentLayout layout, Preconditioner preconditioner,
                       int maxPlateNesting, Map<String, int[]> latentShapes, boolean subsampled, String warmStartNote,
                       boolean enumerates, LaplaceStart laplace) {
        this.model = model;
        this.guide = guide;
        this.autoGuide = autoGuide;
        this.layout = layout;
        this.preconditioner = preconditioner;
        this.maxPlateNesting = maxPlateNesting;
        this.latentShapes = latentShapes;
        this.subsampled = subsampled;
        this.warmStartNote = warmStartNote;
        this.enumerates = enumerates;
        this.laplace = java.util.Optional.ofNullable(laplace);
    }

    /** Compiles {@code model} with a hand-written guide. */
    public static SviProgram handWritten(Model model, Model guide, RandomStream root) {
        return handWritten(model, guide, root, false);
    }

    /** Compiles {@code model} with a hand-written guide; {@code enumerate}: its discrete sites are summed out, not guided. */
    public static SviProgram handWritten(Model model, Model guide, RandomStream root, boolean enumerate) {
        PrototypeRun proto = enumerate ? PrototypeRun.enumerating(model, guide, root) : PrototypeRun.of(model, guide, root);
        return new SviProgram(model, guide, null, null, null, proto.maxPlateNesting(), proto.latentShapes(),
                subsampled(proto.trace()), "hand-written guide: no warm start", enumerate);
    }

    /**
     * Compiles {@code model} with an automatic guide, kept in the coordinates {@code warmStart}
     * chooses (the identity when it declines).
     */
    public static SviProgram automatic(Model model, AutoGuide auto, LatentLayoutFactory layouts, WarmStart warmStart, RandomStream root) {
        return automatic(model, auto, layouts, warmStart, root, false);
    }

    /**
     * As {@link #automatic(Model, AutoGuide, LatentLayoutFactory, WarmStart, RandomStream)}; with
     * {@code enumerate} the discrete sites are summed out by the ELBO and left out of the guide, and
     * there is no Laplace warm start (its mode search would see prior draws of the discrete sites).
     */
    public static SviProgram automatic(Model model, AutoGuide auto, LatentLayoutFactory layouts, WarmStart warmStart, RandomStream root,
                                       boolean enumerate) {
        PrototypeRun proto = enumerate ? PrototypeRun.enumerating(model, root) : PrototypeRun.of(model, root);
        LatentLayout layout = layouts.layout(proto.trace());
        boolean subsampled = subsampled(proto.trace());
        if (auto instanceof AutoLaplace) {
            if (enumerate) {
                throw new IllegalArgumentException("guide: AutoGuide.laplace() does not combine with enumerated discrete sites; "
                        + "use a Gaussian automatic guide (meanField, fullRank, lowRank) when the model's discrete sites are enumerated");
            }
            LaplaceStart l = LaplaceStart.of(model, auto, layout, subsampled, hasParams(proto.trace()), root.split(7));
            return new SviProgram(model, auto.guideFor(layout, l.preconditioner()), auto, layout, l.preconditioner(),
                    layout.maxPlateNesting(), proto.latentShapes(), subsampled, l.note(), false, l);
        }
        if (auto instanceof AutoStructured) {
            Preconditioner identity = Preconditioner.identity(layout.dimension());
            return new SviProgram(model, auto.guideFor(layout, identity), auto, layout, identity, layout.maxPlateNesting(),
                    proto.latentShapes(), subsampled, "no warm start: part of the guide is hand-written", enumerate);
        }
        WarmStartChoice choice = enumerate
                ? new WarmStartChoice(Preconditioner.identity(layout.dimension()), "no warm start: the model's discrete sites are enumerated")
                : WarmStartChoice.choose(warmStart, model, auto, layout, subsampled, hasParams(proto.trace()), root.split(7));
        return new SviProgram(model, auto.guideFor(layout, choice.preconditioner()), auto, layout, choice.preconditioner(),
                layout.maxPlateNesting(), proto.latentShapes(), subsampled, choice.note(), enumerate);
    }

    /** Compiles an automatic guide with known coordinates (resuming a saved fit). */
    public static SviProgram automatic(Model model, AutoGuide auto, LatentLayoutFactory layouts, Preconditioner pre, RandomStream root) {
        return automatic(model, auto, layouts, pre, root, false);
    }

    /** As {@link #automatic(Model, AutoGuide, LatentLayoutFactory, Preconditioner, RandomStream)}; {@code enumerate} as in the fit. */
    public static SviProgram automatic(Model model, AutoGuide auto, LatentLayoutFactory layouts, Preconditioner pre, RandomStream root,
                                       boolean enumerate) {
        PrototypeRun proto = enumerate ? PrototypeRun.enumerating(model, root) : PrototypeRun.of(model, root);
        LatentLayout layout = layouts.layout(proto.trace());
        return new SviProgram(model, auto.guideFor(layout, pre), auto, layout, pre, layout.maxPlateNesting(), proto.latentShapes(),
                subsampled(proto.trace()), "restored coordinates", enumerate);
    }

    /** How a layout is made from a prototype trace (the initialization strategy and its random stream). */
    @FunctionalInterface
    public interface LatentLayoutFactory {
        LatentLayout layout(Trace prototype);
    }

    /** Registers every parameter of the guide and the model in a new store (one run on a scratch tape). */
    public ParameterStore register(RandomStream rng) {
        ParameterStore store = new ParameterStore();
        Tape tape = new Tape();
        ElboInputs in = new ElboInputs(model, guide, new ParamHandler(store, tape), rng, 1, maxPlateNesting);
        Trace g = in.traceGuide();
        if (enumerates) {
            in.traceModelEnumerated(g);
        } else {
            in.traceModel(g);
        }
        return store;
    }

    /**
     * One ELBO estimate at the parameters in {@code store} with {@code particles} particles, and
     * the gradient of its loss with respect to every parameter (unconstrained). {@code noise}, if
     * not null, fixes the guide's draws.
     */
    public Evaluation evaluate(ElboEstimator estimator, ParameterStore store, RandomStream rng, int particles, Handler noise) {
        return evaluate(estimator, store, rng, particles, noise, null);
    }

    /** As {@link #evaluate(ElboEstimator, ParameterStore, RandomStream, int, Handler)}, with plates subsampled by {@code subsample} if not null. */
    public Evaluation evaluate(ElboEstimator estimator, ParameterStore store, RandomStream rng, int particles, Handler noise,
                               Handler subsample) {
        Tape tape = new Tape();
        ParamHandler params = new ParamHandler(store, tape);
        ElboInputs in = new ElboInputs(model, guide, params, rng, particles, maxPlateNesting, java.util.Optional.ofNullable(noise),
                java.util.Optional.ofNullable(subsample));
        ElboStep s = estimate(estimator, in);
        List<String> names = store.names();
        Var[] leaves = new Var[names.size()];
        for (int i = 0; i < leaves.length; i++) {
            Var leaf = params.leaf(names.get(i));
            leaves[i] = leaf != null ? leaf : Var.constant(store.unconstrainedValue(names.get(i)));
        }
        double[][] grads = new double[leaves.length][];
        double norm2 = 0;
        if (s.nonFiniteSite().isEmpty() && Double.isFinite(s.elbo())) {
            Gradients g = tape.gradient(s.loss(), leaves);
            for (int i = 0; i < leaves.length; i++) {
                grads[i] = g.get(i).toArray();
                for (double v : grads[i]) {
                    norm2 += v * v;
                }
            }
        }
        return new Evaluation(s, names, grads, Math.sqrt(norm2));
    }

    /** True when every sample site the guide draws can have its draws fixed (Normal, MultivariateNormal, Delta). */
    public boolean guideSupportsFixedDraws(ParameterStore store, RandomStream rng) {
        Trace g = ModelContext.trace(guide, new ParamHandler(store, new Tape()), new ParticleHandler(1, maxPlateNesting),
                new SeedHandler(rng));
        for (Site s : g.sites()) {
            if (s.type() == SiteType.SAMPLE && !s.isObserved() && !FixedNoise.supports(s.distribution().orElseThrow())) {
                return false;
            }
        }
        return true;
    }

    private static boolean subsampled(Trace t) {
        for (Site s : t.sites()) {
            for (PlateFrame f : s.plates()) {
                if (f.subsampleSize() < f.size()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasParams(Trace t) {
        return t.sites().stream().anyMatch(s -> s.type() == SiteType.PARAM);
    }

    /** One ELBO estimate; a broadcasting failure with several particles gets advice on plates. */
    private static ElboStep estimate(ElboEstimator elbo, ElboInputs in) {
        try {
            return elbo.estimate(in);
        } catch (IllegalArgumentException e) {
            if (in.particles() > 1 && e.getMessage() != null && e.getMessage().startsWith("cannot broadcast")) {
                throw new IllegalArgumentException("with " + in.particles() + " particles the latent values carry a leading particle axis, "
                        + "and the model failed to broadcast (" + e.getMessage() + "): put data axes in m.plate(...) so the particle "
                        + "axis stays left of them, or use numParticles(1)", e);
            }
            throw e;
        }
    }
}
