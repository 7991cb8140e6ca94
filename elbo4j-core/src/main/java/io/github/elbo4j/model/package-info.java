/** Probabilistic programs as Java lambdas, and the effect handlers that run them. */
package io.github.elbo4j.model;
