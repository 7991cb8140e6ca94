/**
 * Gaussian processes: covariance kernels with learnable hyperparameters, exact GP regression by
 * Cholesky (the reference for small data), the collapsed sparse bound of Titsias (2009) and the
 * sparse variational GP of Hensman et al. (2013, 2015) trained on minibatches for Gaussian,
 * Bernoulli and Poisson likelihoods, and a GP prior for the Model API. Sits above {@code infer} in
 * the layers; imports {@code optim}, {@code distribution.multivariate}, {@code autodiff},
 * {@code tensor}, {@code math} and {@code random}.
 */
package io.github.elbo4j.gp;
