package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The Laplace (double exponential) distribution with location {@code μ} and scale {@code b},
 * {@code p(x) = exp(-|x - μ|/b) / 2b} (Johnson, Kotz &amp; Balakrishnan vol. 2, eq. 24.1;
 * {@code scipy.stats.laplace(loc=μ, scale=b)}).
 */
public final class Laplace implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Laplace")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    private static final double LOG_TWO = 0.6931471805599453;

    private final Var loc;
    private final Var scale;
    private final int[] batchShape;

    private Laplace(Var loc, Var scale) {
        PARAMETERS.check("loc", loc.value());
        PARAMETERS.check("scale", scale.value());
        this.loc = loc;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(loc.shape(), scale.shape());
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

    /** The location (mean and median) {@code μ}. */
    public Var loc() {
        return loc;
    }

    /** The scale {@code b}. */
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

    /** {@code log p(x) = -|x - μ|/b - log 2b}; the derivative at {@code x = μ} is taken as 0. */
    @Override
    public Var logProb(Var value) {
        return SupportMask.apply(value.sub(loc).apply(ElementwiseFunction.ABS).div(scale).neg().sub(scale.log()).sub(LOG_TWO), support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ + b F⁻¹(u)} with {@code u ~ U(0, 1)} and {@link #standardQuantile}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Tensor u = Uniform.openUnitDraws(rng, Broadcasting.concat(sampleShape, batchShape));
        return loc.add(scale.mul(u.map(Laplace::standardQuantile)));
    }

    @Override
    public Laplace expand(int... shape) {
        return new Laplace(loc.broadcastTo(shape), scale.broadcastTo(shape));
    }

    /** {@code μ}. */
    @Override
    public Tensor mean() {
        return loc.value().broadcastTo(batchShape);
    }

    /** {@code 2b²}. */
    @Override
    public Tensor variance() {
        return scale.value().square().mul(2.0).broadcastTo(batchShape);
    }

    /** {@code H = 1 + log 2b}. */
    @Override
    public Var entropy() {
        return scale.log().add(1.0 + LOG_TWO).broadcastTo(batchShape);
    }

    /** {@code e^z / 2} for {@code z = (x - μ)/b < 0}, else {@code 1 - e^{-z}/2}. */
    @Override
    public Tensor cdf(Tensor x) {
        return x.sub(loc.value()).div(scale.value()).map(z -> z < 0 ? 0.5 * Math.exp(z) : 1.0 - 0.5 * Math.exp(-z));
    }

    /** {@code μ + b log 2p} for {@code p < 1/2}, else {@code μ - b log 2(1 - p)}. */
    @Override
    public Tensor icdf(Tensor p) {
        return p.map(Laplace::standardQuantile).mul(scale.value()).add(loc.value());
    }

    static double standardQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return p < 0.5 ? Math.log(2.0 * p) : -Math.log(2.0 * (1.0 - p));
    }
}
