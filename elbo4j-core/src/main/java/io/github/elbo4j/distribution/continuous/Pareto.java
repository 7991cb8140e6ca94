package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.ParameterizedSupport;
import io.github.elbo4j.distribution.kernel.BroadcastMap;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The Pareto (type I) distribution with scale (minimum) {@code x_m} and shape (tail index)
 * {@code α}, {@code p(x) = α x_m^α / x^{α+1}} on {@code x >= x_m} (Johnson, Kotz &amp;
 * Balakrishnan vol. 1, eq. 20.3; {@code scipy.stats.pareto(b=α, scale=x_m)}).
 *
 * <p>The support starts at a parameter: {@link #support()} is a {@link Constraint.GreaterThan}
 * when {@code x_m} is data and the same across the batch, else a {@link Constraint.VarGreaterThan}
 * holding {@code x_m} itself (a parameter that may be a function of other latents), so that
 * {@code bijectTo} maps onto each element's own {@code x > x_m} of the current run.
 */
public final class Pareto implements Distribution, ParameterizedSupport {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Pareto")
            .and("scale", ParameterRule.POSITIVE)
            .and("alpha", ParameterRule.POSITIVE);

    private final Var scale;
    private final Var alpha;
    private final int[] batchShape;
    private final boolean varScale;

    private Pareto(Var scale, Var alpha, boolean varScale) {
        PARAMETERS.check("scale", scale.value());
        PARAMETERS.check("alpha", alpha.value());
        this.scale = scale;
        this.alpha = alpha;
        this.batchShape = Broadcasting.shape(scale.shape(), alpha.shape());
        this.varScale = varScale;
    }

    /** {@code Pareto(scale, alpha)} with differentiable parameters (the support is a {@link Constraint.VarGreaterThan}). */
    public static Pareto of(Var scale, Var alpha) {
        return new Pareto(scale, alpha, true);
    }

    /** {@code Pareto(scale, alpha)} with a data scale and a differentiable shape. */
    public static Pareto of(double scale, Var alpha) {
        return new Pareto(Var.constant(scale), alpha, false);
    }

    /** {@code Pareto(scale, alpha)} with a differentiable scale and a data shape. */
    public static Pareto of(Var scale, double alpha) {
        return of(scale, Var.constant(alpha));
    }

    /** {@code Pareto(scale, alpha)} with data parameters (broadcast against each other). */
    public static Pareto of(Tensor scale, Tensor alpha) {
        return new Pareto(Var.constant(scale), Var.constant(alpha), false);
    }

    /** A scalar {@code Pareto(scale, alpha)}. */
    public static Pareto of(double scale, double alpha) {
        return of(Tensor.scalar(scale), Tensor.scalar(alpha));
    }

    /** The scale {@code x_m}, the smallest possible value. */
    public Var scale() {
        return scale;
    }

    /** The shape (tail index) {@code α}. */
    public Var alpha() {
        return alpha;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[0];
    }

    /**
     * {@code x > x_m} (the point {@code x = x_m} itself has density {@code α/x_m}): a
     * {@link Constraint.GreaterThan} for a data scale equal across the batch, else a
     * {@link Constraint.VarGreaterThan} of the scale itself.
     */
    @Override
    public Constraint support() {
        double lo = scale.value().min().item();
        if (!varScale && lo == scale.value().max().item()) {
            return new Constraint.GreaterThan(lo);
        }
        return new Constraint.VarGreaterThan(scale);
    }

    @Override
    public Tensor contains(Tensor value) {
        return value.ge(scale.value()).broadcastTo(Broadcasting.shape(value.shape(), batchShape));
    }

    /** {@code log p(x) = log α + α log x_m - (α + 1) log x} for {@code x >= x_m}. */
    @Override
    public Var logProb(Var value) {
        Tensor inside = contains(value.value());
        Var x = SupportMask.interior(value, inside, scale.value());
        Var lp = alpha.log().add(alpha.mul(scale.log())).sub(alpha.add(1.0).mul(x.log()));
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

    /**
     * {@code x = x_m e^{E/α}} with {@code E ~ Exponential(1)} (Commons RNG ziggurat): the inverse
     * cdf {@code x_m (1 - u)^{-1/α}}, differentiable in both parameters.
     */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        ZigguratSampler.Exponential sampler = ZigguratSampler.Exponential.of(rng.provider());
        double[] e = new double[Broadcasting.size(shape)];
        for (int i = 0; i < e.length; i++) {
            e[i] = sampler.sample();
        }
        return scale.mul(Var.constant(Tensor.of(e, shape)).div(alpha).exp());
    }

    @Override
    public Pareto expand(int... shape) {
        return new Pareto(scale.broadcastTo(shape), alpha.broadcastTo(shape), varScale);
    }

    /** {@code α x_m / (α - 1)} for {@code α > 1}, {@code +∞} otherwise. */
    @Override
    public Tensor mean() {
        return BroadcastMap.of(scale.value(), alpha.value(), (m, a) -> a > 1 ? a * m / (a - 1) : Double.POSITIVE_INFINITY)
                .broadcastTo(batchShape);
    }

    /** {@code x_m² α / ((α - 1)² (α - 2))} for {@code α > 2}, {@code +∞} otherwise. */
    @Override
    public Tensor variance() {
        return BroadcastMap.of(scale.value(), alpha.value(),
                (m, a) -> a > 2 ? m * m * a / ((a - 1) * (a - 1) * (a - 2)) : Double.POSITIVE_INFINITY).broadcastTo(batchShape);
    }

    /** {@code H = log(x_m / α) + 1 + 1/α}. */
    @Override
    public Var entropy() {
        return scale.log().sub(alpha.log()).add(alpha.rdiv(1.0)).add(1.0).broadcastTo(batchShape);
    }

    /** {@code 1 - (x_m/x)^α = -expm1(α log(x_m/x))} for {@code x >= x_m}, 0 below. */
    @Override
    public Tensor cdf(Tensor x) {
        Tensor ratio = scale.value().div(x);
        Tensor f = BroadcastMap.of(ratio, alpha.value(), (r, a) -> r >= 1 || r < 0 ? 0.0 : -Math.expm1(a * Math.log(r)));
        return Tensor.where(x.eq(x), f, x);
    }

    /** {@code x_m (1 - p)^{-1/α} = x_m exp(-log1p(-p)/α)}. */
    @Override
    public Tensor icdf(Tensor p) {
        return p.neg().apply(ElementwiseFunction.LOG1P).neg().div(alpha.value()).exp().mul(scale.value());
    }
}
