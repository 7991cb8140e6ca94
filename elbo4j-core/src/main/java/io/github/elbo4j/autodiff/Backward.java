package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;

/**
 * The vector-Jacobian product of one recorded operation: given the adjoint {@code grad} of the
 * operation's output, add each input's contribution {@code gradᵀ ∂out/∂input} to {@code adjoints}.
 * Written next to the forward rule of the operation it belongs to.
 */
@FunctionalInterface
interface Backward {

    void propagate(Tensor grad, Adjoints adjoints);
}
