/** Probability distributions with batch and event shapes, differentiable log-densities and samplers. */
package io.github.elbo4j.distribution;
