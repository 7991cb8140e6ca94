/**
 * Bayesian neural networks trained by variational inference over their weights: Bayes by Backprop
 * (factorised Gaussian posteriors, optionally with the local reparameterization trick) and MC
 * dropout, with their predictive distributions.
 */
package io.github.elbo4j.bnn;
