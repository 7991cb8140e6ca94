package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;

/**
 * Differentiable cumulative sum. For {@code y_k = Σ_{j <= k} x_j} along an axis, {@code ∂y_k/∂x_j = 1}
 * when {@code j <= k}, so the vector-Jacobian product is the reverse cumulative sum
 * {@code x̄_j = Σ_{k >= j} ȳ_k}: the adjoint reversed along the axis, summed, and reversed back.
 */
final class CumulativeOps {

    private CumulativeOps() {
    }

    static Var cumsum(Var a, int axis) {
        Tensor out = a.value().cumsum(axis);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int n = a.value().dim(axis);
        int[] reversed = new int[n];
        for (int k = 0; k < n; k++) {
            reversed[k] = n - 1 - k;
        }
        return a.tape().record(out, (g, adj) ->
                adj.add(a, g.indexSelect(axis, reversed).cumsum(axis).indexSelect(axis, reversed)));
    }
}
