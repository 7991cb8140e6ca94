package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.NormalDensity;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Optional;

/**
 * The normal distribution {@code N(μ, σ²)} with density
 * {@code p(x) = exp(-(x - μ)² / 2σ²) / (σ √(2π))} (Bishop, PRML, eq. 1.46).
 */
public final class Normal implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Normal")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    static final double HALF_LOG_TWO_PI = NormalDensity.HALF_LOG_TWO_PI;

    private final Var loc;
    private final Var scale;
    private final int[] batchShape;

    private Normal(Var loc, Var scale) {
        PARAMETERS.check("loc", loc.value());
        PARAMETERS.check("scale", scale.value());
        this.loc = loc;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(loc.shape(), scale.shape());
    }

    /** {@code N(loc, scale²)} with differentiable parameters. */
    public static Normal of(Var loc, Var scale) {
        return new Normal(loc, scale);
    }

    /** {@code Normal(loc, scale)} with a differentiable loc and a data scale. */
    public static Normal of(Var loc, double scale) {
        return of(loc, Var.constant(scale));
    }

    /** {@code Normal(loc, scale)} with a data loc and a differentiable scale. */
    public static Normal of(double loc, Var scale) {
        return of(Var.constant(loc), scale);
    }

    /** {@code N(loc, scale²)} with data parameters (broadcast against each other). */
    public static Normal of(Tensor loc, Tensor scale) {
        return new Normal(Var.constant(loc), Var.constant(scale));
    }

    /** A scalar {@code N(loc, scale²)}. */
    public static Normal of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    /** The mean {@code μ}. */
    public Var loc() {
        return loc;
    }

    /** The standard deviation {@code σ}. */
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
        return new Constraint.Real();
    }

    /**
     * {@code log p(x) = -((x - μ)/σ)²/2 - log σ - log(2π)/2}, by one fused kernel
     * ({@code NormalDensity}); NaN values take the general path and get {@code -∞}.
     */
    @Override
    public Var logProb(Var value) {
        Optional<Var> fused = NormalDensity.of(value, loc, scale);
        if (fused.isPresent()) {
            return fused.get();
        }
        Var z = value.sub(loc).div(scale);
        return SupportMask.apply(z.square().mul(-0.5).sub(scale.log()).sub(HALF_LOG_TWO_PI), support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ + σ ε} with {@code ε ~ N(0, 1)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] eps = new double[Broadcasting.size(shape)];
        rng.fillGaussian(eps);
        return loc.add(scale.mul(Tensor.of(eps, shape)));
    }

    @Override
    public Normal expand(int... shape) {
        return new Normal(loc.broadcastTo(shape), scale.broadcastTo(shape));
    }

    @Override
    public Tensor mean() {
        return loc.value().broadcastTo(batchShape);
    }

    @Override
    public Tensor variance() {
        return scale.value().square().broadcastTo(batchShape);
    }

    /** {@code H = 1/2 + log(2π)/2 + log σ}. */
    @Override
    public Var entropy() {
        return scale.log().add(0.5 + HALF_LOG_TWO_PI).broadcastTo(batchShape);
    }

    /** {@code Φ((x - μ)/σ) = erfc(-(x - μ)/(σ√2)) / 2}. */
    @Override
    public Tensor cdf(Tensor x) {
        return x.sub(loc.value()).div(scale.value()).mul(-Math.sqrt(0.5)).map(SpecialFunctions::erfc).mul(0.5);
    }

    /** {@code μ - σ √2 erfcinv(2p)} (accurate in the lower tail, unlike {@code erfinv(2p - 1)}). */
    @Override
    public Tensor icdf(Tensor p) {
        return p.mul(2.0).map(SpecialFunctions::erfcinv).mul(-Math.sqrt(2.0)).mul(scale.value()).add(loc.value());
    }
}
