/**
 * Coordinate-ascent variational inference (CAVI) for conjugate-exponential models, each factor
 * updated in closed form: the types every CAVI model shares (the ELBO trace, the sweep listener);
 * the models live in {@code cavi.gmm}, {@code cavi.lda} and {@code cavi.conjugate}.
 */
package io.github.elbo4j.cavi;
