package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;

/**
 * The Cauchy distribution with location {@code x₀} (the median) and scale {@code γ} (half width at
 * half maximum), {@code p(x) = 1 / (πγ (1 + ((x - x₀)/γ)²))} (Johnson, Kotz &amp; Balakrishnan
 * vol. 1, eq. 16.1; {@code scipy.stats.cauchy(loc=x₀, scale=γ)}). Its mean and variance do not
 * exist (NaN, as scipy). A {@link LocationScale} family whose standard member has
 * {@code log f(z) = -log1p(z²) - log π}, cdf {@link #standardCdf}, quantile
 * {@link #standardQuantile} and entropy {@code log 4π}; draws invert the quantile.
 */
public final class Cauchy extends LocationScale {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Cauchy")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    static final double LOG_PI = 1.1447298858494002;

    private static final Standard STANDARD = Standard.byInversion(
            z -> z.square().log1p().neg(), LOG_PI,
            z -> z.map(Cauchy::standardCdf),
            p -> p.map(Cauchy::standardQuantile),
            Double.NaN, Double.NaN, Math.log(4.0 * Math.PI));

    private Cauchy(Var loc, Var scale) {
        super(PARAMETERS, STANDARD, loc, scale);
    }

    /** {@code Cauchy(loc, scale)} with differentiable parameters. */
    public static Cauchy of(Var loc, Var scale) {
        return new Cauchy(loc, scale);
    }

    /** {@code Cauchy(loc, scale)} with a differentiable loc and a data scale. */
    public static Cauchy of(Var loc, double scale) {
        return of(loc, Var.constant(scale));
    }

    /** {@code Cauchy(loc, scale)} with a data loc and a differentiable scale. */
    public static Cauchy of(double loc, Var scale) {
        return of(Var.constant(loc), scale);
    }

    /** {@code Cauchy(loc, scale)} with data parameters (broadcast against each other). */
    public static Cauchy of(Tensor loc, Tensor scale) {
        return new Cauchy(Var.constant(loc), Var.constant(scale));
    }

    /** A scalar {@code Cauchy(loc, scale)}. */
    public static Cauchy of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    @Override
    public Cauchy expand(int... shape) {
        return new Cauchy(loc().broadcastTo(shape), scale().broadcastTo(shape));
    }

    /** {@code 1/2 + atan(z)/π}, as {@code atan(-1/z)/π} for {@code z < 0} (no cancellation in the lower tail). */
    static double standardCdf(double z) {
        return z < 0 ? Math.atan(-1.0 / z) / Math.PI : 0.5 + Math.atan(z) / Math.PI;
    }

    /**
     * {@code tan(π(p - 1/2))}, written {@code -1/tan(πp)} for {@code p < 1/2} and
     * {@code 1/tan(π(1 - p))} above so that the tails keep their relative accuracy.
     */
    static double standardQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0.5) {
            return 0.0;
        }
        return p < 0.5 ? -1.0 / Math.tan(Math.PI * p) : 1.0 / Math.tan(Math.PI * (1.0 - p));
    }
}
