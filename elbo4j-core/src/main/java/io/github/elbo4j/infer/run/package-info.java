/**
 * How a fit runs, internal to the module (not exported): the compiled model and guide
 * ({@code SviProgram}), the stochastic loop over the pure step and its stopping monitors, Stan's
 * step-size search, deterministic VI with fixed moment-matched draws ({@code FixedNoise}) and
 * L-BFGS, the Laplace warm start over the unconstrained log density, the PSIS check that ends every
 * fit, posterior-predictive and latent-draw runs. Why a package: this is the machinery behind
 * {@code Svi} and {@code Posterior}, free to change without touching the API; its classes are
 * public only so that {@code infer} can call them. May import {@code infer} (the API's value types:
 * stop reasons, settings, states, diagnostics), {@code infer.elbo}, {@code infer.guide} and the
 * layers above; nothing outside {@code infer} imports it, and no exported signature names its types.
 */
package io.github.elbo4j.infer.run;
