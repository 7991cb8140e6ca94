/**
 * Pathfinder (Zhang, Carpenter, Gelman &amp; Vehtari, JMLR 23(306), 2022): normal approximations
 * along an L-BFGS path on a model's unconstrained log density ({@code infer.LogDensity}), the one
 * with the best ELBO per path, and PSIS resampling over several paths. Imports {@code infer},
 * {@code optim}, {@code diagnostics} and below.
 */
package io.github.elbo4j.pathfinder;
