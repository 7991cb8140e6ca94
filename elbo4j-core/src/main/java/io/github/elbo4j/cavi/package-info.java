/**
 * Coordinate-ascent variational inference (CAVI) for conjugate-exponential models: each factor is
 * updated in closed form and the exact ELBO is recorded after every sweep.
 */
package io.github.elbo4j.cavi;
