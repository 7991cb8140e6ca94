package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * A flat improper prior on a set: {@code log p(x) = 0} on {@code support}, {@code -∞} outside
 * (NumPyro's {@code ImproperUniform(support, batch_shape, event_shape)}). It is not a probability
 * distribution (its mass is infinite), so it has no sampler, mean, variance or entropy: it is
 * meant as the prior of a latent site fitted by an automatic guide, which starts such a site at
 * the image of 0 under {@code bijectTo(support)} instead of drawing it. The posterior is proper
 * when the likelihood (and any {@code factor}) makes it so; a prior restricted to the support
 * can be added with {@code m.factor}, e.g. {@code Normal(0, 5)} restricted to ordered vectors:
 * <pre>{@code
 * Var mu = m.sample("mu", ImproperUniform.of(Constraint.ordered(), 2));
 * m.factor("mu_prior", Normal.of(0, 5).logProb(mu).sum(-1));
 * }</pre>
 */
public final class ImproperUniform implements Distribution {

    private final Constraint support;
    private final int[] batchShape;
    private final int[] eventShape;

    private ImproperUniform(Constraint support, int[] batchShape, int[] eventShape) {
        if (support.isDiscrete()) {
            throw new IllegalArgumentException("ImproperUniform support must be continuous, got " + support);
        }
        if (eventShape.length < support.eventRank()) {
            throw new IllegalArgumentException("ImproperUniform eventShape must have at least " + support.eventRank()
                    + " axes for the support " + support + ", got " + Arrays.toString(eventShape));
        }
        for (int[] shape : new int[][] {batchShape, eventShape}) {
            for (int n : shape) {
                if (n < 1) {
                    throw new IllegalArgumentException("ImproperUniform shapes must have sizes >= 1, got batch "
                            + Arrays.toString(batchShape) + ", event " + Arrays.toString(eventShape));
                }
            }
        }
        this.support = support;
        this.batchShape = batchShape.clone();
        this.eventShape = eventShape.clone();
    }

    /**
     * The flat prior on {@code support} for values of shape {@code shape}: its trailing
     * {@code support.eventRank()} axes form the event (one point of the set), the rest the batch.
     * {@code of(Constraint.real())} is a scalar; {@code of(Constraint.positive(), 3)} three
     * independent positive scalars; {@code of(Constraint.ordered(), 2)} one ordered pair.
     *
     * @throws IllegalArgumentException when {@code shape} has fewer axes than one point of the support
     */
    public static ImproperUniform of(Constraint support, int... shape) {
        int k = support.eventRank();
        if (shape.length < k) {
            throw new IllegalArgumentException("ImproperUniform shape must have at least " + k + " axes for the support "
                    + support + ", got " + Arrays.toString(shape));
        }
        return new ImproperUniform(support, Arrays.copyOf(shape, shape.length - k),
                Arrays.copyOfRange(shape, shape.length - k, shape.length));
    }

    /** The flat prior on {@code support} with explicit batch and event shapes (NumPyro's signature). */
    public static ImproperUniform of(Constraint support, int[] batchShape, int[] eventShape) {
        return new ImproperUniform(support, batchShape, eventShape);
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return eventShape.clone();
    }

    @Override
    public Constraint support() {
        return support;
    }

    /** {@code 0} where {@code value} lies in the support, {@code -∞} elsewhere; of shape value's batch part broadcast with the batch. */
    @Override
    public Var logProb(Var value) {
        Tensor x = value.value();
        if (x.rank() < eventShape.length) {
            throw new IllegalArgumentException("ImproperUniform value must have the event shape " + Arrays.toString(eventShape)
                    + " as its last axes, got shape " + Arrays.toString(x.shape()));
        }
        Tensor inside = support.check(x);
        for (int i = support.eventRank(); i < eventShape.length; i++) {
            inside = inside.min(-1);
        }
        int[] shape = Broadcasting.shape(inside.shape(), batchShape);
        return SupportMask.apply(Var.constant(Tensor.zeros(shape)), inside.broadcastTo(shape));
    }

    /** Always throws: an improper prior has no draws. */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        throw noDraws();
    }

    /** Always throws: an improper prior has no draws. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        throw noDraws();
    }

    private UnsupportedOperationException noDraws() {
        return new UnsupportedOperationException("ImproperUniform on " + support + " has no draws (it is a flat improper prior):"
                + " use it as the prior of a latent site fitted with an automatic guide, which starts it at bijectTo(support)(0),"
                + " or condition the site on a value");
    }

    @Override
    public ImproperUniform expand(int... shape) {
        if (!Arrays.equals(Broadcasting.shape(batchShape, shape), shape)) {
            throw new IllegalArgumentException("cannot expand batch shape " + Arrays.toString(batchShape) + " to " + Arrays.toString(shape));
        }
        return new ImproperUniform(support, shape, eventShape);
    }

    /** Undefined: the prior is improper. */
    @Override
    public Tensor mean() {
        throw new UnsupportedOperationException("ImproperUniform has no mean: it is not a probability distribution");
    }

    /** Undefined: the prior is improper. */
    @Override
    public Tensor variance() {
        throw new UnsupportedOperationException("ImproperUniform has no variance: it is not a probability distribution");
    }
}
