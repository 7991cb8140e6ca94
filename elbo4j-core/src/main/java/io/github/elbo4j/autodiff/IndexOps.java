package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Index;
import io.github.elbo4j.tensor.Tensor;

/**
 * Differentiable indexing. Selection and scatter-add are each other's adjoints:
 * {@code indexSelect ↔ indexAdd}, {@code gather ↔ scatterAdd}, {@code slice ↔ indexAdd} of the
 * slice's range, {@code concat/stack ↔ slice}.
 */
final class IndexOps {

    private IndexOps() {
    }

    static Var slice(Var a, int axis, int start, int end) {
        Tensor out = a.value().slice(axis, start, end);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int size = a.value().dim(axis);
        int[] range = new int[end - start];
        for (int k = 0; k < range.length; k++) {
            range[k] = start + k;
        }
        return a.tape().record(out, (g, adj) -> adj.add(a, g.indexAdd(axis, range, size)));
    }

    static Var indexSelect(Var a, int axis, int[] index) {
        Tensor out = a.value().indexSelect(axis, index);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int size = a.value().dim(axis);
        int[] idx = index.clone();
        return a.tape().record(out, (g, adj) -> adj.add(a, g.indexAdd(axis, idx, size)));
    }

    static Var indexAdd(Var a, int axis, int[] index, int size) {
        Tensor out = a.value().indexAdd(axis, index, size);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int[] idx = index.clone();
        return a.tape().record(out, (g, adj) -> adj.add(a, g.indexSelect(axis, idx)));
    }

    static Var gather(Var a, int axis, Index index) {
        Tensor out = a.value().gather(axis, index);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        int size = a.value().dim(axis);
        return a.tape().record(out, (g, adj) -> adj.add(a, g.scatterAdd(axis, index, size)));
    }

    /**
     * {@code out[b, t] = a[b, index[b], t]} with {@code b} broadcast over the axes of {@code a} left
     * of {@code axis} and the shape of {@code index} (NumPy's advanced indexing
     * {@code a[..., index, :]}): a broadcast, a {@link #gather} and a reshape, so the adjoint is theirs.
     */
    static Var take(Var a, int axis, Tensor index) {
        int[] shape = a.value().shape();
        int ax = axis < 0 ? axis + shape.length : axis;
        if (ax < 0 || ax >= shape.length) {
            throw new IllegalArgumentException("take axis " + axis + " is out of range for shape " + java.util.Arrays.toString(shape));
        }
        int k = shape[ax];
        int[] left = java.util.Arrays.copyOfRange(shape, 0, ax);
        int[] right = java.util.Arrays.copyOfRange(shape, ax + 1, shape.length);
        int[] batch = io.github.elbo4j.tensor.Broadcasting.shape(left, index.shape());
        int[] full = io.github.elbo4j.tensor.Broadcasting.concat(io.github.elbo4j.tensor.Broadcasting.concat(batch, new int[] {k}), right);
        double[] picks = index.broadcastTo(batch).toArray();
        int inner = io.github.elbo4j.tensor.Broadcasting.size(right);
        int[] idx = new int[picks.length * inner];
        for (int i = 0; i < picks.length; i++) {
            double v = picks[i];
            if (v != Math.rint(v) || v < 0 || v >= k) {
                throw new IllegalArgumentException("take index must be an integer in [0, " + (k - 1) + "] (axis " + axis
                        + " of shape " + java.util.Arrays.toString(shape) + "), got " + v);
            }
            java.util.Arrays.fill(idx, i * inner, (i + 1) * inner, (int) v);
        }
        int[] one = io.github.elbo4j.tensor.Broadcasting.concat(io.github.elbo4j.tensor.Broadcasting.concat(batch, new int[] {1}), right);
        Var picked = gather(a.broadcastTo(full), batch.length, Index.of(idx, one));
        return picked.reshape(io.github.elbo4j.tensor.Broadcasting.concat(batch, right));
    }

    static Var scatterAdd(Var a, int axis, Index index, int size) {
        Tensor out = a.value().scatterAdd(axis, index, size);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        return a.tape().record(out, (g, adj) -> adj.add(a, g.gather(axis, index)));
    }

    static Var concat(int axis, Var... parts) {
        Tensor[] values = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].value();
        }
        Tensor out = Tensor.concat(axis, values);
        Tape t = Tape.of(parts);
        if (t == null) {
            return Var.constant(out);
        }
        Var[] inputs = parts.clone();
        return t.record(out, (g, adj) -> {
            int offset = 0;
            for (Var p : inputs) {
                int n = p.value().dim(axis);
                if (p.isTracked()) {
                    adj.add(p, g.slice(axis, offset, offset + n));
                }
                offset += n;
            }
        });
    }

    static Var stack(int axis, Var... parts) {
        Var[] expanded = new Var[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int rank = parts[i].value().rank();
            expanded[i] = parts[i].reshape(unsqueezed(parts[i].value().shape(), axis < 0 ? axis + rank + 1 : axis));
        }
        return concat(axis, expanded);
    }

    private static int[] unsqueezed(int[] shape, int axis) {
        if (axis < 0 || axis > shape.length) {
            throw new IllegalArgumentException("stack axis " + axis + " is out of bounds for rank " + shape.length);
        }
        int[] out = new int[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == axis ? 1 : shape[j++];
        }
        return out;
    }
}
