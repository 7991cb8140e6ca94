/**
 * Conjugate-exponential models fitted by coordinate-ascent variational inference (CAVI), with the
 * exact evidence lower bound after every sweep.
 */
package io.github.elbo4j.cavi;
