package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.BroadcastMap;
import io.github.elbo4j.distribution.kernel.DifferentiableSpecialFunctions;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.QuantileSearch;
import io.github.elbo4j.distribution.kernel.StandardGammaDraws;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The beta distribution with concentrations {@code a} (of 1) and {@code b} (of 0),
 * {@code p(x) = x^{a-1} (1 - x)^{b-1} / B(a, b)} on {@code [0, 1]} (Bishop, PRML, eq. 2.13;
 * {@code scipy.stats.beta(a, b)}).
 *
 * <p>{@link #rsample} is implicitly reparameterized: {@code z = X / (X + Y)} with
 * {@code X ~ Gamma(a, 1)}, {@code Y ~ Gamma(b, 1)}, each with the implicit gradient of
 * {@link StandardGammaDraws} (Figurnov, Mohamed &amp; Mnih, NeurIPS 2018, sec. 3.3), computed as
 * {@code σ(log X - log Y)} so that tiny concentrations whose gamma draws underflow still give a
 * value in {@code [0, 1]}.
 */
public final class Beta implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Beta")
            .and("concentration1", ParameterRule.POSITIVE)
            .and("concentration0", ParameterRule.POSITIVE);

    private final Var concentration1;
    private final Var concentration0;
    private final int[] batchShape;

    private Beta(Var concentration1, Var concentration0) {
        PARAMETERS.check("concentration1", concentration1.value());
        PARAMETERS.check("concentration0", concentration0.value());
        this.concentration1 = concentration1;
        this.concentration0 = concentration0;
        this.batchShape = Broadcasting.shape(concentration1.shape(), concentration0.shape());
    }

    /** {@code Beta(concentration1, concentration0)} with differentiable parameters. */
    public static Beta of(Var concentration1, Var concentration0) {
        return new Beta(concentration1, concentration0);
    }

    /** {@code Beta(concentration1, concentration0)} with a differentiable concentration1 and a data concentration0. */
    public static Beta of(Var concentration1, double concentration0) {
        return of(concentration1, Var.constant(concentration0));
    }

    /** {@code Beta(concentration1, concentration0)} with a data concentration1 and a differentiable concentration0. */
    public static Beta of(double concentration1, Var concentration0) {
        return of(Var.constant(concentration1), concentration0);
    }

    /** {@code Beta(concentration1, concentration0)} with data parameters (broadcast against each other). */
    public static Beta of(Tensor concentration1, Tensor concentration0) {
        return new Beta(Var.constant(concentration1), Var.constant(concentration0));
    }

    /** A scalar {@code Beta(concentration1, concentration0)}. */
    public static Beta of(double concentration1, double concentration0) {
        return of(Tensor.scalar(concentration1), Tensor.scalar(concentration0));
    }

    /** {@code a}, the exponent of {@code x} plus one. */
    public Var concentration1() {
        return concentration1;
    }

    /** {@code b}, the exponent of {@code 1 - x} plus one. */
    public Var concentration0() {
        return concentration0;
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
        return new Constraint.Interval(0.0, 1.0);
    }

    /**
     * {@code log p(x) = (a - 1) log x + (b - 1) log1p(-x) - log B(a, b)} with {@code 0 · log 0 = 0},
     * so the end points give {@code +∞}, a finite value or {@code -∞} as scipy does.
     */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 0.5);
        Var lp = DifferentiableSpecialFunctions.xlogy(concentration1.sub(1.0), x)
                .add(DifferentiableSpecialFunctions.xlog1py(concentration0.sub(1.0), x.neg()))
                .sub(DifferentiableSpecialFunctions.logBeta(concentration1, concentration0));
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

    /** {@code z = σ(log X - log Y)}, {@code X ~ Gamma(a, 1)}, {@code Y ~ Gamma(b, 1)}, implicit gradients. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Var logX = StandardGammaDraws.logDraws(concentration1, batchShape, rng, sampleShape);
        Var logY = StandardGammaDraws.logDraws(concentration0, batchShape, rng, sampleShape);
        return logX.sub(logY).sigmoid();
    }

    @Override
    public Beta expand(int... shape) {
        return new Beta(concentration1.broadcastTo(shape), concentration0.broadcastTo(shape));
    }

    /** {@code a / (a + b)}. */
    @Override
    public Tensor mean() {
        Tensor a = concentration1.value();
        return a.div(a.add(concentration0.value())).broadcastTo(batchShape);
    }

    /** {@code ab / ((a + b)² (a + b + 1))}. */
    @Override
    public Tensor variance() {
        Tensor a = concentration1.value();
        Tensor b = concentration0.value();
        Tensor s = a.add(b);
        return a.mul(b).div(s.square().mul(s.add(1.0))).broadcastTo(batchShape);
    }

    /** {@code H = log B(a, b) - (a - 1) ψ(a) - (b - 1) ψ(b) + (a + b - 2) ψ(a + b)} (Lazo &amp; Rathie 1978). */
    @Override
    public Var entropy() {
        Var a = concentration1;
        Var b = concentration0;
        Var s = a.add(b);
        return DifferentiableSpecialFunctions.logBeta(a, b)
                .sub(a.sub(1.0).mul(a.apply(ElementwiseFunction.DIGAMMA)))
                .sub(b.sub(1.0).mul(b.apply(ElementwiseFunction.DIGAMMA)))
                .add(s.sub(2.0).mul(s.apply(ElementwiseFunction.DIGAMMA)))
                .broadcastTo(batchShape);
    }

    /** {@code I_x(a, b)}, the regularized incomplete beta function (0 below 0, 1 above 1). */
    @Override
    public Tensor cdf(Tensor x) {
        return BroadcastMap.of(x, concentration1.value(), concentration0.value(), (v, a, b) -> {
            if (v <= 0) {
                return 0.0;
            }
            return v >= 1 ? 1.0 : SpecialFunctions.regularizedBeta(v, a, b);
        });
    }

    /**
     * The {@code x} with {@code I_x(a, b) = p}: the root in {@code t = logit x} of
     * {@code I_x(a, b) - p} (or of {@code 1 - p - I_{1-x}(b, a)} for {@code p > 1/2}) by
     * {@link QuantileSearch}, from {@code t₀ = log(a/b)} (the logit of the mean). Where
     * {@code I_x} is accurate this gives about 1e-14 relative.
     */
    @Override
    public Tensor icdf(Tensor p) {
        return BroadcastMap.of(p, concentration1.value(), concentration0.value(), Beta::quantile);
    }

    static double quantile(double p, double a, double b) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        if (p == 0 || p == 1) {
            return p;
        }
        double logB = SpecialFunctions.logBeta(a, b);
        boolean lower = p <= 0.5;
        double q = 1.0 - p;
        double t = QuantileSearch.solve(
                s -> lower ? SpecialFunctions.regularizedBeta(LogSpace.sigmoid(s), a, b) - p
                           : q - SpecialFunctions.regularizedBeta(LogSpace.sigmoid(-s), b, a),
                s -> Math.exp(a * LogSpace.logSigmoid(s) + b * LogSpace.logSigmoid(-s) - logB),
                Math.log(a / b), 1e-14, 1.0);
        return LogSpace.sigmoid(t);
    }
}
