package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;

/**
 * The logistic distribution with location {@code μ} (mean, median, mode) and scale {@code s},
 * {@code p(x) = e^{-z} / (s (1 + e^{-z})²)}, {@code z = (x - μ)/s} (Johnson, Kotz &amp;
 * Balakrishnan vol. 2, eq. 23.1'; {@code scipy.stats.logistic(loc=μ, scale=s)}). A
 * {@link LocationScale} family whose standard member has {@code log f(z) = log σ(z) + log σ(-z)}
 * (the stable {@code log σ}: the sum equals {@code -z - 2 log(1 + e^{-z})} without overflow in
 * either tail), cdf the sigmoid {@code σ(z)}, quantile {@code logit p = log p - log1p(-p)}, mean 0,
 * variance {@code π²/3} and entropy 2; draws invert the quantile.
 */
public final class Logistic extends LocationScale {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Logistic")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    private static final Standard STANDARD = Standard.byInversion(
            z -> z.logSigmoid().add(z.neg().logSigmoid()), 0.0,
            z -> z.apply(ElementwiseFunction.SIGMOID),
            p -> p.map(LogSpace::logit),
            0.0, Math.PI * Math.PI / 3.0, 2.0);

    private Logistic(Var loc, Var scale) {
        super(PARAMETERS, STANDARD, loc, scale);
    }

    /** {@code Logistic(loc, scale)} with differentiable parameters. */
    public static Logistic of(Var loc, Var scale) {
        return new Logistic(loc, scale);
    }

    /** {@code Logistic(loc, scale)} with a differentiable loc and a data scale. */
    public static Logistic of(Var loc, double scale) {
        return of(loc, Var.constant(scale));
    }

    /** {@code Logistic(loc, scale)} with a data loc and a differentiable scale. */
    public static Logistic of(double loc, Var scale) {
        return of(Var.constant(loc), scale);
    }

    /** {@code Logistic(loc, scale)} with data parameters (broadcast against each other). */
    public static Logistic of(Tensor loc, Tensor scale) {
        return new Logistic(Var.constant(loc), Var.constant(scale));
    }

    /** A scalar {@code Logistic(loc, scale)}. */
    public static Logistic of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    @Override
    public Logistic expand(int... shape) {
        return new Logistic(loc().broadcastTo(shape), scale().broadcastTo(shape));
    }
}
