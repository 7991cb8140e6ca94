/**
 * Coordinate-ascent variational inference (CAVI) for conjugate-exponential models: each factor is
 * updated in closed form and the exact ELBO is recorded after every sweep. Latent Dirichlet allocation
 * is fitted here too, by batch or online (stochastic) variational Bayes.
 */
package io.github.elbo4j.cavi;
