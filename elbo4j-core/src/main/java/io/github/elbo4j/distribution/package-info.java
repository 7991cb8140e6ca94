/**
 * Probability distributions with batch and event shapes, differentiable log-densities and samplers,
 * and the registry of closed-form KL divergences; their kernels live in the internal
 * {@code distribution.kernel}.
 */
package io.github.elbo4j.distribution;
