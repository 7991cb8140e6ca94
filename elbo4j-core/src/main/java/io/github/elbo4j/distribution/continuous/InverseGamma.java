package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.BroadcastMap;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.StandardGammaDraws;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The inverse-gamma distribution: {@code 1/X ~ Gamma(α, rate β)}, with density
 * {@code p(x) = β^α x^{-α-1} e^{-β/x} / Γ(α)} on {@code x > 0} (Gelman et al., Bayesian Data
 * Analysis, 3rd ed., appendix A).
 *
 * <p><b>Parameterization:</b> {@code β} is the <em>scale</em> of {@code X} (and the rate of
 * {@code 1/X}): {@code scipy.stats.invgamma(a=α, scale=β)}. NumPyro and PyTorch call the same
 * {@code β} "rate" (the rate of the underlying gamma); the numbers agree, only the name differs.
 *
 * <p>{@link #rsample} is {@code x = β / g} with {@code g ~ Gamma(α, 1)} implicitly
 * reparameterized ({@link StandardGammaDraws}).
 */
public final class InverseGamma implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("InverseGamma")
            .and("concentration", ParameterRule.POSITIVE)
            .and("scale", ParameterRule.POSITIVE);

    private final Var concentration;
    private final Var scale;
    private final int[] batchShape;

    private InverseGamma(Var concentration, Var scale) {
        PARAMETERS.check("concentration", concentration.value());
        PARAMETERS.check("scale", scale.value());
        this.concentration = concentration;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(concentration.shape(), scale.shape());
    }

    /** {@code InverseGamma(concentration, scale)} with differentiable parameters. */
    public static InverseGamma of(Var concentration, Var scale) {
        return new InverseGamma(concentration, scale);
    }

    /** {@code InverseGamma(concentration, scale)} with a differentiable concentration and a data scale. */
    public static InverseGamma of(Var concentration, double scale) {
        return of(concentration, Var.constant(scale));
    }

    /** {@code InverseGamma(concentration, scale)} with a data concentration and a differentiable scale. */
    public static InverseGamma of(double concentration, Var scale) {
        return of(Var.constant(concentration), scale);
    }

    /** {@code InverseGamma(concentration, scale)} with data parameters (broadcast against each other). */
    public static InverseGamma of(Tensor concentration, Tensor scale) {
        return new InverseGamma(Var.constant(concentration), Var.constant(scale));
    }

    /** A scalar {@code InverseGamma(concentration, scale)}. */
    public static InverseGamma of(double concentration, double scale) {
        return of(Tensor.scalar(concentration), Tensor.scalar(scale));
    }

    /** The shape {@code α}. */
    public Var concentration() {
        return concentration;
    }

    /** The scale {@code β} of {@code X} (the rate of {@code 1/X}). */
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
        return new Constraint.Positive();
    }

    /** {@code log p(x) = α log β - log Γ(α) - (α + 1) log x - β/x} for {@code x > 0}. */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 1.0);
        Var a = concentration;
        Var lp = a.mul(scale.log()).sub(a.lgamma()).sub(a.add(1.0).mul(x.log())).sub(scale.div(x));
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

    /** {@code x = β e^{-log g}}, {@code g ~ Gamma(α, 1)} with implicit gradients in {@code α}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return scale.mul(StandardGammaDraws.logDraws(concentration, batchShape, rng, sampleShape).neg().exp());
    }

    @Override
    public InverseGamma expand(int... shape) {
        return new InverseGamma(concentration.broadcastTo(shape), scale.broadcastTo(shape));
    }

    /** {@code β / (α - 1)} for {@code α > 1}, {@code +∞} otherwise. */
    @Override
    public Tensor mean() {
        return BroadcastMap.of(concentration.value(), scale.value(), (a, b) -> a > 1 ? b / (a - 1) : Double.POSITIVE_INFINITY)
                .broadcastTo(batchShape);
    }

    /** {@code β² / ((α - 1)² (α - 2))} for {@code α > 2}, {@code +∞} otherwise. */
    @Override
    public Tensor variance() {
        return BroadcastMap.of(concentration.value(), scale.value(),
                (a, b) -> a > 2 ? b * b / ((a - 1) * (a - 1) * (a - 2)) : Double.POSITIVE_INFINITY).broadcastTo(batchShape);
    }

    /** {@code H = α + log β + log Γ(α) - (1 + α) ψ(α)}. */
    @Override
    public Var entropy() {
        Var a = concentration;
        return a.add(scale.log()).add(a.lgamma()).sub(a.add(1.0).mul(a.apply(ElementwiseFunction.DIGAMMA)))
                .broadcastTo(batchShape);
    }

    /** {@code Q(α, β/x)}, the regularized upper incomplete gamma function, for {@code x > 0}; 0 below. */
    @Override
    public Tensor cdf(Tensor x) {
        return BroadcastMap.of(x, concentration.value(), scale.value(), (v, a, b) -> {
            if (v <= 0) {
                return Double.isNaN(v) ? Double.NaN : 0.0;
            }
            return SpecialFunctions.regularizedGammaQ(a, b / v);
        });
    }

    /** {@code β / y} with {@code Q(α, y) = p} (the upper gamma quantile, {@link Gamma}). */
    @Override
    public Tensor icdf(Tensor p) {
        return BroadcastMap.of(p, concentration.value(), scale.value(), (q, a, b) -> b / Gamma.standardUpperQuantile(q, a));
    }
}
