package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;

/**
 * The Laplace (double exponential) distribution with location {@code μ} (mean and median) and
 * scale {@code b}, {@code p(x) = exp(-|x - μ|/b) / 2b} (Johnson, Kotz &amp; Balakrishnan vol. 2,
 * eq. 24.1; {@code scipy.stats.laplace(loc=μ, scale=b)}). A {@link LocationScale} family whose
 * standard member has {@code log f(z) = -|z| - log 2} (the derivative at {@code z = 0} taken as 0),
 * cdf {@code e^z / 2} for {@code z < 0} and {@code 1 - e^{-z}/2} above, quantile
 * {@code log 2p} for {@code p < 1/2} and {@code -log 2(1 - p)} above, mean 0, variance 2 and
 * entropy {@code 1 + log 2}; draws invert the quantile.
 */
public final class Laplace extends LocationScale {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Laplace")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    private static final double LOG_TWO = 0.6931471805599453;

    private static final Standard STANDARD = Standard.byInversion(
            z -> z.apply(ElementwiseFunction.ABS).neg(), LOG_TWO,
            z -> z.map(t -> t < 0 ? 0.5 * Math.exp(t) : 1.0 - 0.5 * Math.exp(-t)),
            p -> p.map(Laplace::standardQuantile),
            0.0, 2.0, 1.0 + LOG_TWO);

    private Laplace(Var loc, Var scale) {
        super(PARAMETERS, STANDARD, loc, scale);
    }

    /** {@code Laplace(loc, scale)} with differentiable parameters. */
    public static Laplace of(Var loc, Var scale) {
        return new Laplace(loc, scale);
    }

    /** {@code Laplace(loc, scale)} with a differentiable loc and a data scale. */
    public static Laplace of(Var loc, double scale) {
        return of(loc, Var.constant(scale));
    }

    /** {@code Laplace(loc, scale)} with a data loc and a differentiable scale. */
    public static Laplace of(double loc, Var scale) {
        return of(Var.constant(loc), scale);
    }

    /** {@code Laplace(loc, scale)} with data parameters (broadcast against each other). */
    public static Laplace of(Tensor loc, Tensor scale) {
        return new Laplace(Var.constant(loc), Var.constant(scale));
    }

    /** A scalar {@code Laplace(loc, scale)}. */
    public static Laplace of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    @Override
    public Laplace expand(int... shape) {
        return new Laplace(loc().broadcastTo(shape), scale().broadcastTo(shape));
    }

    static double standardQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return p < 0.5 ? Math.log(2.0 * p) : -Math.log(2.0 * (1.0 - p));
    }
}
