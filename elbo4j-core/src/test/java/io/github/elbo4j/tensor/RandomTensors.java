package io.github.elbo4j.tensor;

import java.util.Arrays;
import java.util.Random;

/**
 * Random shapes, values and indices for the tensor property tests, from one seed. Values are
 * multiples of 1/8 in [-4, 4]: products are multiples of 1/64 and any sum of a few thousand of
 * them is exact in double precision, so the laws can be checked with exact equality.
 */
final class RandomTensors {

    private final Random rng;

    RandomTensors(long seed) {
        this.rng = new Random(seed);
    }

    int nextInt(int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    boolean nextBoolean() {
        return rng.nextBoolean();
    }

    /** A shape of rank {@code minRank..maxRank} with dimensions {@code minDim..maxDim}. */
    int[] shape(int minRank, int maxRank, int minDim, int maxDim) {
        int[] s = new int[nextInt(minRank, maxRank)];
        for (int i = 0; i < s.length; i++) {
            s[i] = nextInt(minDim, maxDim);
        }
        return s;
    }

    /** A shape that broadcasts to {@code full}: some leading axes dropped and some axes set to 1. */
    int[] broadcastable(int[] full) {
        int drop = rng.nextInt(full.length + 1);
        int[] s = new int[full.length - drop];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextInt(3) == 0 ? 1 : full[i + drop];
        }
        return s;
    }

    /** Values {@code k / 8} with {@code k} uniform in {@code -32..32}. */
    Tensor dyadic(int... shape) {
        double[] v = new double[ShapeRules.size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (rng.nextInt(65) - 32) / 8.0;
        }
        return Tensor.of(v, shape);
    }

    /** Indices uniform in {@code 0..bound-1} ({@code bound} must be positive unless there are none). */
    int[] indices(int count, int bound) {
        int[] v = new int[count];
        for (int i = 0; i < count; i++) {
            v[i] = rng.nextInt(bound);
        }
        return v;
    }

    /** A uniformly random permutation of {@code 0..n-1}. */
    int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** {@code shape} with {@code axis} set to {@code size}. */
    static int[] with(int[] shape, int axis, int size) {
        int[] s = Arrays.copyOf(shape, shape.length);
        s[axis] = size;
        return s;
    }

    /** The row-major multi-index of flat position {@code flat} in {@code shape}. */
    static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    /** The element of {@code t} that broadcasting maps to position {@code idx} of a larger shape. */
    static double broadcastGet(Tensor t, int[] idx) {
        int[] s = t.shape();
        int[] own = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            own[i] = s[i] == 1 ? 0 : idx[idx.length - s.length + i];
        }
        return t.get(own);
    }

    /** {@code Σ x_i y_i} over all elements (same shapes). */
    static double dot(Tensor x, Tensor y) {
        double[] a = x.toArray();
        double[] b = y.toArray();
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
