/**
 * Stein variational gradient descent (Liu &amp; Wang, NeurIPS 2016): particles of a model's
 * unconstrained vector moved together by the kernelized Stein direction, with an RBF kernel and the
 * median-heuristic bandwidth; the particles are the rows of one array. Imports {@code infer} and below.
 */
package io.github.elbo4j.svgd;
