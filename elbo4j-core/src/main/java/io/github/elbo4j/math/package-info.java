/** Special functions and stable log-space arithmetic on doubles. */
package io.github.elbo4j.math;
