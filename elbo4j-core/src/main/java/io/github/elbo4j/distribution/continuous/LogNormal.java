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
 * The log-normal distribution: {@code log X ~ N(μ, σ²)}, with density
 * {@code p(x) = exp(-(log x - μ)² / 2σ²) / (x σ √(2π))} on {@code x > 0} (Johnson, Kotz &amp;
 * Balakrishnan, Continuous Univariate Distributions vol. 1, 2nd ed., eq. 14.2';
 * {@code scipy.stats.lognorm(s=σ, scale=e^μ)}).
 */
public final class LogNormal implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("LogNormal")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    private final Var loc;
    private final Var scale;
    private final int[] batchShape;

    private LogNormal(Var loc, Var scale) {
        PARAMETERS.check("loc", loc.value());
        PARAMETERS.check("scale", scale.value());
        this.loc = loc;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(loc.shape(), scale.shape());
    }

    /** {@code LogNormal(loc, scale)}: the mean and standard deviation of {@code log X}, differentiable. */
    public static LogNormal of(Var loc, Var scale) {
        return new LogNormal(loc, scale);
    }

    /** {@code LogNormal(loc, scale)} with a differentiable loc and a data scale. */
    public static LogNormal of(Var loc, double scale) {
        return of(loc, Var.constant(scale));
    }

    /** {@code LogNormal(loc, scale)} with a data loc and a differentiable scale. */
    public static LogNormal of(double loc, Var scale) {
        return of(Var.constant(loc), scale);
    }

    /** {@code LogNormal(loc, scale)} with data parameters (broadcast against each other). */
    public static LogNormal of(Tensor loc, Tensor scale) {
        return new LogNormal(Var.constant(loc), Var.constant(scale));
    }

    /** A scalar {@code LogNormal(loc, scale)}. */
    public static LogNormal of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    /** The mean {@code μ} of {@code log X}. */
    public Var loc() {
        return loc;
    }

    /** The standard deviation {@code σ} of {@code log X}. */
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
        return new Constraint.Positive();
    }

    /** {@code log p(x) = -((log x - μ)/σ)²/2 - log σ - log x - log(2π)/2} for {@code x > 0}. */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var logX = SupportMask.interior(value, inside, 1.0).log();
        Var z = logX.sub(loc).div(scale);
        Var lp = z.square().mul(-0.5).sub(scale.log()).sub(logX).sub(Normal.HALF_LOG_TWO_PI);
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

    /** {@code x = exp(μ + σ ε)} with {@code ε ~ N(0, 1)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] eps = new double[Broadcasting.size(shape)];
        rng.fillGaussian(eps);
        return loc.add(scale.mul(Tensor.of(eps, shape))).exp();
    }

    @Override
    public LogNormal expand(int... shape) {
        return new LogNormal(loc.broadcastTo(shape), scale.broadcastTo(shape));
    }

    /** {@code exp(μ + σ²/2)}. */
    @Override
    public Tensor mean() {
        return loc.value().add(scale.value().square().mul(0.5)).exp().broadcastTo(batchShape);
    }

    /** {@code (e^{σ²} - 1) e^{2μ + σ²}}, with {@code expm1} for small {@code σ}. */
    @Override
    public Tensor variance() {
        Tensor s2 = scale.value().square();
        return s2.apply(ElementwiseFunction.EXPM1).mul(loc.value().mul(2.0).add(s2).exp()).broadcastTo(batchShape);
    }

    /** {@code H = μ + 1/2 + log σ + log(2π)/2}. */
    @Override
    public Var entropy() {
        return loc.add(scale.log()).add(0.5 + Normal.HALF_LOG_TWO_PI).broadcastTo(batchShape);
    }

    /** {@code Φ((log x - μ)/σ) = erfc(-(log x - μ)/(σ√2)) / 2}, 0 for {@code x <= 0}. */
    @Override
    public Tensor cdf(Tensor x) {
        Tensor positive = x.gt(Tensor.scalar(0.0));
        Tensor logX = Tensor.where(positive, x, Tensor.scalar(1.0)).log();
        Tensor f = logX.sub(loc.value()).div(scale.value()).mul(-Math.sqrt(0.5)).map(SpecialFunctions::erfc).mul(0.5);
        return Tensor.where(positive, f, Tensor.where(x.eq(x), Tensor.scalar(0.0), x));
    }

    /** {@code exp(μ - σ √2 erfcinv(2p))}. */
    @Override
    public Tensor icdf(Tensor p) {
        return p.mul(2.0).map(SpecialFunctions::erfcinv).mul(-Math.sqrt(2.0)).mul(scale.value()).add(loc.value()).exp();
    }
}
