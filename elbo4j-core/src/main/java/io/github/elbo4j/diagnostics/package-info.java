/**
 * Diagnostics of a fitted approximation on plain arrays: Pareto-smoothed importance sampling
 * (PSIS) weights, the Pareto k-hat and its reading, effective sample size and Monte Carlo error.
 */
package io.github.elbo4j.diagnostics;
