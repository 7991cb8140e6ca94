package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.DivergenceException;
import io.github.elbo4j.infer.StepListener;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.SviState;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.optim.Optimizer;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.random.RandomStream;
import java.util.Arrays;
import java.util.List;

/**
 * Stochastic VI as a loop over a pure step ({@link #step}): each step estimates the ELBO and its
 * gradient with fresh draws from the stream {@code root.split(step)} and moves the parameters with
 * the optimizer; the stopping rule wraps the loop. A NaN or infinite ELBO or gradient throws
 * {@link DivergenceException} with the parameters of the last good step.
 */
public final class StochasticRun {

    /** What the run produced. */
    public record Outcome(SviState state, ParameterStore fitted, double[] trace, StopReason stop, String note, long drawEvaluations) {
    }

    /** The state after a step and that step's estimate. */
    public record Step(SviState state, double elbo, double gradientNorm) {
    }

    /** The split of the run's root stream that seeds the minibatch schedule ({@link Subsampling}). */
    private static final long SCHEDULE = -7;

    private StochasticRun() {
    }

    /** One step from {@code state}; {@code state} is not modified. */
    public static Step step(SviProgram program, Optimizer optimizer, ElboEstimator estimator, int particles, Subsampling subsampling,
                            RandomStream root, SviState state, double lastFiniteElbo) {
        ParameterStore store = state.parameters().copy();
        OptimizerState os = state.optimizer() == null ? null : state.optimizer().copy();
        return stepInPlace(program, optimizer, estimator, particles, subsampling, root, state.step(), store, os, state.lrScale(),
                lastFiniteElbo, null);
    }

    /**
     * {@code steps} steps from {@code start} (not modified), the parameters and the optimizer's
     * accumulators copied once and then updated in place: the same draws and the same bits as
     * {@code steps} calls of {@link #step}, without a copy of every array per step. The listener
     * sees every step's ELBO estimate.
     */
    public static SviState advance(SviProgram program, Optimizer optimizer, ElboEstimator estimator, int particles,
                                   Subsampling subsampling, RandomStream root, SviState start, long steps, StepListener listener,
                                   int snrWindow) {
        ParameterStore store = start.parameters().copy();
        OptimizerState os = start.optimizer() == null ? null : start.optimizer().copy();
        long t = start.step();
        double lastFinite = Double.NaN;
        GradientMoments moments = moments(store, snrWindow);
        for (long k = 0; k < steps; k++, t++) {
            long began = System.nanoTime();
            Step s = stepInPlace(program, optimizer, estimator, particles, subsampling, root, t, store, os, start.lrScale(), lastFinite,
                    moments);
            os = s.state().optimizer();
            lastFinite = s.elbo();
            listener.onStep(t, s.elbo(), s.gradientNorm(), System.nanoTime() - began);
            report(moments, snrWindow, t + 1, listener);
        }
        return new SviState(t, store, os, start.lrScale());
    }

    /** One step from {@code state} (not modified), its gradient added to {@code moments} when not null. */
    private static Step step(SviProgram program, Optimizer optimizer, ElboEstimator estimator, int particles, Subsampling subsampling,
                             RandomStream root, SviState state, double lastFiniteElbo, GradientMoments moments) {
        ParameterStore store = state.parameters().copy();
        OptimizerState os = state.optimizer() == null ? null : state.optimizer().copy();
        return stepInPlace(program, optimizer, estimator, particles, subsampling, root, state.step(), store, os, state.lrScale(),
                lastFiniteElbo, moments);
    }

    /** The moments of a window of {@code window} steps over the parameters of {@code store}, or null when {@code window} is 0. */
    private static GradientMoments moments(ParameterStore store, int window) {
        if (window == 0) {
            return null;
        }
        List<String> names = store.names();
        int[][] shapes = new int[names.size()][];
        for (int p = 0; p < shapes.length; p++) {
            shapes[p] = store.unconstrainedValue(names.get(p)).shape();
        }
        return new GradientMoments(names, shapes);
    }

    /** At the end of a window, gives the listener the window's SNR and starts the next window. */
    private static void report(GradientMoments moments, int window, long step, StepListener listener) {
        if (moments != null && moments.count() == window) {
            listener.onSignalToNoise(moments.snapshot(step));
            moments.reset();
        }
    }

