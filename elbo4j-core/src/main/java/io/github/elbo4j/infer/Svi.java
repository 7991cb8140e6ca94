package io.github.elbo4j.infer;

import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.elbo.TraceElbo;
import io.github.elbo4j.infer.guide.AutoChoice;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.InitStrategy;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.run.DeterministicRun;
import io.github.elbo4j.infer.run.GradientMoments;
import io.github.elbo4j.infer.run.StochasticRun;
import io.github.elbo4j.infer.run.SviProgram;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Optimizer;
import io.github.elbo4j.random.RandomStream;
import java.util.List;
import java.util.Optional;

/**
 * Variational inference by maximizing the ELBO over the guide's (and the model's) parameters
 * (Hoffman et al., JMLR 14, 2013; Ranganath et al., AISTATS 2014; Kucukelbir et al., JMLR 18(14),
 * 2017). Configure with {@link #builder}, then {@link #run}. Two methods:
 * <ul>
 * <li><b>deterministic</b> ({@link DeterministicRun}): fixed moment-matched draws and L-BFGS, with
 *     the number of draws doubled until the optimum stops moving (Giordano, Ingram &amp; Broderick,
 *     JMLR 25(18), 2024). Chosen by default for an automatic guide on a model that does not
 *     subsample its data;</li>
 * <li><b>stochastic</b> ({@link StochasticRun}): fresh draws every step and a first-order optimizer
 *     (Adam(0.05) unless one is given; for a flow guide, Adam(0.03) annealed to 1% over the budget by a
 *     cosine schedule, 8 particles per step, and no early stop), a loop over the pure step {@link #update}, stopped by a
 *     {@link Convergence} rule. Chosen when the user gives an optimizer, a non-default estimator or
 *     a hand-written guide, when the model subsamples, or for a flow guide ({@code AutoGuide.flow()}).</li>
 * </ul>
 * An automatic guide starts from a Laplace approximation when that is better ({@link WarmStart}).
 * Every fit ends with a PSIS check of {@code q} and a {@link Verdict}.
 *
 * <pre>{@code
 * Fit fit = Svi.builder(model).guide(AutoGuide.fullRank()).seed(42).build().run();
 * }</pre>
 *
 * <p>Immutable and thread-safe: one {@code Svi} can run many times, from many threads. The random
 * stream of step {@code t} is {@code RandomStream.of(seed).split(t)}, so the same seed gives
 * bit-identical results.
 */
public final class Svi {

    /** How to maximize the ELBO. */
    public enum Method {
        /** Deterministic when the model and guide allow it and no optimizer or estimator was chosen; stochastic otherwise. */
        AUTO,
        /** Fixed draws and L-BFGS. */
        DETERMINISTIC,
        /** Fresh draws every step and a first-order optimizer. */
        STOCHASTIC
    }

    static final int MIN_DRAWS = 256;
    static final int MAX_DRAWS = 2000;
    static final int MAX_DETERMINISTIC_DRAWS = 4096;
    static final int MAX_DETERMINISTIC_PARAMETERS = 100_000;

    private final Model model;
    private final SviSettings settings;
    /** Compiled on first use; a race compiles twice to the same program (the compilation is deterministic). */
    private volatile SviProgram program;

