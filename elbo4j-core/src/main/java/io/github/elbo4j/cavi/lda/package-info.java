/**
 * Latent Dirichlet allocation fitted by batch or online (stochastic) variational Bayes, over
 * corpora held as sparse document-term matrices.
 */
package io.github.elbo4j.cavi.lda;