    /** Step {@code t}: evaluates at {@code store} and updates it and {@code os} (made when null) in place. */
    private static Step stepInPlace(SviProgram program, Optimizer optimizer, ElboEstimator estimator, int particles,
                                    Subsampling subsampling, RandomStream root, long t, ParameterStore store, OptimizerState os,
                                    double lrScale, double lastFiniteElbo, GradientMoments moments) {
        SviProgram.Evaluation e;
        try {
            e = program.evaluate(estimator, store, root.split(t), particles, null, subsampling.handlerAt(t, root.split(SCHEDULE)));
        } catch (IllegalArgumentException invalid) {
            if (t == 0) {
                throw invalid;
            }
            // step 0 ran, so the model is valid: the optimizer has moved a parameter out of its domain
            DivergenceException d = new DivergenceException(t, "a distribution parameter (" + invalid.getMessage() + ")",
                    lastFiniteElbo, store.values());
            d.initCause(invalid);
            throw d;
        }
        if (e.step().nonFiniteSite().isPresent() || !Double.isFinite(e.step().elbo())) {
            throw new DivergenceException(t, "site '" + e.step().nonFiniteSite().orElse("?") + "'", lastFiniteElbo, store.values());
        }
        // the norm is finite exactly when every component is: look for the culprit only then
        for (int i = 0; !Double.isFinite(e.gradientNorm()) && i < e.gradients().length; i++) {
            for (double g : e.gradients()[i]) {
                if (!Double.isFinite(g)) {
                    throw new DivergenceException(t, "gradient of param '" + e.names().get(i) + "'", lastFiniteElbo, store.values());
                }
            }
        }
        if (os == null) {
            int[] sizes = new int[e.gradients().length];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = e.gradients()[i].length;
            }
            os = optimizer.init(sizes);
        }
        if (moments != null) {
            moments.add(e.gradients());
        }
        optimizer.update(store.arrays(), e.gradients(), os, lrScale);
        return new Step(new SviState(t + 1, store, os, lrScale), e.step().elbo(), e.gradientNorm());
    }

    public static Outcome run(SviProgram program, Optimizer optimizer, ElboEstimator estimator, int particles, Subsampling subsampling,
                              long maxSteps, Convergence rule, StepListener listener, RandomStream root, SviState start, int snrWindow) {
        double[] trace = new double[(int) Math.min(maxSteps - start.step(), Integer.MAX_VALUE - 8)];
        int recorded = 0;
        SviState state = start;
        double lastFinite = Double.NaN;
        RelativeChangeMonitor relative = rule instanceof Convergence.RelativeChange r ? new RelativeChangeMonitor(r) : null;
        StationarityMonitor stationary = rule instanceof Convergence.Stationary s ? new StationarityMonitor(s, program) : null;
        ElboEstimator est = estimator.fresh();
        SviState previous = start;
        GradientMoments moments = moments(start.parameters(), snrWindow);
        while (state.step() < maxSteps) {
            long began = System.nanoTime();
            Step s;
            try {
                s = step(program, optimizer, est, particles, subsampling, root, state, lastFinite, moments);
            } catch (DivergenceException d) {
                // report the parameters of the last step whose ELBO and gradients were finite
                DivergenceException last = new DivergenceException(d.step(), d.site(), d.lastFiniteElbo(), previous.parameters().values());
                last.initCause(d.getCause() != null ? d.getCause() : d);
                throw last;
            }
            previous = state;
            state = s.state();
            lastFinite = s.elbo();
            trace[recorded++] = s.elbo();
            listener.onStep(state.step() - 1, s.elbo(), s.gradientNorm(), System.nanoTime() - began);
            report(moments, snrWindow, state.step(), listener);
            if (relative != null && relative.offer(s.elbo())) {
                return new Outcome(state, state.parameters(), Arrays.copyOf(trace, recorded), StopReason.CONVERGED,
                        "Stan's relative-ELBO rule held at step " + state.step(), (long) recorded * particles);
            }
            if (stationary != null) {
                StationarityMonitor.Action a = stationary.offer(s.elbo(), state.parameters());
                if (a == StationarityMonitor.Action.DECAY) {
                    state = new SviState(state.step(), state.parameters(), state.optimizer(), state.lrScale() * ((Convergence.Stationary) rule).decay());
                } else if (a == StationarityMonitor.Action.STOP) {
                    ParameterStore averaged = state.parameters().copy();
                    averaged.setFlat(stationary.lastAverage());
                    return new Outcome(state, averaged, Arrays.copyOf(trace, recorded), StopReason.CONVERGED,
                            "stationary after " + state.step() + " steps (last drift " + String.format(java.util.Locale.ROOT, "%.3g",
                                    stationary.lastDrift()) + "); parameters averaged over the last " + ((Convergence.Stationary) rule).window()
                                    + " steps", (long) recorded * particles);
                }
            }
        }
        StopReason stop = rule instanceof Convergence.None ? StopReason.FIXED_BUDGET : StopReason.BUDGET;
        return new Outcome(state, state.parameters(), Arrays.copyOf(trace, recorded), stop, "ran " + state.step() + " steps",
                (long) recorded * particles);
    }
}
