package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;

/**
 * Differentiable reductions over axes. The backward rules reshape the output adjoint to the
 * keep-dims shape and broadcast it back over the reduced axes.
 */
final class ReductionOps {

    private ReductionOps() {
    }

    /** The shape of {@code x} with {@code axes} (none = all) kept as size 1. */
    static int[] keptShape(int[] shape, int[] axes) {
        int[] kept = shape.clone();
        if (axes.length == 0) {
            java.util.Arrays.fill(kept, 1);
            return kept;
        }
        for (int a : axes) {
            kept[a < 0 ? a + shape.length : a] = 1;
        }
        return kept;
    }

    static Var sum(Var a, int[] axes) {
        Tensor out = a.value().sum(axes);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int[] shape = a.value().shape();
        int[] kept = keptShape(shape, axes);
        return a.tape().record(out, (g, adj) -> adj.add(a, g.reshape(kept).broadcastTo(shape)));
    }

    static Var mean(Var a, int[] axes) {
        Tensor s = a.value().sum(axes);
        int count = s.size() == 0 ? 0 : a.value().size() / s.size();
        return sum(a, axes).div(count);
    }

    /** Maximum or minimum; the adjoint is shared equally among the elements that attain it. */
    static Var extremum(Var a, int[] axes, boolean isMax) {
        Tensor out = isMax ? a.value().max(axes) : a.value().min(axes);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int[] shape = a.value().shape();
        int[] kept = keptShape(shape, axes);
        return a.tape().record(out, (g, adj) -> {
            Tensor hit = a.value().eq(out.reshape(kept));
            Tensor ties = hit.sum(axes).reshape(kept);
            adj.add(a, hit.div(ties).mul(g.reshape(kept)));
        });
    }

    /** {@code ∂/∂x_i log Σ_j e^{x_j} = e^{x_i - y}} (the softmax); zero where {@code y = -∞}. */
    static Var logSumExp(Var a, int[] axes) {
        Tensor out = a.value().logSumExp(axes);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int[] kept = keptShape(a.value().shape(), axes);
        return a.tape().record(out, (g, adj) -> {
            Tensor y = out.reshape(kept);
            Tensor finite = y.gt(Tensor.scalar(Double.NEGATIVE_INFINITY));
            Tensor safeY = Tensor.where(finite, y, Tensor.scalar(0.0));
            Tensor softmax = Tensor.where(finite, a.value().sub(safeY).exp(), Tensor.scalar(0.0));
            adj.add(a, softmax.mul(g.reshape(kept)));
        });
    }

    /**
     * Product: {@code ∂/∂x_i Π_j x_j = Π_{j≠i} x_j}, computed from exclusive prefix and suffix
     * products so that zeros are handled exactly (no division).
     */
    static Var prod(Var a, int[] axes) {
        Tensor out = a.value().prod(axes);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int[] shape = a.value().shape();
        int[] kept = keptShape(shape, axes);
        return a.tape().record(out, (g, adj) -> adj.add(a, productOfOthers(a.value(), kept).mul(g.reshape(kept))));
    }

    private static Tensor productOfOthers(Tensor x, int[] kept) {
        int rank = kept.length;
        int[] perm = new int[rank];
        int p = 0;
        for (int i = 0; i < rank; i++) {
            if (kept[i] != 1 || x.dim(i) == 1) {
                perm[p++] = i;
            }
        }
        int outer = p;
        for (int i = 0; i < rank; i++) {
            if (kept[i] == 1 && x.dim(i) != 1) {
                perm[p++] = i;
            }
        }
        Tensor moved = x.permute(perm);
        int rows = 1;
        for (int i = 0; i < outer; i++) {
            rows *= x.dim(perm[i]);
        }
        int cols = rows == 0 ? 0 : x.size() / rows;
        double[] v = moved.toArray();
        double[] r = new double[v.length];
        for (int row = 0; row < rows; row++) {
            int base = row * cols;
            double prefix = 1.0;
            for (int j = 0; j < cols; j++) {
                r[base + j] = prefix;
                prefix *= v[base + j];
            }
            double suffix = 1.0;
            for (int j = cols - 1; j >= 0; j--) {
                r[base + j] *= suffix;
                suffix *= v[base + j];
            }
        }
        int[] movedShape = moved.shape();
        int[] inverse = new int[rank];
        for (int k = 0; k < rank; k++) {
            inverse[perm[k]] = k;
        }
        return Tensor.of(r, movedShape).permute(inverse);
    }
}
