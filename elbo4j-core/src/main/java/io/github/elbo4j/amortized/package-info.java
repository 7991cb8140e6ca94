/** Amortized inference: guides whose local latents' parameters are networks of the data, the variational autoencoder, the semi-supervised VAE (M2), epoch training and per-datum bounds. */
package io.github.elbo4j.amortized;
