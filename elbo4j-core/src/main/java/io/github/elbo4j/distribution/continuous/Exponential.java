package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The exponential distribution with rate {@code λ}, {@code p(x) = λ e^{-λx}} on {@code x >= 0}
 * (Bishop, PRML, eq. 2.146 with {@code a = 1}; {@code scipy.stats.expon(scale=1/λ)}).
 */
public final class Exponential implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Exponential")
            .and("rate", ParameterRule.POSITIVE);

    private final Var rate;
    private final int[] batchShape;

    private Exponential(Var rate) {
        PARAMETERS.check("rate", rate.value());
        this.rate = rate;
        this.batchShape = rate.shape();
    }

    /** {@code Exponential(rate)} with a differentiable rate. */
    public static Exponential of(Var rate) {
        return new Exponential(rate);
    }

    /** {@code Exponential(rate)} with a data rate. */
    public static Exponential of(Tensor rate) {
        return new Exponential(Var.constant(rate));
    }

    /** A scalar {@code Exponential(rate)}. */
    public static Exponential of(double rate) {
        return of(Tensor.scalar(rate));
    }

    /** The rate {@code λ} (the inverse mean). */
    public Var rate() {
        return rate;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[0];
    }

    @Override
    public Constraint support() {
        return new Constraint.NonNegative();
    }

    /** {@code log p(x) = log λ - λx} for {@code x >= 0}. */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 1.0);
        Var lp = rate.log().sub(rate.mul(x));
        return SupportMask.apply(lp, inside.broadcastTo(lp.shape()));
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /**
     * {@code x = e / λ} with {@code e ~ Exponential(1)} from Commons RNG's ziggurat sampler
     * (McFarland, J. Stat. Comput. Simul. 86(7), 2016); {@code dx/dλ = -x/λ}.
     */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        ZigguratSampler.Exponential sampler = ZigguratSampler.Exponential.of(rng.provider());
        double[] e = new double[Broadcasting.size(shape)];
        for (int i = 0; i < e.length; i++) {
            e[i] = sampler.sample();
        }
        return rate.rdiv(1.0).mul(Tensor.of(e, shape));
    }

    @Override
    public Exponential expand(int... shape) {
        return new Exponential(rate.broadcastTo(shape));
    }

    /** {@code 1/λ}. */
    @Override
    public Tensor mean() {
        return rate.value().rdiv(1.0);
    }

    /** {@code 1/λ²}. */
    @Override
    public Tensor variance() {
        return rate.value().square().rdiv(1.0);
    }

    /** {@code H = 1 - log λ}. */
    @Override
    public Var entropy() {
        return rate.log().rsub(1.0);
    }

    /** {@code 1 - e^{-λx} = -expm1(-λx)} for {@code x >= 0}, 0 below. */
    @Override
    public Tensor cdf(Tensor x) {
        Tensor y = x.mul(rate.value());
        return Tensor.where(y.lt(Tensor.scalar(0.0)), Tensor.scalar(0.0), y.neg().apply(ElementwiseFunction.EXPM1).neg());
    }

    /** {@code -log1p(-p) / λ}. */
    @Override
    public Tensor icdf(Tensor p) {
        return p.neg().apply(ElementwiseFunction.LOG1P).neg().div(rate.value());
    }
}
