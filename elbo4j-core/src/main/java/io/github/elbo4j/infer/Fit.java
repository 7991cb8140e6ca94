package io.github.elbo4j.infer;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The result of a successful {@link Svi} run: the fitted parameters, the ELBO trace, why it
 * stopped, and the posterior approximation.
 *
 * @param parameters the constrained parameter values, by name
 * @param elboTrace  the ELBO estimate of every step
 * @param steps      the number of steps taken
 * @param converged  true when the convergence rule stopped the fit (false: the step budget ran out)
 * @param posterior  the approximation, to sample and summarize
 * @param seed       the seed the run used (the same seed gives the same bits)
 * @param adaptedStepSize the step-size scale η chosen by {@link Svi#adaptStepSize}, if the search ran
 */
public record Fit(Map<String, Tensor> parameters, double[] elboTrace, long steps, boolean converged,
                  Posterior posterior, long seed, java.util.OptionalDouble adaptedStepSize) {

    /** The mean of the last {@code min(100, steps)} ELBO estimates. */
    public double finalElbo() {
        int n = Math.min(100, elboTrace.length);
        double s = 0;
        for (int i = elboTrace.length - n; i < elboTrace.length; i++) {
            s += elboTrace[i];
        }
        return s / n;
    }

    /** A fitted parameter by name. */
    public Tensor parameter(String name) {
        Tensor t = parameters.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; parameters are " + parameters.keySet());
        }
        return t;
    }

    /** The posterior summary table from 4000 draws with a stream derived from the run's seed. */
    public List<SiteSummary> summary() {
        return posterior.summary(4000, RandomStream.of(seed).split(Long.MAX_VALUE));
    }
}
