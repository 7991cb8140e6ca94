package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * A point mass at {@code v} carrying an optional log-density: {@code log p(x) = logDensity} if
 * {@code x = v}, else {@code -∞}. Automatic guides emit their draws as deltas whose
 * {@code logDensity} is the guide's log-density at the draw (as NumPyro's autoguides do), and MAP
 * is a delta with zero log-density. Draws are {@code v} itself, so gradients flow through it.
 */
public final class Delta implements Distribution {

    private final Var value;
    private final Var logDensity;
    private final int eventRank;

    private Delta(Var value, Var logDensity, int eventRank) {
        int rank = value.value().rank();
        if (eventRank < 0 || eventRank > rank) {
            throw new IllegalArgumentException("Delta eventRank must be in [0, " + rank + "], got " + eventRank);
        }
        this.value = value;
        this.logDensity = logDensity;
        this.eventRank = eventRank;
    }

    /** A point mass at {@code value} with log-density 0, the last {@code eventRank} axes forming one event. */
    public static Delta of(Var value, int eventRank) {
        return new Delta(value, Var.constant(0.0), eventRank);
    }

    /** A point mass at {@code value} reporting {@code logDensity} (which broadcasts to the batch shape). */
    public static Delta of(Var value, Var logDensity, int eventRank) {
        return new Delta(value, logDensity, eventRank);
    }

    /** The point. */
    public Var point() {
        return value;
    }

    @Override
    public int[] batchShape() {
        int[] s = value.shape();
        return Arrays.copyOf(s, s.length - eventRank);
    }

    @Override
    public int[] eventShape() {
        int[] s = value.shape();
        return Arrays.copyOfRange(s, s.length - eventRank, s.length);
    }

    @Override
    public Constraint support() {
        return new Constraint.Real();
    }

    @Override
    public Var logProb(Var x) {
        Tensor same = x.value().eq(value.value());
        for (int i = 0; i < eventRank; i++) {
            same = same.min(-1);
        }
        Var density = logDensity.broadcastTo(Broadcasting.shape(logDensity.shape(), same.shape()));
        if (same.min().item() == 1.0) {
            return density;
        }
        return Var.where(same, density, Var.constant(Double.NEGATIVE_INFINITY));
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return sampleShape.length == 0 ? value : value.broadcastTo(Broadcasting.concat(sampleShape, value.shape()));
    }

    @Override
    public Distribution expand(int... batchShape) {
        int[] full = Broadcasting.concat(batchShape, eventShape());
        return new Delta(value.broadcastTo(full), logDensity, eventRank);
    }

    @Override
    public Tensor mean() {
        return value.value();
    }

    @Override
    public Tensor variance() {
        return Tensor.zeros(value.shape());
    }
}
