package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;
import java.util.Random;

/** Random shapes and values for gradient property tests (seeded by jqwik-generated longs). */
final class RandomTensors {

    private final Random rng;

    RandomTensors(long seed) {
        this.rng = new Random(seed);
    }

    /** A shape of rank 0..maxRank with dimensions 1..4. */
    int[] shape(int maxRank) {
        int[] s = new int[rng.nextInt(maxRank + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 + rng.nextInt(4);
        }
        return s;
    }

    /** A shape that broadcasts to {@code full}: leading axes dropped and some axes set to 1. */
    int[] broadcastable(int[] full) {
        int drop = full.length == 0 ? 0 : rng.nextInt(full.length + 1);
        int[] s = new int[full.length - drop];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextInt(3) == 0 ? 1 : full[i + drop];
        }
        return s;
    }

    /** Uniform values in {@code [lo, hi)}. */
    Tensor uniform(double lo, double hi, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Tensor.of(v, shape);
    }

    /**
     * Distinct values from a grid on {@code [-4.4, 4.4]} with spacing 0.07 that stay 0.035 or more
     * away from 0, in random order: no two elements closer than 0.07 (no near-ties for max/min) and
     * no element at a kink of abs/relu. Holds at most 124 elements (shapes up to 4×4×4).
     */
    Tensor spread(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        java.util.List<Double> grid = new java.util.ArrayList<>();
        for (int j = 0; j < 126; j++) {
            double v = -4.41 + 0.035 + 0.07 * j;
            if (Math.abs(v) >= 0.03) {
                grid.add(v);
            }
        }
        java.util.Collections.shuffle(grid, rng);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = grid.get(i);
        }
        return Tensor.of(v, shape);
    }

    /** {@code x} moved by ±(0.1..0.5) element-wise: a second operand that never ties with {@code x}. */
    Tensor awayFrom(Tensor x) {
        double[] v = x.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] += (rng.nextBoolean() ? 1 : -1) * (0.1 + 0.4 * rng.nextDouble());
        }
        return Tensor.of(v, x.shape());
    }

    int nextInt(int bound) {
        return rng.nextInt(bound);
    }
}
