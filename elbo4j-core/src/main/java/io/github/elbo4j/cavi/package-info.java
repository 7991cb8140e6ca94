/** Conjugate-exponential models fitted by coordinate ascent with closed-form updates (CAVI), LDA among them. */
package io.github.elbo4j.cavi;
