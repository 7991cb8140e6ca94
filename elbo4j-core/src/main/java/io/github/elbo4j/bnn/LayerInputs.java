package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/** What the Bayesian dense layers share: the checks of their sizes, inputs and parameters, and their standard normal draws. */
final class LayerInputs {

    private LayerInputs() {
    }

    /** Refuses a size below 1, naming the layer and both sizes. */
    static void checkSizes(String layer, int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(layer + " sizes must be >= 1, got in = " + in + ", out = " + out);
        }
    }

    /**
     * Checks {@code particles >= 1} and that {@code x} is {@code [N, in]} (shared by the particles) or
     * {@code [particles, N, in]}; returns whether it is the latter.
     */
    static boolean perParticle(String layer, Var x, int in, int particles) {
        if (particles < 1) {
            throw new IllegalArgumentException(layer + " particles must be >= 1, got " + particles);
        }
        int[] xs = x.shape();
        boolean shared = xs.length == 2 && xs[1] == in;
        boolean perParticle = xs.length == 3 && xs[0] == particles && xs[2] == in;
        if (!shared && !perParticle) {
            throw new IllegalArgumentException(layer + " x must have shape [N, " + in + "] or [" + particles + ", N, " + in
                    + "], got " + Arrays.toString(xs));
        }
        return perParticle;
    }

    /** Refuses a parameter whose shape is not {@code expected}, naming the layer, the parameter and both shapes. */
    static void checkShape(String layer, String name, Var v, int... expected) {
        if (!Arrays.equals(v.shape(), expected)) {
            throw new IllegalArgumentException(layer + " " + name + " must have shape " + Arrays.toString(expected)
                    + ", got " + Arrays.toString(v.shape()));
        }
    }

    /** Standard normal draws of shape {@code [a, b, c]} from {@code rng}, filled in row-major order. */
    static Tensor gaussian(RandomStream rng, int... shape) {
        double[] e = new double[shape[0] * shape[1] * shape[2]];
        rng.fillGaussian(e);
        return Tensor.of(e, shape);
    }
}
