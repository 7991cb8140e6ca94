package io.github.elbo4j.bench;

import io.github.elbo4j.tensor.Tensor;
import java.util.SplittableRandom;

/** Seeded benchmark inputs, so every run multiplies the same numbers. */
final class RandomInputs {

    private RandomInputs() {
    }

    /** {@code size} values uniform in {@code [0, 1)} from a stream seeded with {@code seed}. */
    static double[] uniform(long seed, int size) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextDouble();
        }
        return v;
    }

    /** A tensor of the given shape with values uniform in {@code [0, 1)}. */
    static Tensor tensor(long seed, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        return Tensor.of(uniform(seed, size), shape);
    }
}
