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
 * The Gumbel (type I extreme value, maximum) distribution with location {@code μ} and scale
 * {@code β}, {@code p(x) = exp(-(z + e^{-z})) / β}, {@code z = (x - μ)/β} (Johnson, Kotz &amp;
 * Balakrishnan vol. 2, eq. 22.1'; {@code scipy.stats.gumbel_r(loc=μ, scale=β)}).
 */
public final class Gumbel implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Gumbel")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    /** The Euler–Mascheroni constant. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private final Var loc;
    private final Var scale;
    private final int[] batchShape;

    private Gumbel(Var loc, Var scale) {
        PARAMETERS.check("loc", loc.value());
        PARAMETERS.check("scale", scale.value());
        this.loc = loc;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(loc.shape(), scale.shape());
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

    /** The location (mode) {@code μ}. */
    public Var loc() {
        return loc;
    }

    /** The scale {@code β}. */
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

    /** {@code log p(x) = -z - e^{-z} - log β}. */
    @Override
    public Var logProb(Var value) {
        Var z = value.sub(loc).div(scale);
        return SupportMask.apply(z.add(z.neg().exp()).neg().sub(scale.log()), support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ - β log(-log u)} with {@code u ~ U(0, 1)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Tensor u = Uniform.openUnitDraws(rng, Broadcasting.concat(sampleShape, batchShape));
        return loc.add(scale.mul(u.map(Gumbel::standardQuantile)));
    }

    @Override
    public Gumbel expand(int... shape) {
        return new Gumbel(loc.broadcastTo(shape), scale.broadcastTo(shape));
    }

    /** {@code μ + γβ}, {@code γ} the Euler–Mascheroni constant. */
    @Override
    public Tensor mean() {
        return scale.value().mul(EULER_GAMMA).add(loc.value()).broadcastTo(batchShape);
    }

    /** {@code π² β² / 6}. */
    @Override
    public Tensor variance() {
        return scale.value().square().mul(Math.PI * Math.PI / 6.0).broadcastTo(batchShape);
    }

    /** {@code H = log β + γ + 1}. */
    @Override
    public Var entropy() {
        return scale.log().add(EULER_GAMMA + 1.0).broadcastTo(batchShape);
    }

    /** {@code exp(-e^{-z})}. */
    @Override
    public Tensor cdf(Tensor x) {
        return x.sub(loc.value()).div(scale.value()).map(z -> Math.exp(-Math.exp(-z)));
    }

    /** {@code μ - β log(-log p)}. */
    @Override
    public Tensor icdf(Tensor p) {
        return p.map(Gumbel::standardQuantile).mul(scale.value()).add(loc.value());
    }

    static double standardQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return -Math.log(-Math.log(p));
    }
}
