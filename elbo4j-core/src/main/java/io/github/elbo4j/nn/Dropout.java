package io.github.elbo4j.nn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;

/**
 * Inverted dropout (Srivastava, Hinton, Krizhevsky, Sutskever &amp; Salakhutdinov, JMLR 15, 2014,
 * with the rescaling at training time that PyTorch's {@code nn.Dropout} uses): in training, each
 * element is kept with probability {@code 1 - p} and scaled by {@code 1 / (1 - p)}, so its
 * expectation is unchanged, and zeroed otherwise; outside training, the identity. The mask comes
 * from an explicit random stream: the same stream gives the same mask.
 */
public final class Dropout {

    private final double p;

    private Dropout(double p) {
        this.p = p;
    }

    /**
     * Dropout with drop probability {@code p}.
     *
     * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1)}
     */
    public static Dropout of(double p) {
        if (!(p >= 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("Dropout p must be in [0, 1), got " + p);
        }
        return new Dropout(p);
    }

    /** The drop probability. */
    public double p() {
        return p;
    }

    /**
     * {@code x ⊙ mask}, {@code mask = 1{u >= p} / (1 - p)} with one uniform {@code u} from {@code rng}
     * per element of {@code x} in row-major order, when {@code training}; {@code x} itself otherwise
     * or when {@code p = 0} (then {@code rng} is not advanced). The gradient is the same mask.
     */
    public Var forward(Var x, RandomStream rng, boolean training) {
        if (!training || p == 0.0) {
            return x;
        }
        double[] mask = new double[x.value().size()];
        rng.fillUniform(mask);
        double scale = 1.0 / (1.0 - p);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = mask[i] >= p ? scale : 0.0;
        }
        return x.mul(Tensor.of(mask, x.shape()));
    }

    @Override
    public String toString() {
        return "Dropout[p=" + p + "]";
    }
}
