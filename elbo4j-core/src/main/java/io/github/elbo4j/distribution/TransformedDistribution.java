package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * The law of {@code Y = f(X)} for {@code X} from a base distribution and a bijector {@code f}:
 * by the change of variables,
 * {@code log p_Y(y) = log p_X(f⁻¹(y)) - log |det ∂f/∂x|} at {@code x = f⁻¹(y)} (e.g. Rezende
 * &amp; Mohamed, "Variational Inference with Normalizing Flows", ICML 2015, eq. 1; Papamakarios
 * et al., JMLR 22(57), 2021, eq. 2). Draws are {@code f(x)}, reparameterized when the base's are.
 *
 * <p><b>Shapes.</b> When the bijector acts jointly on more trailing axes than the base's event
 * (e.g. stick breaking, event rank 1, on a batch of scalar normals), the extra base batch axes
 * become event axes and its {@code log p} is summed over them; when the base's event has more
 * axes than the bijector's domain (an element-wise map of a vector), {@code log |det J|} is summed
 * over the extra axes. The support is the bijector's codomain.
 */
public final class TransformedDistribution implements Distribution {

    private static final String NAME = "TransformedDistribution";

    private final Distribution base;
    private final Bijector bijector;
    private final int reinterpreted;
    private final int extraJacobianAxes;
    private final int[] batchShape;
    private final int[] eventShape;

    private TransformedDistribution(Distribution base, Bijector bijector) {
        int[] baseBatch = base.batchShape();
        int baseEvent = base.eventShape().length;
        int domainRank = bijector.domainEventRank();
        this.reinterpreted = Math.max(0, domainRank - baseEvent);
        if (reinterpreted > baseBatch.length) {
            throw new IllegalArgumentException(NAME + " bijector acts on events of rank " + domainRank
                    + " but the base distribution has batch shape " + Arrays.toString(baseBatch) + " and event shape "
                    + Arrays.toString(base.eventShape()));
        }
        int eventRankX = baseEvent + reinterpreted;
        this.extraJacobianAxes = eventRankX - domainRank;
        int[] fullX = new int[baseBatch.length + baseEvent];
        System.arraycopy(baseBatch, 0, fullX, 0, baseBatch.length);
        System.arraycopy(base.eventShape(), 0, fullX, baseBatch.length, baseEvent);
        int[] fullY = bijector.forwardShape(fullX);
        int eventRankY = eventRankX - domainRank + bijector.codomainEventRank();
        this.base = base;
        this.bijector = bijector;
        this.batchShape = Arrays.copyOf(fullY, fullY.length - eventRankY);
        this.eventShape = Arrays.copyOfRange(fullY, fullY.length - eventRankY, fullY.length);
    }

    /** The law of {@code bijector(X)}, {@code X ~ base}. Compose several with {@link Bijector#then}. */
    public static TransformedDistribution of(Distribution base, Bijector bijector) {
        return new TransformedDistribution(base, bijector);
    }

    /** The base distribution. */
    public Distribution base() {
        return base;
    }

    /** The bijector. */
    public Bijector bijector() {
        return bijector;
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
        return bijector.codomain();
    }

    /**
     * {@code log p_X(f⁻¹(y)) - log |det ∂f/∂x|}, summed over the axes described in the class
     * comment; {@code -∞} where {@code y} lies outside the codomain.
     */
    @Override
    public Var logProb(Var value) {
        Var x = bijector.inverse(value);
        Var lp = sumLast(base.logProb(x), reinterpreted).sub(sumLast(bijector.logAbsDetJacobian(x, value), extraJacobianAxes));
        Tensor inside = support().check(value.value());
        while (inside.rank() > lp.value().rank()) {
            inside = inside.min(-1);
        }
        if (inside.min().item() == 1.0) {
            return lp;
        }
        return Var.where(inside, lp, Var.constant(Double.NEGATIVE_INFINITY));
    }

    private static Var sumLast(Var v, int n) {
        if (n == 0) {
            return v;
        }
        int[] axes = new int[n];
        for (int i = 0; i < n; i++) {
            axes[i] = -1 - i;
        }
        return v.sum(axes);
    }

    /** {@code f(x)}, {@code x} drawn from the base. */
    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return bijector.forward(base.sample(rng, sampleShape));
    }

    @Override
    public boolean hasRsample() {
        return base.hasRsample();
    }

    /** {@code f(x)} for a reparameterized base draw {@code x}: gradients flow through both. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return bijector.forward(base.rsample(rng, sampleShape));
    }

    @Override
    public TransformedDistribution expand(int... shape) {
        int[] baseBatch = base.batchShape();
        int[] target = Arrays.copyOf(shape, shape.length + reinterpreted);
        System.arraycopy(baseBatch, baseBatch.length - reinterpreted, target, shape.length, reinterpreted);
        return new TransformedDistribution(base.expand(target), bijector);
    }

    /** Not available in closed form for a general bijector. */
    @Override
    public Tensor mean() {
        throw new UnsupportedOperationException(NAME + " has no closed-form mean; average draws from sample()");
    }

    /** Not available in closed form for a general bijector. */
    @Override
    public Tensor variance() {
        throw new UnsupportedOperationException(NAME + " has no closed-form variance; use draws from sample()");
    }
}
