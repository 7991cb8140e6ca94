/**
 * Special functions and stable log-space arithmetic on doubles (the differentiable forms the
 * densities need live with them, in the distribution layer, since this package sits below autodiff).
 */
package io.github.elbo4j.math;
