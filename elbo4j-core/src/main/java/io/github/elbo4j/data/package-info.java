/**
 * The data term of a model whose likelihood is a plate over rows, summed chunk by chunk on many
 * threads ({@link io.github.elbo4j.data.LocalRowSum}) or on a cluster (the {@code elbo4j-spark}
 * module): rows from memory or from a file read in windows ({@link io.github.elbo4j.data.RowFile}),
 * a likelihood with its gradient per row block ({@link io.github.elbo4j.data.RowLikelihood}), and
 * {@link io.github.elbo4j.data.DataTerm}, which a model adds with {@code m.factor} inside its plate.
 */
package io.github.elbo4j.data;
