package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;

/**
 * The half-Cauchy distribution: {@code |X|} for {@code X ~ Cauchy(0, γ)}, with density
 * {@code p(x) = 2 / (πγ (1 + (x/γ)²))} on {@code x >= 0} (Gelman, Bayesian Analysis 1(3), 2006,
 * sec. 5; {@code scipy.stats.halfcauchy(scale=γ)}). Its mean and variance are infinite (as scipy).
 * <p>A {@link HalfLineScale} family: {@code γ} times the standard half-Cauchy
 * <pre>
 *   log f(z) = log 2 - log π - log1p(z²)     F(z) = (2/π) atan z     F⁻¹(p) = tan(πp/2)
 *   ε by inversion     E Z = Var Z = ∞     H(Z) = log 2π
 * </pre>
 */
public final class HalfCauchy extends HalfLineScale {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("HalfCauchy")
            .and("scale", ParameterRule.POSITIVE);

    private static final double LOG_TWO = 0.6931471805599453;

    private static final LocationScale.Standard STANDARD = LocationScale.Standard.byInversion(
            z -> z.square().log1p().neg(), -(LOG_TWO - Cauchy.LOG_PI),
            z -> z.map(v -> 2.0 / Math.PI * Math.atan(v)),
            p -> p.map(HalfCauchy::standardQuantile),
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Math.log(2.0 * Math.PI));

    private HalfCauchy(Var scale) {
        super(PARAMETERS, STANDARD, scale);
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

    @Override
    public HalfCauchy expand(int... shape) {
        return new HalfCauchy(scale().broadcastTo(shape));
    }

    /** {@code tan(πp/2)}, written {@code 1/tan(π(1 - p)/2)} for {@code p > 1/2} (accurate upper tail). */
    static double standardQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return p <= 0.5 ? Math.tan(0.5 * Math.PI * p) : 1.0 / Math.tan(0.5 * Math.PI * (1.0 - p));
    }
}
