/** Neural-network layers (linear, MLP, activations, initializations, dropout, MADE) whose weights are the model context's named params. */
package io.github.elbo4j.nn;
