/**
 * Small conjugate-exponential models fitted by CAVI with an exact ELBO every sweep, each checked
 * against its exact posterior: Beta-Binomial, Normal-Gamma, a Gaussian chain and Bayesian linear
 * regression.
 */
package io.github.elbo4j.cavi.conjugate;
