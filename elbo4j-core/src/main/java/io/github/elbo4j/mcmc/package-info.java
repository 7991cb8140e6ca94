/**
 * Markov chain Monte Carlo over a model's unconstrained log density ({@link io.github.elbo4j.infer.LogDensity},
 * the same density the automatic guides approximate): the no-U-turn sampler with Stan's warm-up
 * ({@link io.github.elbo4j.mcmc.Nuts}) and its draws with their convergence diagnostics
 * ({@link io.github.elbo4j.mcmc.Samples}), the reference a VI fit is checked against
 * ({@code Fit.compareWith}). Imports {@code infer} (the log density and its layout),
 * {@code diagnostics} (R-hat, ESS) and the layers above them.
 */
package io.github.elbo4j.mcmc;
