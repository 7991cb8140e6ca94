package io.github.elbo4j.bench.accuracy;

import java.util.OptionalDouble;

/**
 * The reference marginal of one scalar coordinate, in constrained space: a latent
 * ({@code theta[0]}, 0-based) or a derived quantity.
 *
 * @param name coordinate name, 0-based ({@code theta[0]} is Stan's {@code theta[1]})
 * @param mean posterior mean
 * @param sd posterior standard deviation
 * @param q05 5% quantile
 * @param q50 median
 * @param q95 95% quantile
 * @param mcseMean Monte Carlo standard error of the mean (0 for an exact reference)
 * @param essBulk rank-normalized bulk effective sample size (Vehtari et al., Bayesian Analysis
 *     16(2), 2021), absent for an exact reference
 * @param essTail tail effective sample size (the smaller of the 5% and 95% quantiles'), absent for an exact reference
 * @param rhat rank-normalized split R-hat, absent for an exact reference
 */
public record ParameterSummary(String name, double mean, double sd, double q05, double q50, double q95,
        double mcseMean, OptionalDouble essBulk, OptionalDouble essTail, OptionalDouble rhat) {
}
