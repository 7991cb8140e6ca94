package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The Cauchy distribution with location {@code x₀} and scale {@code γ},
 * {@code p(x) = 1 / (πγ (1 + ((x - x₀)/γ)²))} (Johnson, Kotz &amp; Balakrishnan vol. 1, eq. 16.1;
 * {@code scipy.stats.cauchy(loc=x₀, scale=γ)}). Its mean and variance do not exist (NaN, as scipy).
 */
public final class Cauchy implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Cauchy")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    static final double LOG_PI = 1.1447298858494002;

    private final Var loc;
    private final Var scale;
    private final int[] batchShape;

    private Cauchy(Var loc, Var scale) {
        PARAMETERS.check("loc", loc.value());
        PARAMETERS.check("scale", scale.value());
        this.loc = loc;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(loc.shape(), scale.shape());
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

    /** The location (median) {@code x₀}. */
    public Var loc() {
        return loc;
    }

    /** The scale (half width at half maximum) {@code γ}. */
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
        return new Constraint.Real();
    }

    /** {@code log p(x) = -log π - log γ - log1p(z²)}, {@code z = (x - x₀)/γ}. */
    @Override
    public Var logProb(Var value) {
        Var z = value.sub(loc).div(scale);
        return SupportMask.apply(z.square().log1p().neg().sub(scale.log()).sub(LOG_PI), support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = x₀ + γ F⁻¹(u)} with {@code u ~ U(0, 1)} and the standard quantile {@link #standardQuantile}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Tensor u = Uniform.openUnitDraws(rng, Broadcasting.concat(sampleShape, batchShape));
        return loc.add(scale.mul(u.map(Cauchy::standardQuantile)));
    }

    @Override
    public Cauchy expand(int... shape) {
        return new Cauchy(loc.broadcastTo(shape), scale.broadcastTo(shape));
    }

    /** Undefined: NaN. */
    @Override
    public Tensor mean() {
        return Tensor.full(Double.NaN, batchShape);
    }

    /** Undefined: NaN. */
    @Override
    public Tensor variance() {
        return Tensor.full(Double.NaN, batchShape);
    }

    /** {@code H = log(4πγ)}. */
    @Override
    public Var entropy() {
        return scale.log().add(Math.log(4.0 * Math.PI)).broadcastTo(batchShape);
    }

    /** {@code 1/2 + atan(z)/π}, as {@code atan(-1/z)/π} for {@code z < 0} (no cancellation in the lower tail). */
    @Override
    public Tensor cdf(Tensor x) {
        return x.sub(loc.value()).div(scale.value()).map(Cauchy::standardCdf);
    }

    /** {@code x₀ + γ tan(π(p - 1/2))}, by {@link #standardQuantile}. */
    @Override
    public Tensor icdf(Tensor p) {
        return p.map(Cauchy::standardQuantile).mul(scale.value()).add(loc.value());
    }

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
