package io.github.elbo4j.mcmc;

import io.github.elbo4j.random.RandomStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * One chain of NUTS with Stan's adaptive warm-up (Stan's {@code run_adaptive_sampler}): a start
 * point, the initial step-size search, {@code warmup} transitions that adapt the step size
 * ({@link StepSizeAdaptation}) and the metric ({@link WindowedAdaptation}), then {@code draws}
 * transitions with both fixed. Everything random comes from the chain's own stream.
 */
final class Chain {

    /** The unconstrained draws {@code [draws][D]} and the chain's statistics. */
    record Output(double[][] draws, ChainStats stats) {
    }

    /** Random starting points tried before giving up (Stan's {@code MAX_INIT_TRIES}). */
    static final int MAX_INIT_TRIES = 100;
    /** Stan's random starts: uniform on {@code (-2, 2)} in every unconstrained coordinate. */
    static final double INIT_RADIUS = 2;

    private Chain() {
    }

    static Output run(int index, CountingDensity density, NutsSettings s, Optional<double[]> init, RandomStream rng) {
        int d = density.density().dimension();
        PhasePoint z = start(index, density, init, rng, d);
        NutsTransition kernel = new NutsTransition(density, InverseMetric.identity(s.metric(), d), s.maxTreeDepth(), rng);
        StepSizeAdaptation dual = new StepSizeAdaptation(s.targetAcceptance());
        kernel.setStepSize(s.stepSize());
        dual.setMu(Math.log(10 * s.stepSize()));
        kernel.setStepSize(StepSizeSearch.initial(kernel, z, rng));
        WindowedAdaptation windows = new WindowedAdaptation(s.metric(), d, s.warmup());
        for (int it = 0; it < s.warmup(); it++) {
            NutsTransition.Result r = kernel.transition(z);
            kernel.setStepSize(dual.learn(r.acceptStat()));
            InverseMetric updated = windows.learn(z.q);
            if (updated != null) {
                kernel.setMetric(updated);
                kernel.setStepSize(StepSizeSearch.initial(kernel, z, rng));
                dual.setMu(Math.log(10 * kernel.stepSize()));
                dual.restart();
            }
        }
        if (s.warmup() > 0) {
            kernel.setStepSize(dual.finalStepSize());
        }
        long beforeSampling = density.evaluations();
        double[][] draws = new double[s.draws()][];
        int divergences = 0;
        int saturations = 0;
        double acceptSum = 0;
        double depthSum = 0;
        for (int it = 0; it < s.draws(); it++) {
            NutsTransition.Result r = kernel.transition(z);
            draws[it] = z.q.clone();
            divergences += r.divergent() ? 1 : 0;
            saturations += r.treeDepth() >= s.maxTreeDepth() ? 1 : 0;
            acceptSum += r.acceptStat();
            depthSum += r.treeDepth();
        }
        ChainStats stats = new ChainStats(kernel.stepSize(), kernel.metric().diagonalOfInverse(), divergences, saturations,
                density.evaluations(), density.evaluations() - beforeSampling, acceptSum / s.draws(), depthSum / s.draws());
        return new Output(draws, stats);
    }

    /** The start: {@code init} if given, else Stan's random start, retried while the density is not finite there. */
    private static PhasePoint start(int index, CountingDensity density, Optional<double[]> init, RandomStream rng, int d) {
        PhasePoint z = new PhasePoint(d);
        if (init.isPresent()) {
            System.arraycopy(init.get(), 0, z.q, 0, d);
            density.evaluate(z);
            if (!usable(z)) {
                throw new IllegalArgumentException("the log density at the initial point of chain " + index + " is "
                        + z.logDensity + (Double.isFinite(z.logDensity) ? " with a non-finite gradient" : "")
                        + " (u = " + Arrays.toString(z.q) + "): NUTS must start where the density and its gradient are finite");
            }
            return z;
        }
        for (int attempt = 0; attempt < MAX_INIT_TRIES; attempt++) {
            for (int i = 0; i < d; i++) {
                z.q[i] = INIT_RADIUS * (2 * rng.nextDouble() - 1);
            }
            density.evaluate(z);
            if (usable(z)) {
                return z;
            }
        }
        throw new IllegalArgumentException("the log density is " + z.logDensity + " at all " + MAX_INIT_TRIES
                + " random initial points of chain " + index + " (uniform on (-2, 2) unconstrained; last u = "
                + Arrays.toString(z.q) + "): check the model's support, or give an initial point");
    }

    private static boolean usable(PhasePoint z) {
        if (!Double.isFinite(z.logDensity)) {
            return false;
        }
        for (double g : z.gradient) {
            if (!Double.isFinite(g)) {
                return false;
            }
        }
        return true;
    }
}
