/** Constraints (supports) and bijectors between them and the real line, with log-abs-det-Jacobians. */
package io.github.elbo4j.transform;
