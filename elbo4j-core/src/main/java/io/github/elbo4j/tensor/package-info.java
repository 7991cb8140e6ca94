/** Immutable dense tensors of doubles with NumPy broadcasting and BLAS-backed linear algebra. */
package io.github.elbo4j.tensor;
