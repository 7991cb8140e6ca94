package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.NormalDensity;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * The normal distribution {@code N(μ, σ²)} with mean {@code μ} and standard deviation {@code σ},
 * density {@code p(x) = exp(-(x - μ)² / 2σ²) / (σ √(2π))} (Bishop, PRML, eq. 1.46). A
 * {@link LocationScale} family whose standard member has {@code log f(z) = -z²/2 - log(2π)/2},
 * cdf {@code Φ(z) = erfc(-z/√2) / 2}, quantile {@code -√2 erfcinv(2p)} (accurate in the lower tail,
 * unlike {@code erfinv(2p - 1)}), variance 1 and entropy {@code 1/2 + log(2π)/2}; draws are
 * {@code ε ~ N(0, 1)} from the stream's Gaussian generator.
 */
public final class Normal extends LocationScale {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Normal")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    static final double HALF_LOG_TWO_PI = NormalDensity.HALF_LOG_TWO_PI;

    private static final Standard STANDARD = new Standard(
            z -> z.square().mul(-0.5), HALF_LOG_TWO_PI,
            z -> z.mul(-Math.sqrt(0.5)).map(SpecialFunctions::erfc).mul(0.5),
            p -> p.mul(2.0).map(SpecialFunctions::erfcinv).mul(-Math.sqrt(2.0)),
            (rng, shape) -> {
                double[] eps = new double[Broadcasting.size(shape)];
                rng.fillGaussian(eps);
                return Tensor.of(eps, shape);
            },
            0.0, 1.0, 0.5 + HALF_LOG_TWO_PI);

    private Normal(Var loc, Var scale) {
        super(PARAMETERS, STANDARD, loc, scale);
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

    /**
     * {@code log p(x) = -((x - μ)/σ)²/2 - log σ - log(2π)/2}, by one fused kernel
     * ({@code NormalDensity}); NaN values take the general path and get {@code -∞}.
     */
    @Override
    public Var logProb(Var value) {
        Optional<Var> fused = NormalDensity.of(value, loc(), scale());
        return fused.isPresent() ? fused.get() : super.logProb(value);
    }

    @Override
    public Normal expand(int... shape) {
        return new Normal(loc().broadcastTo(shape), scale().broadcastTo(shape));
    }
}
