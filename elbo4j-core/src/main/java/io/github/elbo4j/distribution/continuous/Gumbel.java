package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;

/**
 * The Gumbel (type I extreme value, maximum) distribution with location {@code μ} (the mode) and
 * scale {@code β}, {@code p(x) = exp(-(z + e^{-z})) / β}, {@code z = (x - μ)/β} (Johnson, Kotz
 * &amp; Balakrishnan vol. 2, eq. 22.1'; {@code scipy.stats.gumbel_r(loc=μ, scale=β)}). A
 * {@link LocationScale} family whose standard member has {@code log f(z) = -z - e^{-z}}, cdf
 * {@code exp(-e^{-z})}, quantile {@code -log(-log p)}, mean {@code γ} (Euler–Mascheroni), variance
 * {@code π²/6} and entropy {@code γ + 1}; draws invert the quantile.
 */
public final class Gumbel extends LocationScale {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Gumbel")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    /** The Euler–Mascheroni constant. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private static final Standard STANDARD = Standard.byInversion(
            z -> z.add(z.neg().exp()).neg(), 0.0,
            z -> z.map(t -> Math.exp(-Math.exp(-t))),
            p -> p.map(Gumbel::standardQuantile),
            EULER_GAMMA, Math.PI * Math.PI / 6.0, EULER_GAMMA + 1.0);

    private Gumbel(Var loc, Var scale) {
        super(PARAMETERS, STANDARD, loc, scale);
    }

    /** {@code Gumbel(loc, scale)} with differentiable parameters. */
    public static Gumbel of(Var loc, Var scale) {
        return new Gumbel(loc, scale);
    }

    /** {@code Gumbel(loc, scale)} with a differentiable loc and a data scale. */
    public static Gumbel of(Var loc, double scale) {
        return of(loc, Var.constant(scale));
    }

    /** {@code Gumbel(loc, scale)} with a data loc and a differentiable scale. */
    public static Gumbel of(double loc, Var scale) {
        return of(Var.constant(loc), scale);
    }

    /** {@code Gumbel(loc, scale)} with data parameters (broadcast against each other). */
    public static Gumbel of(Tensor loc, Tensor scale) {
        return new Gumbel(Var.constant(loc), Var.constant(scale));
    }

    /** A scalar {@code Gumbel(loc, scale)}. */
    public static Gumbel of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    @Override
    public Gumbel expand(int... shape) {
        return new Gumbel(loc().broadcastTo(shape), scale().broadcastTo(shape));
    }

    static double standardQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return -Math.log(-Math.log(p));
    }
}
