/** Reverse-mode automatic differentiation over whole tensors: tapes, variables and a gradient checker. */
package io.github.elbo4j.autodiff;
