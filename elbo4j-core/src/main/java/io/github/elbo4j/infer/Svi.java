package io.github.elbo4j.infer;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.Optimizer;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.optim.StanStepSize;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stochastic variational inference (Hoffman et al., JMLR 14, 2013; Ranganath et al., AISTATS
 * 2014; Kucukelbir et al., JMLR 18(14), 2017): maximize an ELBO estimate over the guide's (and
 * the model's) parameters with a stochastic optimizer. A builder: configure, then {@link #run}.
 *
 * <p>Each step runs the guide and the model on a fresh tape with the step's own random stream
 * {@code RandomStream.of(seed).split(step)}, so the same seed gives bit-identical results. A
 * NaN or infinite ELBO or gradient throws {@link DivergenceException}.
 */
public final class Svi {

    private final Model model;
    private Model guide;
    private AutoGuide autoGuide = AutoGuide.meanField();
    private Optimizer optimizer = Adam.lr(0.05);
    private ElboEstimator estimator = new TraceElbo();
    private int particles = 1;
    private long maxSteps = 10_000;
    private Convergence convergence;
    private long seed = 0;
    private StepListener listener = (s, e, g, n) -> { };
    private int adaptSteps;

    private Svi(Model model) {
        this.model = model;
    }

    /** SVI of {@code model}, by default with a mean-field guide, Adam(0.05) and the reparameterized ELBO. */
    public static Svi of(Model model) {
        return new Svi(model);
    }

    /** Use an automatic guide. */
    public Svi guide(AutoGuide auto) {
        this.autoGuide = auto;
        this.guide = null;
        return this;
    }

    /** Use a hand-written guide: a program with the model's latent sites (and its own params). */
    public Svi guide(Model handWritten) {
        this.guide = handWritten;
        this.autoGuide = null;
        return this;
    }

    /** The optimizer. */
    public Svi optimizer(Optimizer o) {
        this.optimizer = o;
        return this;
    }

    /** The ELBO estimator. */
    public Svi elbo(ElboEstimator e) {
        this.estimator = e;
        return this;
    }

    /** Monte Carlo particles per step, drawn as one batch axis. */
    public Svi numParticles(int p) {
        if (p < 1) {
            throw new IllegalArgumentException("numParticles must be >= 1, got " + p);
        }
        this.particles = p;
        return this;
    }

