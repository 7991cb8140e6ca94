package io.github.elbo4j.mcmc;

import io.github.elbo4j.random.RandomStream;

/**
 * Stan's initial step-size heuristic (Hoffman &amp; Gelman 2014, algorithm 4, in Stan's form):
 * from {@code z} with fresh momenta, one leapfrog step of size {@code ε}; if the energy change
 * {@code H₀ - H} is above {@code log 0.8} double {@code ε} until it is not, else halve it until it
 * is. Fails on an improper posterior ({@code ε > 10⁷}) or a discontinuous one ({@code ε = 0}).
 */
final class StepSizeSearch {

    private static final double LOG_TARGET = Math.log(0.8);

    private StepSizeSearch() {
    }

    /** The searched step size, starting from the kernel's current one; {@code z} is left unchanged. */
    static double initial(NutsTransition kernel, PhasePoint z, RandomStream rng) {
        double eps = kernel.stepSize();
        if (eps == 0 || eps > 1e7 || Double.isNaN(eps)) {
            return eps;
        }
        int direction = energyChange(kernel, z, eps, rng) > LOG_TARGET ? 1 : -1;
        while (true) {
            double change = energyChange(kernel, z, eps, rng);
            if (direction == 1 && !(change > LOG_TARGET) || direction == -1 && !(change < LOG_TARGET)) {
                return eps;
            }
            eps = direction == 1 ? 2 * eps : 0.5 * eps;
            if (eps > 1e7) {
                throw new IllegalStateException("the step-size search passed 1e7: the posterior is improper (check the priors)");
            }
            if (eps == 0) {
                throw new IllegalStateException("the step-size search reached 0: no step is small enough; is the log density continuous?");
            }
        }
    }

    private static double energyChange(NutsTransition kernel, PhasePoint z, double eps, RandomStream rng) {
        PhasePoint trial = z.copy();
        kernel.metric().drawMomentum(rng, trial.p);
        double[] scratch = new double[trial.q.length];
        double h0 = kernel.hamiltonian(trial, scratch);
        kernel.leapfrog(trial, eps, scratch);
        return h0 - kernel.hamiltonian(trial, scratch);
    }
}
