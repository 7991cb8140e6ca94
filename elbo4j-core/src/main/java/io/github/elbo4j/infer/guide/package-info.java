/** Automatic guides built from a model's latent sites: MAP, mean-field and full-rank ADVI. */
package io.github.elbo4j.infer.guide;
