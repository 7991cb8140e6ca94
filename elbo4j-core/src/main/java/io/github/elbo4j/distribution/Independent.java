package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * Reinterprets the last {@code n} batch axes of a distribution as event axes: the copies are
 * still independent, but one draw is now the whole block and {@code log p} sums over it,
 * {@code log p(x) = Σ_{event axes} log p_base(x)} (Pyro's {@code Independent}/{@code to_event}).
 */
public final class Independent implements Distribution {

    private final Distribution base;
    private final int reinterpreted;

    private Independent(Distribution base, int reinterpreted) {
        int batchRank = base.batchShape().length;
        if (reinterpreted < 0 || reinterpreted > batchRank) {
            throw new IllegalArgumentException("Independent reinterpreted rank must be in [0, " + batchRank
                    + "] for batch shape " + Arrays.toString(base.batchShape()) + ", got " + reinterpreted);
        }
        this.base = base;
        this.reinterpreted = reinterpreted;
    }

    /** The last {@code n} batch axes of {@code base} become event axes. */
    public static Independent of(Distribution base, int n) {
        return new Independent(base, n);
    }

    /** The wrapped distribution. */
    public Distribution base() {
        return base;
    }

    /** How many batch axes were turned into event axes. */
    public int reinterpretedRank() {
        return reinterpreted;
    }

    @Override
    public int[] batchShape() {
        int[] b = base.batchShape();
        return Arrays.copyOf(b, b.length - reinterpreted);
    }

    @Override
    public int[] eventShape() {
        int[] b = base.batchShape();
        int[] e = base.eventShape();
        int[] out = Arrays.copyOfRange(b, b.length - reinterpreted, b.length + e.length);
        System.arraycopy(e, 0, out, reinterpreted, e.length);
        return out;
    }

    @Override
    public Constraint support() {
        return base.support();
    }

    @Override
    public Var logProb(Var value) {
        Var lp = base.logProb(value);
        if (reinterpreted == 0) {
            return lp;
        }
        int[] axes = new int[reinterpreted];
        for (int i = 0; i < reinterpreted; i++) {
            axes[i] = -1 - i;
        }
        return lp.sum(axes);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return base.sample(rng, sampleShape);
    }

    @Override
    public boolean hasRsample() {
        return base.hasRsample();
    }

    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return base.rsample(rng, sampleShape);
    }

    @Override
    public Distribution expand(int... batchShape) {
        int[] full = Arrays.copyOf(batchShape, batchShape.length + reinterpreted);
        int[] b = base.batchShape();
        System.arraycopy(b, b.length - reinterpreted, full, batchShape.length, reinterpreted);
        return new Independent(base.expand(full), reinterpreted);
    }

    @Override
    public Tensor mean() {
        return base.mean();
    }

    @Override
    public Tensor variance() {
        return base.variance();
    }

    /** The entropy of independent copies adds up: {@code H = Σ_{event axes} H_base}. */
    @Override
    public Var entropy() {
        Var h = base.entropy();
        if (reinterpreted == 0) {
            return h;
        }
        int[] axes = new int[reinterpreted];
        for (int i = 0; i < reinterpreted; i++) {
            axes[i] = -1 - i;
        }
        return h.sum(axes);
    }
}
