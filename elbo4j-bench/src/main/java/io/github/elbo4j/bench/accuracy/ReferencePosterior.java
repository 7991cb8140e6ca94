package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.model.Model;

/**
 * A posterior of the accuracy suite: the model in elbo4j's model API (the same density as
 * {@code posteriors/<name>/model.stan} on the same data, as {@code PosteriorLogDensityTest}
 * checks) and its reference summary.
 *
 * @param name the directory name under {@code posteriors/}
 * @param description one line: the model, the data, what it stresses
 * @param model the Java model; its latent sites are the Stan parameters, with the same names
 * @param reference the committed reference summary
 */
public record ReferencePosterior(String name, String description, Model model, ReferenceSummary reference) {

    /** The posterior {@code name} with its summary loaded from the class path. */
    static ReferencePosterior of(String name, String description, Model model) {
        return new ReferencePosterior(name, description, model, ReferenceSummary.load(name));
    }

    /**
     * True when NUTS on the model as written ran without divergence and no two unconstrained
     * latents have |correlation| of 0.999 or more (computed in R from the draws).
     */
    public boolean wellPosed() {
        return reference.wellPosed();
    }

    /**
     * The largest |correlation| between two latent coordinates in unconstrained space, where a
     * mean-field Gaussian guide lives: near 0 it can be exact up to the shape of the marginals,
     * near 1 it underestimates the marginal variances (Blei et al., JASA 112(518), 2017, sec. 5).
     * It is 0 for the funnel, whose coordinates are uncorrelated but strongly dependent.
     */
    public double maxAbsPosteriorCorrelation() {
        return reference.maxAbsCorrelationUnconstrained();
    }

    /**
     * The sd a mean-field Gaussian fitted by {@code KL(q || p)} would give the worst coordinate,
     * over its true sd, were the unconstrained posterior Gaussian: {@code min_i sqrt(1 / (S_ii P_ii))}
     * with {@code S} the posterior covariance and {@code P = S⁻¹} (the mean-field optimum has
     * variances {@code 1 / P_ii}: Bishop, PRML, sec. 10.1.2). Unlike the pairwise correlations it
     * sees joint collinearity: 25 predictors with pairwise correlation 0.9 give small pairwise
     * posterior correlations (at most 0.22) but a ratio of 0.26. It is 1 for the funnel, which is not Gaussian.
     */
    public double meanFieldSdRatio() {
        return reference.meanFieldSdRatio();
    }
}
