package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The half-Cauchy distribution: {@code |X|} for {@code X ~ Cauchy(0, γ)}, with density
 * {@code p(x) = 2 / (πγ (1 + (x/γ)²))} on {@code x >= 0} (Gelman, Bayesian Analysis 1(3), 2006,
 * sec. 5; {@code scipy.stats.halfcauchy(scale=γ)}). Its mean and variance are infinite (as scipy).
 */
public final class HalfCauchy implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("HalfCauchy")
            .and("scale", ParameterRule.POSITIVE);

    private static final double LOG_TWO = 0.6931471805599453;

    private final Var scale;
    private final int[] batchShape;

    private HalfCauchy(Var scale) {
        PARAMETERS.check("scale", scale.value());
        this.scale = scale;
        this.batchShape = scale.shape();
    }

    /** {@code HalfCauchy(scale)} with a differentiable scale. */
    public static HalfCauchy of(Var scale) {
        return new HalfCauchy(scale);
    }

    /** {@code HalfCauchy(scale)} with a data scale. */
    public static HalfCauchy of(Tensor scale) {
        return new HalfCauchy(Var.constant(scale));
    }

    /** A scalar {@code HalfCauchy(scale)}. */
    public static HalfCauchy of(double scale) {
        return of(Tensor.scalar(scale));
    }

    /** The scale {@code γ}. */
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

    /** {@code log p(x) = log 2 - log π - log γ - log1p((x/γ)²)} for {@code x >= 0}. */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 1.0);
        Var lp = x.div(scale).square().log1p().neg().sub(scale.log()).add(LOG_TWO - Cauchy.LOG_PI);
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

    /** {@code x = γ tan(πu/2)} with {@code u ~ U(0, 1)}, by {@link #standardQuantile}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Tensor u = Uniform.openUnitDraws(rng, Broadcasting.concat(sampleShape, batchShape));
        return scale.mul(u.map(HalfCauchy::standardQuantile));
    }

    @Override
    public HalfCauchy expand(int... shape) {
        return new HalfCauchy(scale.broadcastTo(shape));
    }

    /** Infinite. */
    @Override
    public Tensor mean() {
        return Tensor.full(Double.POSITIVE_INFINITY, batchShape);
    }

    /** Infinite. */
    @Override
    public Tensor variance() {
        return Tensor.full(Double.POSITIVE_INFINITY, batchShape);
    }

    /** {@code H = log(2πγ)}. */
    @Override
    public Var entropy() {
        return scale.log().add(Math.log(2.0 * Math.PI));
    }

    /** {@code (2/π) atan(x/γ)} for {@code x >= 0}, 0 below. */
    @Override
    public Tensor cdf(Tensor x) {
        return x.div(scale.value()).map(z -> z < 0 ? 0.0 : 2.0 / Math.PI * Math.atan(z));
    }

    /** {@code γ tan(πp/2)}, by {@link #standardQuantile}. */
    @Override
    public Tensor icdf(Tensor p) {
        return p.map(HalfCauchy::standardQuantile).mul(scale.value());
    }

    /** {@code tan(πp/2)}, written {@code 1/tan(π(1 - p)/2)} for {@code p > 1/2} (accurate upper tail). */
    static double standardQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return p <= 0.5 ? Math.tan(0.5 * Math.PI * p) : 1.0 / Math.tan(0.5 * Math.PI * (1.0 - p));
    }
}
