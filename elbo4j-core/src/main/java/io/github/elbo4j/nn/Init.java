package io.github.elbo4j.nn;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;

/**
 * How a dense layer's initial weights {@code [fanIn, fanOut]} and biases {@code [fanOut]} are
 * drawn. A layer draws them once, when it is made, from an explicit seed; they are its {@code param}
 * inits, used only the first time a parameter store sees the name. Elements are drawn in row-major
 * order, one stream draw each, so the same stream gives the same bits.
 *
 * <p>The uniform schemes draw {@code b (2u - 1)} with {@code u} uniform in {@code [0, 1)}
 * ({@link RandomStream#nextDouble}), so values lie in {@code [-b, b)}; the normal schemes draw
 * {@code s z} with {@code z} a standard normal ({@link RandomStream#nextGaussian}).
 */
public enum Init {
    /**
     * PyTorch's {@code nn.Linear} default ({@code reset_parameters}: {@code kaiming_uniform_} with
     * {@code a = √5}, whose bound {@code √(6 / ((1 + a²) fanIn))} is {@code 1/√fanIn}): weights and
     * biases both uniform on {@code (-1/√fanIn, 1/√fanIn)}. The default, as the peers' VAE uses it.
     */
    PYTORCH_DEFAULT,
    /**
     * Glorot &amp; Bengio ("Understanding the difficulty of training deep feedforward neural
     * networks", AISTATS 2010, eq. 16): weights uniform on {@code ±√(6 / (fanIn + fanOut))}
     * (variance {@code 2 / (fanIn + fanOut)}); biases 0.
     */
    XAVIER_UNIFORM,
    /** Glorot &amp; Bengio (AISTATS 2010) with normal weights: sd {@code √(2 / (fanIn + fanOut))}; biases 0. */
    XAVIER_NORMAL,
    /**
     * He, Zhang, Ren &amp; Sun ("Delving deep into rectifiers", ICCV 2015, eq. 10) for ReLU layers,
     * uniform: weights on {@code ±√(6 / fanIn)} (variance {@code 2 / fanIn}); biases 0.
     */
    HE_UNIFORM,
    /** He et al. (ICCV 2015, eq. 10), normal: weights with sd {@code √(2 / fanIn)}; biases 0. */
    HE_NORMAL;

    /**
     * A weight matrix {@code [fanIn, fanOut]} drawn from {@code rng} by this scheme (see each constant
     * for the bound or sd); advances {@code rng} by {@code fanIn · fanOut} draws.
     *
     * @throws IllegalArgumentException if {@code fanIn < 1} or {@code fanOut < 1}
     */
    public Tensor weight(int fanIn, int fanOut, RandomStream rng) {
        requireFans(fanIn, fanOut);
        double[] w = new double[Math.multiplyExact(fanIn, fanOut)];
        switch (this) {
            case PYTORCH_DEFAULT -> uniform(w, 1.0 / Math.sqrt(fanIn), rng);
            case XAVIER_UNIFORM -> uniform(w, Math.sqrt(6.0 / ((double) fanIn + fanOut)), rng);
            case XAVIER_NORMAL -> normal(w, Math.sqrt(2.0 / ((double) fanIn + fanOut)), rng);
            case HE_UNIFORM -> uniform(w, Math.sqrt(6.0 / fanIn), rng);
            case HE_NORMAL -> normal(w, Math.sqrt(2.0 / fanIn), rng);
        }
        return Tensor.of(w, fanIn, fanOut);
    }

    /**
     * A bias vector {@code [fanOut]}: uniform on {@code ±1/√fanIn} for {@link #PYTORCH_DEFAULT}
     * (advancing {@code rng} by {@code fanOut} draws), zeros for the others (not touching {@code rng}).
     *
     * @throws IllegalArgumentException if {@code fanIn < 1} or {@code fanOut < 1}
     */
    public Tensor bias(int fanIn, int fanOut, RandomStream rng) {
        requireFans(fanIn, fanOut);
        double[] b = new double[fanOut];
        if (this == PYTORCH_DEFAULT) {
            uniform(b, 1.0 / Math.sqrt(fanIn), rng);
        }
        return Tensor.of(b, fanOut);
    }

    private static void uniform(double[] out, double bound, RandomStream rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] = bound * (2.0 * rng.nextDouble() - 1.0);
        }
    }

    private static void normal(double[] out, double sd, RandomStream rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] = sd * rng.nextGaussian();
        }
    }

    private static void requireFans(int fanIn, int fanOut) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("Init fanIn must be >= 1, got " + fanIn);
        }
        if (fanOut < 1) {
            throw new IllegalArgumentException("Init fanOut must be >= 1, got " + fanOut);
        }
    }
}
