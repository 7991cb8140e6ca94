package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.ParameterizedSupport;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;

/**
 * The continuous uniform distribution on {@code [low, high]}, {@code p(x) = 1 / (high - low)}
 * (Johnson, Kotz &amp; Balakrishnan, Continuous Univariate Distributions vol. 2, 2nd ed., ch. 26).
 * Bounds given as data, equal across the batch, make the support a plain
 * {@link Constraint.Interval}; bounds given as {@link Var}s (parameters, possibly functions of
 * other latents: {@code Uniform.of(0, oneMinusZ1)}) or differing across the batch make it a
 * {@link Constraint.VarInterval} holding the bounds themselves, so that {@code bijectTo} maps
 * onto each element's interval of the current run.
 */
public final class Uniform implements Distribution, ParameterizedSupport {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Uniform")
            .and("low", ParameterRule.FINITE)
            .and("high", ParameterRule.FINITE);

    private final Var low;
    private final Var high;
    private final int[] batchShape;
    private final boolean varBounds;

    private Uniform(Var low, Var high, boolean varBounds) {
        PARAMETERS.check("low", low.value());
        PARAMETERS.check("high", high.value());
        this.batchShape = Broadcasting.shape(low.shape(), high.shape());
        double[] lo = low.value().broadcastTo(batchShape).toArray();
        double[] hi = high.value().broadcastTo(batchShape).toArray();
        for (int i = 0; i < lo.length; i++) {
            if (!(lo[i] < hi[i])) {
                throw new IllegalArgumentException("Uniform low must be < high, got low = " + lo[i] + ", high = " + hi[i]);
            }
        }
        this.low = low;
        this.high = high;
        this.varBounds = varBounds;
    }

    /** {@code U(low, high)} with differentiable bounds (the support is a {@link Constraint.VarInterval}). */
    public static Uniform of(Var low, Var high) {
        return new Uniform(low, high, true);
    }

    /** {@code U(low, high)} with a data lower bound and a differentiable upper bound. */
    public static Uniform of(double low, Var high) {
        return of(Var.constant(low), high);
    }

    /** {@code U(low, high)} with a differentiable lower bound and a data upper bound. */
    public static Uniform of(Var low, double high) {
        return of(low, Var.constant(high));
    }

    /** {@code U(low, high)} with data bounds (broadcast against each other). */
    public static Uniform of(Tensor low, Tensor high) {
        return new Uniform(Var.constant(low), Var.constant(high), false);
    }

    /** A scalar {@code U(low, high)}. */
    public static Uniform of(double low, double high) {
        return of(Tensor.scalar(low), Tensor.scalar(high));
    }

    /** The lower bound. */
    public Var low() {
        return low;
    }

    /** The upper bound. */
    public Var high() {
        return high;
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
     * {@code [low, high]}: a {@link Constraint.Interval} when the bounds are data and the same for
     * the whole batch, else a {@link Constraint.VarInterval} of the bounds themselves.
     */
    @Override
    public Constraint support() {
        double lo = low.value().min().item();
        double hi = high.value().max().item();
        if (!varBounds && lo == low.value().max().item() && hi == high.value().min().item()) {
            return new Constraint.Interval(lo, hi);
        }
        return new Constraint.VarInterval(low, high);
    }

    @Override
    public Tensor contains(Tensor value) {
        return value.ge(low.value()).mul(value.le(high.value()));
    }

    /** {@code log p(x) = -log(high - low)} on {@code [low, high]}, {@code -∞} elsewhere. */
    @Override
    public Var logProb(Var value) {
        int[] shape = Broadcasting.shape(value.shape(), batchShape);
        Var lp = high.sub(low).log().neg().broadcastTo(shape);
        return SupportMask.apply(lp, contains(value.value()).broadcastTo(shape));
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = low + (high - low) u} with {@code u ~ U(0, 1)} (open). */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Tensor u = openUnitDraws(rng, Broadcasting.concat(sampleShape, batchShape));
        return low.add(high.sub(low).mul(u));
    }

    /**
     * Standard uniform draws in the open interval {@code (0, 1)} (Commons RNG's
     * {@link ContinuousUniformSampler} with excluded bounds), the noise of every inverse-cdf sampler
     * in this package, so that {@code icdf(u)} is finite.
     */
    static Tensor openUnitDraws(RandomStream rng, int[] shape) {
        ContinuousSampler sampler = ContinuousUniformSampler.of(rng.provider(), 0.0, 1.0, true);
        double[] u = new double[Broadcasting.size(shape)];
        for (int i = 0; i < u.length; i++) {
            u[i] = sampler.sample();
        }
        return Tensor.of(u, shape);
    }

    @Override
    public Uniform expand(int... shape) {
        return new Uniform(low.broadcastTo(shape), high.broadcastTo(shape), varBounds);
    }

    /** {@code (low + high) / 2}. */
    @Override
    public Tensor mean() {
        return low.value().add(high.value()).mul(0.5).broadcastTo(batchShape);
    }

    /** {@code (high - low)² / 12}. */
    @Override
    public Tensor variance() {
        return high.value().sub(low.value()).square().div(12.0).broadcastTo(batchShape);
    }

    /** {@code H = log(high - low)}. */
    @Override
    public Var entropy() {
        return high.sub(low).log().broadcastTo(batchShape);
    }

    /** {@code min(max((x - low) / (high - low), 0), 1)}. */
    @Override
    public Tensor cdf(Tensor x) {
        return x.sub(low.value()).div(high.value().sub(low.value()))
                .maximum(Tensor.scalar(0.0)).minimum(Tensor.scalar(1.0));
    }

    /** {@code low + p (high - low)} for {@code p ∈ [0, 1]}, NaN otherwise. */
    @Override
    public Tensor icdf(Tensor p) {
        Tensor valid = p.ge(Tensor.scalar(0.0)).mul(p.le(Tensor.scalar(1.0)));
        Tensor x = p.mul(high.value().sub(low.value())).add(low.value());
        return Tensor.where(valid, x, Tensor.scalar(Double.NaN));
    }
}
