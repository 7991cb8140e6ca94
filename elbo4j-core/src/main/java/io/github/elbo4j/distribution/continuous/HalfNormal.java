package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;

/**
 * The half-normal distribution: {@code |X|} for {@code X ~ N(0, σ²)}, with density
 * {@code p(x) = √(2/π) / σ · exp(-x²/2σ²)} on {@code x >= 0} (Johnson, Kotz &amp; Balakrishnan
 * vol. 1, sec. 13.7.1; {@code scipy.stats.halfnorm(scale=σ)}).
 * <p>A {@link HalfLineScale} family: {@code σ} times the standard half-normal
 * <pre>
 *   log f(z) = log(2/π)/2 - z²/2     F(z) = erf(z/√2)     F⁻¹(p) = √2 erfinv(p)  (√2 erfcinv(1 - p) for p > 1/2)
 *   ε = |N(0, 1)|     E Z = √(2/π)     Var Z = 1 - 2/π     H(Z) = 1/2 - log(2/π)/2
 * </pre>
 */
public final class HalfNormal extends HalfLineScale {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("HalfNormal")
            .and("scale", ParameterRule.POSITIVE);

    /** {@code log(2/π)/2}. */
    private static final double HALF_LOG_TWO_OVER_PI = -0.22579135264472744;
    private static final double SQRT_TWO_OVER_PI = 0.7978845608028654;

    private static final LocationScale.Standard STANDARD = new LocationScale.Standard(
            z -> z.square().mul(-0.5), -HALF_LOG_TWO_OVER_PI,
            z -> z.mul(Math.sqrt(0.5)).map(SpecialFunctions::erf),
            p -> p.map(q -> q > 0.5 ? SpecialFunctions.erfcinv(1.0 - q) : SpecialFunctions.erfinv(q)).mul(Math.sqrt(2.0)),
            (rng, shape) -> {
                double[] eps = new double[Broadcasting.size(shape)];
                rng.fillGaussian(eps);
                return Tensor.of(eps, shape).apply(ElementwiseFunction.ABS);
            },
            SQRT_TWO_OVER_PI, 1.0 - 2.0 / Math.PI, 0.5 - HALF_LOG_TWO_OVER_PI);

    private HalfNormal(Var scale) {
        super(PARAMETERS, STANDARD, scale);
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

    @Override
    public HalfNormal expand(int... shape) {
        return new HalfNormal(scale().broadcastTo(shape));
    }
}
