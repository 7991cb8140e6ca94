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
import io.github.elbo4j.math.IncompleteGammaDerivative;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The gamma distribution with shape (concentration) {@code α} and rate {@code β},
 * {@code p(x) = β^α x^{α-1} e^{-βx} / Γ(α)} on {@code x >= 0} (Bishop, PRML, eq. 2.146;
 * {@code scipy.stats.gamma(a=α, scale=1/β)}).
 *
 * <p>{@link #rsample} is implicitly reparameterized (Figurnov, Mohamed &amp; Mnih, NeurIPS 2018):
 * {@code z = g / β} with {@code g ~ Gamma(α, 1)}, {@code dg/dα = -(∂P(α, g)/∂α) / p(g; α)} by
 * {@link IncompleteGammaDerivative} and the ordinary pathwise {@code dz/dβ = -z/β}.
 */
public final class Gamma implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Gamma")
            .and("concentration", ParameterRule.POSITIVE)
            .and("rate", ParameterRule.POSITIVE);

    private final Var concentration;
    private final Var rate;
    private final int[] batchShape;

    private Gamma(Var concentration, Var rate) {
        PARAMETERS.check("concentration", concentration.value());
        PARAMETERS.check("rate", rate.value());
        this.concentration = concentration;
        this.rate = rate;
        this.batchShape = Broadcasting.shape(concentration.shape(), rate.shape());
    }

    /** {@code Gamma(concentration, rate)} with differentiable parameters. */
    public static Gamma of(Var concentration, Var rate) {
        return new Gamma(concentration, rate);
    }

    /** {@code Gamma(concentration, rate)} with a differentiable concentration and a data rate. */
    public static Gamma of(Var concentration, double rate) {
        return of(concentration, Var.constant(rate));
    }

    /** {@code Gamma(concentration, rate)} with a data concentration and a differentiable rate. */
    public static Gamma of(double concentration, Var rate) {
        return of(Var.constant(concentration), rate);
    }

    /** {@code Gamma(concentration, rate)} with data parameters (broadcast against each other). */
    public static Gamma of(Tensor concentration, Tensor rate) {
        return new Gamma(Var.constant(concentration), Var.constant(rate));
    }

    /** A scalar {@code Gamma(concentration, rate)}. */
    public static Gamma of(double concentration, double rate) {
        return of(Tensor.scalar(concentration), Tensor.scalar(rate));
    }

    /** The shape {@code α}. */
    public Var concentration() {
        return concentration;
    }

    /** The rate {@code β} (the inverse scale). */
    public Var rate() {
        return rate;
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
        return new Constraint.NonNegative();
    }

    /**
     * {@code log p(x) = (α - 1) log x - βx + α log β - log Γ(α)}, with {@code 0 · log 0 = 0} so that
     * {@code x = 0} gives {@code +∞}, {@code log β} or {@code -∞} for {@code α <, =, > 1}.
     */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 1.0);
        Var lp = DifferentiableSpecialFunctions.xlogy(concentration.sub(1.0), x)
                .sub(rate.mul(x))
                .add(concentration.mul(rate.log()))
                .sub(concentration.lgamma());
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

    /** {@code z = exp(log g) / β}, {@code g ~ Gamma(α, 1)} with implicit gradients in {@code α}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return StandardGammaDraws.logDraws(concentration, batchShape, rng, sampleShape).exp().div(rate);
    }

    @Override
    public Gamma expand(int... shape) {
        return new Gamma(concentration.broadcastTo(shape), rate.broadcastTo(shape));
    }

    /** {@code α / β}. */
    @Override
    public Tensor mean() {
        return concentration.value().div(rate.value()).broadcastTo(batchShape);
    }

    /** {@code α / β²}. */
    @Override
    public Tensor variance() {
        return concentration.value().div(rate.value().square()).broadcastTo(batchShape);
    }

    /** {@code H = α - log β + log Γ(α) + (1 - α) ψ(α)} (Lazo &amp; Rathie, IEEE Trans. Inf. Theory 24(1), 1978). */
    @Override
    public Var entropy() {
        Var a = concentration;
        return a.sub(rate.log()).add(a.lgamma()).add(a.rsub(1.0).mul(a.apply(ElementwiseFunction.DIGAMMA)))
                .broadcastTo(batchShape);
    }

    /** {@code P(α, βx)}, the regularized lower incomplete gamma function (0 for {@code x <= 0}). */
    @Override
    public Tensor cdf(Tensor x) {
        return BroadcastMap.of(x.mul(rate.value()), concentration.value(),
                (y, a) -> y > 0 ? SpecialFunctions.regularizedGammaP(a, y) : Double.isNaN(y) ? Double.NaN : 0.0);
    }

    /** The {@code x} with {@code P(α, βx) = p}, by {@link #standardQuantile}. */
    @Override
    public Tensor icdf(Tensor p) {
        return BroadcastMap.of(p, concentration.value(), Gamma::standardQuantile).div(rate.value());
    }

    /**
     * The quantile of {@code Gamma(α, 1)}: the root of {@code P(α, y) = p} (or of
     * {@code Q(α, y) = 1 - p} for {@code p > 1/2}, where {@code 1 - p} is exact) in {@code t = log y}
     * by {@link QuantileSearch}, from the Wilson–Hilferty start
     * {@code y₀ = α (1 - 1/(9α) + z_p / (3√α))³} (Johnson, Kotz &amp; Balakrishnan vol. 1, eq. 17.28)
     * or, for small {@code α} or {@code p}, {@code y₀ = (p Γ(α + 1))^{1/α}} (the leading term of the
     * series). Relative accuracy about 1e-14 where {@code P} is accurate.
     */
    static double standardQuantile(double p, double a) {
        return quantile(p, 1.0 - p, a);
    }

    /** The {@code y} with {@code Q(α, y) = q}: the upper quantile, accurate for small {@code q}. */
    static double standardUpperQuantile(double q, double a) {
        return quantile(1.0 - q, q, a);
    }

    /** The root of {@code P(α, y) = p}, equivalently {@code Q(α, y) = q}, from the smaller of the two. */
    private static double quantile(double p, double q, double a) {
        if (!(p >= 0 && p <= 1 && q >= 0 && q <= 1)) {
            return Double.NaN;
        }
        if (p == 0) {
            return 0.0;
        }
        if (q == 0) {
            return Double.POSITIVE_INFINITY;
        }
        boolean lower = p <= 0.5;
        // the standard normal quantile z_p, from whichever tail is exact
        double z = lower ? -Math.sqrt(2.0) * SpecialFunctions.erfcinv(2.0 * p)
                         : Math.sqrt(2.0) * SpecialFunctions.erfcinv(2.0 * q);
        double c = 1.0 - 1.0 / (9.0 * a) + z / (3.0 * Math.sqrt(a));
        double t0 = c > 0 && a >= 1 ? Math.log(a) + 3.0 * Math.log(c) : (Math.log(p) + SpecialFunctions.lgamma(a + 1)) / a;
        double lgammaA = SpecialFunctions.lgamma(a);
        double t = QuantileSearch.solve(
                s -> lower ? SpecialFunctions.regularizedGammaP(a, Math.exp(s)) - p
                           : q - SpecialFunctions.regularizedGammaQ(a, Math.exp(s)),
                s -> Math.exp(a * s - Math.exp(s) - lgammaA),
                t0, 1e-14, 1.0);
        return Math.exp(t);
    }
}
