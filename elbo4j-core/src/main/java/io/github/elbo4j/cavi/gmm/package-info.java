/**
 * The Bayesian Gaussian mixture fitted by CAVI (Bishop, PRML, 2006, sec. 10.2), with a finite
 * Dirichlet or truncated Dirichlet-process weight prior, four covariance types and k-means++
 * starts; its E-step, M-step and exact ELBO run in row chunks on a worker pool, or each sweep's
 * pass over the rows elsewhere through a {@link io.github.elbo4j.cavi.gmm.GmmRowPass} (elbo4j-spark's
 * executors) with the same bits.
 */
package io.github.elbo4j.cavi.gmm;
