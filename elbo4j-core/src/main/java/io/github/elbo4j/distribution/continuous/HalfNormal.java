package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The half-normal distribution: {@code |X|} for {@code X ~ N(0, σ²)}, with density
 * {@code p(x) = √(2/π) / σ · exp(-x²/2σ²)} on {@code x >= 0} (Johnson, Kotz &amp; Balakrishnan
 * vol. 1, sec. 13.7.1; {@code scipy.stats.halfnorm(scale=σ)}).
 */
public final class HalfNormal implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("HalfNormal")
            .and("scale", ParameterRule.POSITIVE);

    /** {@code log(2/π)/2}. */
    private static final double HALF_LOG_TWO_OVER_PI = -0.22579135264472744;
    private static final double SQRT_TWO_OVER_PI = 0.7978845608028654;

    private final Var scale;
    private final int[] batchShape;

    private HalfNormal(Var scale) {
        PARAMETERS.check("scale", scale.value());
        this.scale = scale;
        this.batchShape = scale.shape();
    }

    /** {@code HalfNormal(scale)} with a differentiable scale. */
    public static HalfNormal of(Var scale) {
        return new HalfNormal(scale);
    }

    /** {@code HalfNormal(scale)} with a data scale. */
    public static HalfNormal of(Tensor scale) {
        return new HalfNormal(Var.constant(scale));
    }

    /** A scalar {@code HalfNormal(scale)}. */
    public static HalfNormal of(double scale) {
        return of(Tensor.scalar(scale));
    }

    /** The scale {@code σ} of the underlying normal. */
    public Var scale() {
        return scale;
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

    /** {@code log p(x) = log(2/π)/2 - log σ - x²/2σ²} for {@code x >= 0}. */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 1.0);
        Var lp = x.div(scale).square().mul(-0.5).sub(scale.log()).add(HALF_LOG_TWO_OVER_PI);
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

    /** {@code x = σ |ε|} with {@code ε ~ N(0, 1)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] eps = new double[Broadcasting.size(shape)];
        rng.fillGaussian(eps);
        return scale.mul(Tensor.of(eps, shape).apply(ElementwiseFunction.ABS));
    }

    @Override
    public HalfNormal expand(int... shape) {
        return new HalfNormal(scale.broadcastTo(shape));
    }

    /** {@code σ √(2/π)}. */
    @Override
    public Tensor mean() {
        return scale.value().mul(SQRT_TWO_OVER_PI);
    }

    /** {@code σ² (1 - 2/π)}. */
    @Override
    public Tensor variance() {
        return scale.value().square().mul(1.0 - 2.0 / Math.PI);
    }

    /** {@code H = log(σ √(π/2)) + 1/2}. */
    @Override
    public Var entropy() {
        return scale.log().add(0.5 - HALF_LOG_TWO_OVER_PI);
    }

    /** {@code erf(x / (σ√2))} for {@code x >= 0}, 0 below. */
    @Override
    public Tensor cdf(Tensor x) {
        Tensor f = x.div(scale.value()).mul(Math.sqrt(0.5)).map(SpecialFunctions::erf);
        return Tensor.where(x.lt(Tensor.scalar(0.0)), Tensor.scalar(0.0), f);
    }

    /** {@code σ √2 erfinv(p)}, as {@code σ √2 erfcinv(1 - p)} for {@code p > 1/2} (where {@code 1 - p} is exact). */
    @Override
    public Tensor icdf(Tensor p) {
        Tensor u = p.map(q -> q > 0.5 ? SpecialFunctions.erfcinv(1.0 - q) : SpecialFunctions.erfinv(q));
        return u.mul(Math.sqrt(2.0)).mul(scale.value());
    }
}
