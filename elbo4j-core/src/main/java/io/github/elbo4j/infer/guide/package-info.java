/** Automatic guides built from a model's latent sites: MAP, mean-field, low-rank and full-rank ADVI, Laplace, flows, structured guides and the automatic choice. */
package io.github.elbo4j.infer.guide;
