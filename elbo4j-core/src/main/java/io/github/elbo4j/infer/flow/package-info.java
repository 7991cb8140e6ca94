/**
 * Normalizing flows: invertible layers with their log-det-Jacobians (planar, radial, permutations),
 * a base distribution pushed through a stack of them, and the layer specifications an automatic
 * flow guide is built from. Imports {@code distribution}, {@code transform}, {@code autodiff} and below.
 */
package io.github.elbo4j.infer.flow;
