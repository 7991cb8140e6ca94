package io.github.elbo4j.tensor;

import java.util.Arrays;

/** Reorders axes (permute/transpose) into a new row-major array. */
final class LayoutKernel {

    private LayoutKernel() {
    }

    /** Validates that {@code perm} is a permutation of {@code 0..rank-1} (negatives allowed). */
    /** The permutation that swaps the last two axes of {@code shape} (rank at least 2). */
    static int[] lastTwoSwapped(int[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("transpose needs rank >= 2, shape is " + Arrays.toString(shape));
        }
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[perm.length - 2] = perm.length - 1;
        perm[perm.length - 1] = perm.length - 2;
        return perm;
    }

    /** {@code shape} with its axes reordered: axis {@code k} is {@code shape[p[k]]}. */
    static int[] permuted(int[] shape, int[] p) {
        int[] s = new int[p.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = shape[p[k]];
        }
        return s;
    }

    static int[] permutation(int[] perm, int rank) {
        if (perm.length != rank) {
            throw new IllegalArgumentException("permutation " + Arrays.toString(perm) + " must list all " + rank + " axes");
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = ShapeRules.axis(perm[i], rank);
            if (seen[p[i]]) {
                throw new IllegalArgumentException("permutation " + Arrays.toString(perm) + " repeats axis " + p[i]);
            }
            seen[p[i]] = true;
        }
        return p;
    }

    /** {@code out[i_0..i_{r-1}] = in[j]} where axis k of the output is axis {@code perm[k]} of the input. */
    static double[] permute(double[] in, int[] shape, int[] perm) {
        int rank = shape.length;
        int[] outShape = new int[rank];
        int[] inStride = ShapeRules.strides(shape);
        int[] stride = new int[rank];
        for (int k = 0; k < rank; k++) {
            outShape[k] = shape[perm[k]];
            stride[k] = inStride[perm[k]];
        }
        double[] out = new double[in.length];
        if (in.length == 0 || rank == 0) {
            System.arraycopy(in, 0, out, 0, in.length);
            return out;
        }
        int inner = outShape[rank - 1];
        int innerStride = stride[rank - 1];
        int[] index = new int[rank];
        int base = 0;
        for (int o = 0; o < out.length; o += inner) {
            for (int j = 0, src = base; j < inner; j++, src += innerStride) {
                out[o + j] = in[src];
            }
            for (int d = rank - 2; d >= 0; d--) {
                index[d]++;
                base += stride[d];
                if (index[d] < outShape[d]) {
                    break;
                }
                base -= stride[d] * outShape[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /** The inverse permutation: {@code inverse[perm[k]] = k}. */
    static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int k = 0; k < perm.length; k++) {
            inv[perm[k]] = k;
        }
        return inv;
    }
}
