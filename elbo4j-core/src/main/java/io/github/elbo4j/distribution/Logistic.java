package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * The logistic distribution with location {@code μ} and scale {@code s},
 * {@code p(x) = e^{-z} / (s (1 + e^{-z})²)}, {@code z = (x - μ)/s} (Johnson, Kotz &amp;
 * Balakrishnan vol. 2, eq. 23.1'; {@code scipy.stats.logistic(loc=μ, scale=s)}).
 */
public final class Logistic implements Distribution {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("Logistic")
            .and("loc", ParameterRule.FINITE)
            .and("scale", ParameterRule.POSITIVE);

    private final Var loc;
    private final Var scale;
    private final int[] batchShape;

    private Logistic(Var loc, Var scale) {
        PARAMETERS.check("loc", loc.value());
        PARAMETERS.check("scale", scale.value());
        this.loc = loc;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(loc.shape(), scale.shape());
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

    /** The location (mean, median, mode) {@code μ}. */
    public Var loc() {
        return loc;
    }

    /** The scale {@code s}. */
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

    /**
     * {@code log p(x) = log σ(z) + log σ(-z) - log s}, with the stable {@code log σ}: the sum equals
     * {@code -z - 2 log(1 + e^{-z}) - log s} without overflow in either tail.
     */
    @Override
    public Var logProb(Var value) {
        Var z = value.sub(loc).div(scale);
        return SupportMask.apply(z.logSigmoid().add(z.neg().logSigmoid()).sub(scale.log()), support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ + s logit(u)} with {@code u ~ U(0, 1)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Tensor u = Uniform.openUnitDraws(rng, Broadcasting.concat(sampleShape, batchShape));
        return loc.add(scale.mul(u.map(LogSpace::logit)));
    }

    @Override
    public Logistic expand(int... shape) {
        return new Logistic(loc.broadcastTo(shape), scale.broadcastTo(shape));
    }

    /** {@code μ}. */
    @Override
    public Tensor mean() {
        return loc.value().broadcastTo(batchShape);
    }

    /** {@code s² π² / 3}. */
    @Override
    public Tensor variance() {
        return scale.value().square().mul(Math.PI * Math.PI / 3.0).broadcastTo(batchShape);
    }

    /** {@code H = log s + 2}. */
    @Override
    public Var entropy() {
        return scale.log().add(2.0).broadcastTo(batchShape);
    }

    /** {@code σ(z)}, the logistic sigmoid (stable in both tails). */
    @Override
    public Tensor cdf(Tensor x) {
        return x.sub(loc.value()).div(scale.value()).apply(ElementwiseFunction.SIGMOID);
    }

    /** {@code μ + s (log p - log1p(-p))}. */
    @Override
    public Tensor icdf(Tensor p) {
        return p.map(LogSpace::logit).mul(scale.value()).add(loc.value());
    }
}
