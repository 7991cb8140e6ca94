/**
 * Bayesian neural networks trained by variational inference over their weights: Bayes by Backprop
 * (factorised Gaussian posteriors, optionally with the local reparameterization trick), matrix-variate
 * Gaussian posteriors and MC dropout, with their predictive distributions, softmax classification and
 * calibration.
 */
package io.github.elbo4j.bnn;
