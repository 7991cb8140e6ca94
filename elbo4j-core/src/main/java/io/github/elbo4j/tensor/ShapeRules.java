package io.github.elbo4j.tensor;

import java.util.Arrays;

/**
 * Shape arithmetic shared by the tensor kernels: sizes, row-major strides, axis normalization
 * and the NumPy broadcasting rule.
 */
final class ShapeRules {

    static final int[] SCALAR = new int[0];

    private ShapeRules() {
    }

    /** Number of elements of a shape (1 for the scalar shape {@code []}). */
    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape dimensions must be >= 0, got " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** Row-major strides in elements. */
    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Maps a possibly negative axis (-1 = last) into {@code [0, rank)} or throws. */
    static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for rank " + rank);
        }
        return a;
    }

    /** Normalized, sorted, duplicate-free axes; no axes means all axes. */
    static int[] axes(int[] axes, int rank) {
        if (axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axis(axes[i], rank);
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new IllegalArgumentException("axis " + out[i] + " repeated in " + Arrays.toString(axes));
            }
        }
        return out;
    }

    /**
     * The NumPy broadcast of two shapes: align trailing dimensions; each pair must be equal or
     * contain a 1. See https://numpy.org/doc/stable/user/basics.broadcasting.html
     */
    static int[] broadcast(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b));
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** True when {@link #broadcast} accepts the two shapes. */
    static boolean broadcastable(int[] a, int[] b) {
        for (int i = 1; i <= Math.min(a.length, b.length); i++) {
            int da = a[a.length - i];
            int db = b[b.length - i];
            if (da != db && da != 1 && db != 1) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code from} broadcasts to exactly {@code to}. */
    /** Throws, naming both shapes, unless {@code from} broadcasts to {@code to}. */
    static void requireBroadcastsTo(int[] from, int[] to) {
        if (!broadcastsTo(from, to)) {
            throw new IllegalArgumentException("cannot broadcast " + java.util.Arrays.toString(from) + " to "
                    + java.util.Arrays.toString(to));
        }
    }

    static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        int offset = to.length - from.length;
        for (int i = 0; i < from.length; i++) {
            if (from[i] != 1 && from[i] != to[i + offset]) {
                return false;
            }
        }
        return true;
    }

    /** The shape with the given sorted axes removed (or kept as 1 when {@code keepDims}). */
    static int[] reduced(int[] shape, int[] sortedAxes, boolean keepDims) {
        int[] out = new int[keepDims ? shape.length : shape.length - sortedAxes.length];
        int j = 0;
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            boolean reducedAxis = k < sortedAxes.length && sortedAxes[k] == i;
            if (reducedAxis) {
                k++;
                if (keepDims) {
                    out[j++] = 1;
                }
            } else {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    static String show(int[] shape) {
        return Arrays.toString(shape);
    }
}
