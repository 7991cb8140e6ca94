/** Stochastic variational inference: ELBO estimators, the fit loop, posteriors and their summaries. */
package io.github.elbo4j.infer;
