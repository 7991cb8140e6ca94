package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;

/** Differentiable reshaping and reordering: the adjoint undoes the layout change. */
final class ShapeOps {

    private ShapeOps() {
    }

    static Var reshape(Var a, int[] shape) {
        Tensor out = a.value().reshape(shape);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int[] original = a.value().shape();
        return a.tape().record(out, (g, adj) -> adj.add(a, g.reshape(original)));
    }

    static Var permute(Var a, int[] perm) {
        Tensor out = a.value().permute(perm);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int rank = perm.length;
        int[] inverse = new int[rank];
        for (int k = 0; k < rank; k++) {
            inverse[perm[k] < 0 ? perm[k] + rank : perm[k]] = k;
        }
        return a.tape().record(out, (g, adj) -> adj.add(a, g.permute(inverse)));
    }

    static Var transpose(Var a) {
        Tensor out = a.value().transpose();
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        return a.tape().record(out, (g, adj) -> adj.add(a, g.transpose()));
    }

    static Var broadcastTo(Var a, int[] shape) {
        Tensor out = a.value().broadcastTo(shape);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        return a.tape().record(out, (g, adj) -> adj.add(a, g.sumToShapeOf(a.value())));
    }
}
