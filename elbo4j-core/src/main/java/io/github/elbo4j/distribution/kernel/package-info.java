/**
 * The inner workings of the distribution families, internal to the module (not exported): fused
 * log-density kernels and their SIMD twins, the declared parameter constraints and their checks,
 * support masks, broadcast maps and quantile searches, the parameterizations several families share
 * (success and category probabilities), and the differentiable special functions the densities use.
 * Nothing here appears in a public signature of {@code io.github.elbo4j.distribution}.
 */
package io.github.elbo4j.distribution.kernel;