    /** The step budget. */
    public Svi maxSteps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + steps);
        }
        this.maxSteps = steps;
        return this;
    }

    /** Stop early on the relative change of the smoothed ELBO. */
    public Svi convergence(Convergence rule) {
        this.convergence = rule;
        return this;
    }

    /** The seed of every random draw of the run. */
    public Svi seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * Stan's step-size search (Kucukelbir et al., JMLR 18(14), 2017, sec. 3.2; Stan's
     * {@code adapt_engaged}): for {@code η ∈ {100, 10, 1, 0.1, 0.01}} run {@code steps} steps of
     * {@link StanStepSize} from the initial point, keep the {@code η} with the best mean ELBO over
     * the last half of those steps (diverged candidates are skipped), then fit with it.
     */
    public Svi adaptStepSize(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("adaptStepSize steps must be >= 2, got " + steps);
        }
        this.adaptSteps = steps;
        return this;
    }

    /** Called after every step. */
    public Svi listener(StepListener l) {
        this.listener = l;
        return this;
    }

    /** Runs the fit (after the step-size search, when one was asked for). */
    public Fit run() {
        if (adaptSteps == 0) {
            return runOnce();
        }
        double bestEta = Double.NaN;
        double bestElbo = Double.NEGATIVE_INFINITY;
        for (double eta : new double[] {100, 10, 1, 0.1, 0.01}) {
            Svi trial = copy();
            trial.optimizer = new StanStepSize(eta);
            trial.maxSteps = adaptSteps;
            trial.convergence = null;
            trial.listener = (s, e, g, n) -> { };
            try {
                double[] trace = trial.runOnce().elboTrace();
                double mean = 0;
                int half = trace.length / 2;
                for (int i = half; i < trace.length; i++) {
                    mean += trace[i];
                }
                mean /= trace.length - half;
                if (mean > bestElbo) {
                    bestElbo = mean;
                    bestEta = eta;
                }
            } catch (DivergenceException diverged) {
                // this eta is too large: try the next one
            }
        }
        if (Double.isNaN(bestEta)) {
            throw new DivergenceException(0, "every step size of the search (100 ... 0.01)", Double.NaN, Map.of());
        }
        Svi chosen = copy();
        chosen.optimizer = new StanStepSize(bestEta);
        chosen.adaptSteps = 0;
        Fit f = chosen.runOnce();
        return new Fit(f.parameters(), f.elboTrace(), f.steps(), f.converged(), f.posterior(), f.seed(), java.util.OptionalDouble.of(bestEta));
    }

    private Svi copy() {
        Svi c = new Svi(model);
        c.guide = guide;
        c.autoGuide = autoGuide;
        c.optimizer = optimizer;
        c.estimator = estimator;
        c.particles = particles;
        c.maxSteps = maxSteps;
        c.convergence = convergence;
        c.seed = seed;
        c.listener = listener;
        c.adaptSteps = adaptSteps;
        return c;
    }

    private Fit runOnce() {
        RandomStream root = RandomStream.of(seed);
        PrototypeRun proto = PrototypeRun.of(model, Optional.ofNullable(guide), root.split(-1));
        Trace prototype = proto.trace();
        int nesting = proto.maxPlateNesting();
        Map<String, int[]> latentShapes = proto.latentShapes();
        Model guideProgram = guide;
        int p = particles;
        if (autoGuide != null) {
            guideProgram = autoGuide.guideFor(LatentLayout.of(prototype));
            p = autoGuide.isPointMass() ? 1 : particles;
        }
        ElboEstimator elbo = estimator.fresh();
        ParameterStore store = new ParameterStore();
        OptimizerState state = null;
        double[] trace = new double[(int) Math.min(maxSteps, Integer.MAX_VALUE - 8)];
        Convergence.Monitor monitor = convergence == null ? null : new Convergence.Monitor(convergence);
        double lastFinite = Double.NaN;
        double[][] lastGood = null;
        long step = 0;
        boolean converged = false;
        while (step < maxSteps && !converged) {
            long start = System.nanoTime();
            Tape tape = new Tape();
            ParamHandler params = new ParamHandler(store, tape);
            ElboStep s;
            try {
                s = estimate(elbo, new ElboInputs(model, guideProgram, params, root.split(step), p, nesting));
            } catch (IllegalArgumentException invalid) {
                if (step == 0) {
                    throw invalid;
                }
                // Step 0 ran, so the model is valid: the optimizer has moved a parameter out of its domain.
                DivergenceException d = diverged(step, "a distribution parameter (" + invalid.getMessage() + ")", lastFinite, store, lastGood);
                d.initCause(invalid);
                throw d;
            }
            if (s.nonFiniteSite().isPresent() || !Double.isFinite(s.elbo())) {
                throw diverged(step, "site '" + s.nonFiniteSite().orElse("?") + "'", lastFinite, store, lastGood);
            }
            List<String> names = store.names();
            Var[] leaves = new Var[names.size()];
            for (int i = 0; i < leaves.length; i++) {
                Var leaf = params.leaf(names.get(i));
                leaves[i] = leaf != null ? leaf : Var.constant(store.unconstrainedValue(names.get(i)));
            }
            Gradients g = tape.gradient(s.loss(), leaves);
            double[][] grads = new double[leaves.length][];
            double norm2 = 0;
            int[] sizes = new int[leaves.length];
            for (int i = 0; i < leaves.length; i++) {
                grads[i] = g.get(i).toArray();
                sizes[i] = grads[i].length;
                for (double v : grads[i]) {
                    norm2 += v * v;
                }
                if (!g.get(i).allFinite()) {
                    throw diverged(step, "gradient of param '" + names.get(i) + "'", lastFinite, store, lastGood);
                }
            }
            if (state == null) {
                state = optimizer.init(sizes);
            }
            lastGood = store.snapshot();
            optimizer.update(store.arrays(), grads, state, 1.0);
            lastFinite = s.elbo();
            trace[(int) step] = s.elbo();
            listener.onStep(step, s.elbo(), Math.sqrt(norm2), System.nanoTime() - start);
            step++;
            converged = monitor != null && monitor.offer(s.elbo());
        }
        Map<String, Tensor> values = store.values();
        Posterior posterior = new Posterior(model, guideProgram, values, latentShapes, nesting);
        return new Fit(values, java.util.Arrays.copyOf(trace, (int) step), step, converged, posterior, seed, java.util.OptionalDouble.empty());
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

    /** Restores the parameters of the last step whose ELBO and gradients were finite, then reports. */
    private static DivergenceException diverged(long step, String where, double lastFinite, ParameterStore store, double[][] lastGood) {
        if (lastGood != null) {
            store.restore(lastGood);
        }
        return new DivergenceException(step, where, lastFinite, store.values());
    }

    /** The version of this library, for provenance. */
    static Optional<String> version() {
        return Optional.ofNullable(Svi.class.getPackage().getImplementationVersion());
    }
}