    private Svi(Model model, SviSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /**
     * A builder for VI of {@code model}; every setting starts at the default its method states.
     *
     * @throws IllegalArgumentException if {@code model} is null
     */
    public static Builder builder(Model model) {
        return new Builder(nonNull("model", model));
    }

    /** VI of {@code model} with every default: {@code builder(model).build()}. */
    public static Svi of(Model model) {
        return builder(model).build();
    }

    /** The model and guide, compiled once per configuration (prototype run, layout, warm start). */
    SviProgram program() {
        SviProgram p = program;
        if (p == null) {
            SviSettings s = settings;
            if (s.autoGuide() instanceof AutoChoice) {
                throw new IllegalArgumentException("AutoGuide.auto() fits one guide after another: use run(), not init(), update(), "
                        + "advance() or resume()");
            }
            RandomStream root = RandomStream.of(s.seed());
            boolean enumerate = s.estimator().enumeratesDiscreteSites();
            p = s.autoGuide() == null ? SviProgram.handWritten(model, s.guide(), root.split(-1), enumerate)
                    : SviProgram.automatic(model, s.autoGuide(), t -> LatentLayout.of(t, s.init(), root.split(-3)), s.warmStart(),
                    root.split(-1), enumerate);
            program = p;
        }
        return p;
    }

    /** The state before the first step of stochastic VI: the parameters at their starting values. */
    public SviState init() {
        return new SviState(0, program().register(RandomStream.of(settings.seed()).split(-2)), null, 1.0);
    }

    /** The result of one step: the new state and the step's ELBO estimate. */
    public record Update(SviState state, double elbo, double gradientNorm) {
    }

    /** One step of stochastic VI from {@code state} (which is not modified). */
    public Update update(SviState state) {
        StochasticRun.Step s = StochasticRun.step(program(), settings.optimizerOrDefault(), settings.estimator(),
                settings.effectiveParticles(), settings.subsampling(), RandomStream.of(settings.seed()), state, Double.NaN);
        return new Update(s.state(), s.elbo(), s.gradientNorm());
    }

    /**
     * {@code steps} steps of stochastic VI from {@code state} (which is not modified): the same
     * result as {@code steps} calls of {@link #update}, but the parameters and the optimizer's
     * accumulators are copied once, not at every step (for large models, e.g. networks). The
     * listener sees each step's ELBO estimate.
     */
    public SviState advance(SviState state, long steps, StepListener listener) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        return StochasticRun.advance(program(), settings.optimizerOrDefault(), settings.estimator(), settings.effectiveParticles(),
                settings.subsampling(), RandomStream.of(settings.seed()), state, steps, nonNull("listener", listener),
                settings.signalToNoiseWindow());
    }

    /**
     * The signal-to-noise ratio of the loss gradient per parameter at the parameters of {@code state}
     * ({@link SignalToNoise}; Rainforth et al., ICML 2018, eq. 9): {@code draws} independent gradient
     * estimates with this configuration's estimator and particles per estimate, each with its own
     * stream {@code RandomStream.of(seed).split(-9).split(r)}. With {@code P} particles an estimate
     * averages {@code P} draws, so its SNR is {@code √P} times a single draw's (for the plain ELBO);
     * for the importance-weighted bound the guide's SNR falls as {@code K} grows (Rainforth et al.,
     * Theorem 1: {@code O(1/√K)}). A subsampled model draws minibatch {@code step + r} for draw {@code r}
     * (so the minibatch noise counts). Per-particle gradients are not separated: the particle axis is
     * summed inside the one backward pass, so the draws are whole estimates.
     *
     * @throws IllegalArgumentException if {@code draws < 2}
     */
    public SignalToNoise signalToNoise(SviState state, int draws) {
        if (draws < 2) {
            throw new IllegalArgumentException("signal-to-noise draws must be >= 2, got " + draws);
        }
        return GradientMoments.atFixedParameters(program(), settings.estimator(), settings.effectiveParticles(), settings.subsampling(),
                RandomStream.of(settings.seed()), state, draws);
    }

    /** VI of {@code model} with settings already validated (the attempts of {@link AutoGuide#auto()}). */
    static Svi of(Model model, SviSettings settings) {
        return new Svi(model, settings);
    }

    SviSettings settings() {
        return settings;
    }

    /**
     * Runs the fit, checks it, and returns it. With {@link AutoGuide#auto()}, runs the attempts of
     * {@link GuideSearch} and returns the chosen one with all of them ({@link Fit#attempts()}); with
     * {@link AutoGuide#laplace()}, the fit is the Laplace approximation itself (nothing is optimized).
     */
    public Fit run() {
        if (settings.autoGuide() instanceof AutoChoice) {
            return GuideSearch.run(model, settings);
        }
        SviProgram p = program();
        SviState start = init();
        SviRun run = new SviRun(model, settings);
        if (p.laplace.isPresent()) {
            return run.laplace(p, start);
        }
        if (MethodChoice.deterministic(settings, p, start)) {
            return run.deterministic(p, start);
        }
        return run.stochastic(p, start, settings.optimizerOrDefault(), Optional.empty());
    }

