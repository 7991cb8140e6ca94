/**
 * Normalizing flows: invertible layers with their log-det-Jacobians (planar, radial, permutations,
 * and, conditioned by {@code nn} networks, inverse autoregressive, affine coupling and
 * rational-quadratic spline coupling), a base distribution pushed through a stack of them, and the
 * layer specifications an automatic flow guide is built from. Imports {@code nn}, {@code model},
 * {@code distribution}, {@code transform}, {@code autodiff} and below.
 */
package io.github.elbo4j.infer.flow;
