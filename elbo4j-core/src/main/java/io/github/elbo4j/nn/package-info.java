/**
 * Neural-network layers whose weights are named parameters of the model context (so handlers,
 * optimizers, saved fits and the SVI loop treat them like any {@code param}): {@link Linear},
 * {@link Mlp}, {@link Activation}, {@link Dropout}, the masked autoencoder {@link Made}, and the
 * initialization schemes {@link Init}. Imports {@code model} and below.
 */
package io.github.elbo4j.nn;