    /** Continues a stochastic fit from its saved state (same seed, same settings): the steps it would have taken next. */
    public Fit resume(Fit previous) {
        SviState state = previous.state().orElseThrow(() -> new IllegalArgumentException(
                "this fit has no stochastic-VI state to resume from (method: " + previous.method() + ")"));
        return new SviRun(model, settings).stochastic(program(), state, settings.optimizerOrDefault(), Optional.empty());
    }

    private static <T> T nonNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * The settings of an {@link Svi}, each validated when set; {@link #build()} takes a snapshot, so
     * a builder can be changed and built again. Not thread-safe (the {@link Svi} it builds is).
     */
    public static final class Builder {

        private final Model model;
        private Model guide;
        private AutoGuide autoGuide = AutoGuide.meanField();
        private Optimizer optimizer;
        private ElboEstimator estimator = new TraceElbo();
        private boolean estimatorChosen;
        private int particles = SviSettings.AUTO_PARTICLES;
        private long maxSteps = 10_000;
        private Convergence convergence;
        private long seed = 0;
        private StepListener listener = (s, e, g, n) -> { };
        private int adaptSteps;
        private InitStrategy init = InitStrategy.median();
        private WarmStart warmStart = WarmStart.laplace();
        private Method method = Method.AUTO;
        private int diagnosticDraws = SviSettings.AUTO_DRAWS;
        private Subsampling subsampling = Subsampling.random();
        private int signalToNoiseWindow;

        private Builder(Model model) {
            this.model = model;
        }

        /** Use an automatic guide (default {@link AutoGuide#meanField()}). */
        public Builder guide(AutoGuide auto) {
            this.autoGuide = nonNull("guide", auto);
            this.guide = null;
            return this;
        }

        /**
         * Use a hand-written guide: a program with the model's latent sites (and its own params).
         * Default: the automatic guide {@link AutoGuide#meanField()}.
         */
        public Builder guide(Model handWritten) {
            this.guide = nonNull("guide", handWritten);
            this.autoGuide = null;
            return this;
        }

        /**
         * The optimizer (stochastic VI). Choosing one selects the stochastic method under
         * {@link Method#AUTO}. Default: none chosen; stochastic VI then uses {@code Adam.lr(0.05)}
         * ({@code Adam.lr(0.03)} with a cosine schedule over {@code maxSteps} for a flow guide).
         */
        public Builder optimizer(Optimizer o) {
            this.optimizer = nonNull("optimizer", o);
            return this;
        }

        /**
         * The ELBO estimator (stochastic VI). Choosing one selects the stochastic method under
         * {@link Method#AUTO}. Default: {@link TraceElbo}.
         */
        public Builder elbo(ElboEstimator e) {
            this.estimator = nonNull("elbo", e);
            this.estimatorChosen = true;
            return this;
        }

        /**
         * Monte Carlo particles per step of stochastic VI, drawn as one batch axis; {@code >= 1} (default 1,
         * and 8 for a flow guide).
         */
        public Builder numParticles(int p) {
            if (p < 1) {
                throw new IllegalArgumentException("numParticles must be >= 1, got " + p);
            }
            this.particles = p;
            return this;
        }

        /**
         * The step budget of stochastic VI, and the iteration budget of each L-BFGS run of
         * deterministic VI; {@code >= 1} (default 10,000).
         */
        public Builder maxSteps(long steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("maxSteps must be >= 1, got " + steps);
            }
            this.maxSteps = steps;
            return this;
        }

        /** When stochastic VI stops early (default {@link Convergence#stationary()}; none for a flow guide with the default optimizer). */
        public Builder convergence(Convergence rule) {
            this.convergence = nonNull("convergence", rule);
            return this;
        }

        /** The seed of every random draw of the run (default 0). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Where an automatic guide starts (default {@link InitStrategy#median()}: the prior median). */
        public Builder init(InitStrategy strategy) {
            this.init = nonNull("init", strategy);
            return this;
        }

        /** Whether an automatic guide may start from a Laplace approximation (default {@link WarmStart#laplace()}). */
        public Builder warmStart(WarmStart w) {
            this.warmStart = nonNull("warmStart", w);
            return this;
        }

        /** The method (default {@link Method#AUTO}). */
        public Builder method(Method m) {
            this.method = nonNull("method", m);
            return this;
        }

        /**
         * Draws of {@code q} for the PSIS check after the fit; 0 turns the check off. By default the
         * number follows the fit's own work, {@code S = clamp(W / 8, 256, 2000)} with {@code W} the
         * number of single-draw model evaluations the fit made (steps × particles, or the deterministic
         * objective's evaluations × fixed draws), so the check costs at most about a tenth of a
         * stochastic fit (measured on the logistic-regression benchmark: docs/fitting.md) and small
         * models, whose fits make many cheap evaluations, get up to 2,000 draws and a steadier {@code k̂}.
         * A Laplace fit ({@code AutoGuide.laplace()}) gets 2,000: it does little work, and its accuracy is
         * the least assured (on hier_logreg, 256 draws read {@code k̂} 0.55 for a fit 3.9 sds off).
         */
        public Builder diagnosticDraws(int draws) {
            if (draws != 0 && draws < 100) {
                throw new IllegalArgumentException("diagnosticDraws must be 0 (off) or >= 100, got " + draws);
            }
            this.diagnosticDraws = draws;
            return this;
        }

        /**
         * Stan's step-size search (Kucukelbir et al., JMLR 18(14), 2017, sec. 3.2; Stan's
         * {@code adapt_engaged}): for {@code η ∈ {100, 10, 1, 0.1, 0.01}} run {@code steps} steps of
         * {@link io.github.elbo4j.optim.StanStepSize} from the initial point, keep the {@code η} with
         * the best mean ELBO over the last half of those steps (diverged candidates are skipped), then
         * fit with it (stochastic VI). {@code steps >= 2}; default: no search.
         */
        public Builder adaptStepSize(int steps) {
            if (steps < 2) {
                throw new IllegalArgumentException("adaptStepSize steps must be >= 2, got " + steps);
            }
            this.adaptSteps = steps;
            return this;
        }

        /**
         * How a subsampled plate picks its minibatch at each step of stochastic VI (default
         * {@link Subsampling#random()}; {@link Subsampling#epochs()} for seeded shuffles per epoch).
         */
        public Builder subsampling(Subsampling s) {
            this.subsampling = nonNull("subsampling", s);
            return this;
        }

        /**
         * Every {@code steps} steps of stochastic VI, the gradient's signal-to-noise ratio per parameter over
         * those steps goes to the listener ({@link StepListener#onSignalToNoise}); 0 (the default) turns
         * it off. Costs two arrays the size of the parameters and about three operations per parameter per step.
         */
        public Builder signalToNoiseWindow(int steps) {
            if (steps != 0 && steps < 2) {
                throw new IllegalArgumentException("signalToNoiseWindow must be 0 (off) or >= 2 steps, got " + steps);
            }
            this.signalToNoiseWindow = steps;
            return this;
        }

        /** Called after every step (stochastic) or L-BFGS iteration (deterministic), on the fitting thread (default: none). */
        public Builder listener(StepListener l) {
            this.listener = nonNull("listener", l);
            return this;
        }

        /**
         * The configured fit: immutable and thread-safe.
         *
         * @throws IllegalArgumentException for a flow guide with {@code SticksTheLandingElbo}: that
         *     estimator re-scores the guide at its detached draws, and a flow's re-scored density holds
         *     the base point fixed rather than the draw, which leaves a score term of non-zero mean
         */
        public Svi build() {
            return new Svi(model, new SviSettings(guide, autoGuide, optimizer, estimator, estimatorChosen, particles, maxSteps,
                    convergence, seed, listener, adaptSteps, init, warmStart, method, diagnosticDraws, subsampling,
                    signalToNoiseWindow));
        }
    }
}
