/**
 * Unchecked samplers for the distribution layer, internal to the module (not exported): the one
 * beta-splitting binomial sampler (which {@code Draws.binomial} also uses) and log-space gamma
 * draws. Callers validate the parameters first.
 */
package io.github.elbo4j.random.kernel;
