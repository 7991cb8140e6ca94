package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * A distribution whose log-density is switched off where a 0/1 mask is 0:
 * {@code log p_masked(x) = mask · log p(x)}, exactly 0 (not {@code 0 · (-∞) = NaN}) where the
 * mask is 0, and no gradient flows there (Pyro's {@code MaskedDistribution}). The mask broadcasts
 * against the batch shape, which becomes their broadcast; draws, moments and support are the
 * base's.
 *
 * <p>Missing data: the value at a masked position is still passed to the base's density, so for
 * gradients it must be a number (any point of the support, e.g. 0 for a normal). A NaN there gives
 * {@code log p = 0} but a NaN gradient, because the chain rule multiplies the zero adjoint by the
 * NaN partial derivative ({@code 0 · NaN = NaN}; PyTorch and Pyro behave the same).
 */
public final class Masked implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Masked")
            .and("mask", ParameterRule.ZERO_OR_ONE);

    private static final String NAME = "Masked";

    private final Distribution base;
    private final Tensor mask;
    private final int[] batchShape;

    private Masked(Distribution base, Tensor mask) {
        PARAMETERS.check("mask", mask);
        int[] b = base.batchShape();
        int[] full;
        try {
            full = Broadcasting.shape(b, mask.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + " mask shape " + Arrays.toString(mask.shape())
                    + " must broadcast with the batch shape " + Arrays.toString(b), e);
        }
        this.base = Arrays.equals(full, b) ? base : base.expand(full);
        this.mask = mask;
        this.batchShape = full;
    }

    /** {@code base} with its log-density multiplied by {@code mask} (entries 0 or 1). */
    public static Masked of(Distribution base, Tensor mask) {
        return new Masked(base, mask);
    }

    /** The unmasked distribution (expanded to the joint batch shape). */
    public Distribution base() {
        return base;
    }

    /** The mask. */
    public Tensor mask() {
        return mask;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return base.eventShape();
    }

    @Override
    public Constraint support() {
        return base.support();
    }

    /** {@code log p(x)} where the mask is 1, {@code 0} where it is 0. */
    @Override
    public Var logProb(Var value) {
        Var lp = base.logProb(value);
        return Var.where(mask, lp, Var.constant(Tensor.zeros(lp.shape())));
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
    public Masked expand(int... shape) {
        return new Masked(base.expand(shape), mask);
    }

    /** The base's mean (masking changes the log-density, not the law of the draws). */
    @Override
    public Tensor mean() {
        return base.mean();
    }

    /** The base's variance. */
    @Override
    public Tensor variance() {
        return base.variance();
    }
}
