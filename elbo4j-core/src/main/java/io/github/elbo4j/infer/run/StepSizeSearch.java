package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.DivergenceException;
import io.github.elbo4j.infer.SviState;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.optim.StanStepSize;
import io.github.elbo4j.random.RandomStream;

/**
 * Stan's step-size search (Kucukelbir et al., JMLR 18(14), 2017, sec. 3.2; Stan's
 * {@code adapt_engaged}): for {@code η ∈ {100, 10, 1, 0.1, 0.01}} run a few steps of
 * {@link StanStepSize} from the initial point and keep the {@code η} with the best mean ELBO over
 * the last half of those steps; a candidate that diverges is skipped.
 */
public final class StepSizeSearch {

    static final double[] CANDIDATES = {100, 10, 1, 0.1, 0.01};

    private StepSizeSearch() {
    }

    public static double choose(SviProgram program, ElboEstimator estimator, int particles, int steps, RandomStream root, SviState start) {
        double bestEta = Double.NaN;
        double bestElbo = Double.NEGATIVE_INFINITY;
        for (double eta : CANDIDATES) {
            try {
                StochasticRun.Outcome o = StochasticRun.run(program, new StanStepSize(eta), estimator, particles, Subsampling.random(), start.step() + steps,
                        Convergence.none(), (s, e, g, n) -> { }, root, start, 0);
                double[] trace = o.trace();
                int half = trace.length / 2;
                double mean = 0;
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
            throw new DivergenceException(0, "every step size of the search (100 ... 0.01)", Double.NaN, start.parameters().values());
        }
        return bestEta;
    }
}
