package io.github.elbo4j.tensor;

import java.util.Arrays;

/**
 * Slicing, selection and scattering along one axis. A tensor of shape {@code [outer, n, inner]}
 * (collapsing the axes before and after {@code axis}) is addressed as blocks of {@code inner}
 * contiguous elements.
 */
final class IndexKernel {

    private IndexKernel() {
    }

    static int outer(int[] shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) {
            n *= shape[i];
        }
        return n;
    }

    static int inner(int[] shape, int axis) {
        int n = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** The row-major position of a full multi-index, every component checked. */
    static int flat(int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + java.util.Arrays.toString(index) + " has rank " + index.length
                    + " but the tensor has shape " + java.util.Arrays.toString(shape));
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            checkIndex(index[i], i, shape[i]);
            flat = flat * shape[i] + index[i];
        }
        return flat;
    }

    static void checkIndex(int i, int axis, int size) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " is out of bounds for axis " + axis + " with size " + size);
        }
    }

    /** Elements {@code start <= k < end} along {@code axis}. */
    static double[] slice(double[] in, int[] shape, int axis, int start, int end) {
        int n = shape[axis];
        if (start < 0 || end > n || start > end) {
            throw new IndexOutOfBoundsException("slice [" + start + ", " + end + ") is out of bounds for axis " + axis + " with size " + n);
        }
        int outer = outer(shape, axis);
        int inner = inner(shape, axis);
        int width = (end - start) * inner;
        double[] out = new double[outer * width];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(in, (o * n + start) * inner, out, o * width, width);
        }
        return out;
    }

    /** {@code out[.., k, ..] = in[.., index[k], ..]} along {@code axis}. */
    static double[] select(double[] in, int[] shape, int axis, int[] index) {
        int n = shape[axis];
        int outer = outer(shape, axis);
        int inner = inner(shape, axis);
        double[] out = new double[outer * index.length * inner];
        for (int k = 0; k < index.length; k++) {
            checkIndex(index[k], axis, n);
        }
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < index.length; k++) {
                System.arraycopy(in, (o * n + index[k]) * inner, out, (o * index.length + k) * inner, inner);
            }
        }
        return out;
    }

    /** {@code out[.., index[k], ..] += in[.., k, ..]}, out having {@code size} along {@code axis}. */
    static double[] indexAdd(double[] in, int[] shape, int axis, int[] index, int size) {
        checkSize("indexAdd", size);
        if (shape[axis] != index.length) {
            throw new IllegalArgumentException("index has " + index.length + " entries but axis " + axis
                    + " of " + Arrays.toString(shape) + " has size " + shape[axis]);
        }
        int outer = outer(shape, axis);
        int inner = inner(shape, axis);
        double[] out = new double[outer * size * inner];
        for (int k = 0; k < index.length; k++) {
            checkIndex(index[k], axis, size);
        }
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < index.length; k++) {
                int src = (o * index.length + k) * inner;
                int dst = (o * size + index[k]) * inner;
                for (int j = 0; j < inner; j++) {
                    out[dst + j] += in[src + j];
                }
            }
        }
        return out;
    }

    /**
     * Element-wise gather (torch semantics): {@code out[i] = in[i with coordinate axis replaced by
     * index[i]]}; {@code index} has the rank of {@code in} and the same sizes on every other axis.
     */
    static double[] gather(double[] in, int[] shape, int axis, Index index) {
        int[] ish = index.shapeView();
        checkCompanion(shape, ish, axis, "gather");
        int n = shape[axis];
        int outer = outer(ish, axis);
        int m = ish[axis];
        int inner = inner(ish, axis);
        int[] idx = index.valuesView();
        double[] out = new double[idx.length];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < inner; j++) {
                    int p = (o * m + k) * inner + j;
                    checkIndex(idx[p], axis, n);
                    out[p] = in[(o * n + idx[p]) * inner + j];
                }
            }
        }
        return out;
    }

    /** Adjoint of {@link #gather}: {@code out[i with axis coordinate index[i]] += in[i]}, out sized {@code size} on axis. */
    static double[] scatterAdd(double[] in, int[] shape, int axis, Index index, int size) {
        checkSize("scatterAdd", size);
        int[] ish = index.shapeView();
        if (!Arrays.equals(ish, shape)) {
            throw new IllegalArgumentException("scatterAdd index shape " + Arrays.toString(ish)
                    + " must equal the source shape " + Arrays.toString(shape));
        }
        int outer = outer(shape, axis);
        int m = shape[axis];
        int inner = inner(shape, axis);
        int[] idx = index.valuesView();
        double[] out = new double[outer * size * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < inner; j++) {
                    int p = (o * m + k) * inner + j;
                    checkIndex(idx[p], axis, size);
                    out[(o * size + idx[p]) * inner + j] += in[p];
                }
            }
        }
        return out;
    }

    private static void checkSize(String op, int size) {
        if (size < 0) {
            throw new IllegalArgumentException(op + " size must be >= 0, got " + size);
        }
    }

    private static void checkCompanion(int[] shape, int[] ish, int axis, String op) {
        boolean ok = ish.length == shape.length;
        for (int i = 0; ok && i < shape.length; i++) {
            ok = i == axis || ish[i] == shape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException(op + " index shape " + Arrays.toString(ish) + " must match "
                    + Arrays.toString(shape) + " on every axis but " + axis);
        }
    }

    /** Joins tensors along an existing axis; all other dimensions must agree. */
    static double[] concat(Tensor[] parts, int axis, int[] outShape) {
        int outer = outer(outShape, axis);
        int inner = inner(outShape, axis);
        double[] out = new double[ShapeRules.size(outShape)];
        int rowWidth = outShape[axis] * inner;
        int offset = 0;
        for (Tensor t : parts) {
            int width = t.dim(axis) * inner;
            double[] src = t.dataView();
            for (int o = 0; o < outer; o++) {
                System.arraycopy(src, o * width, out, o * rowWidth + offset, width);
            }
            offset += width;
        }
        return out;
    }
}
