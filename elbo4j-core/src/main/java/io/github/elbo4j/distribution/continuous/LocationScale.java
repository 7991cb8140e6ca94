package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A location-scale family on the real line: {@code X = μ + σ Z} with {@code Z} drawn from a fixed
 * {@link Standard} member, written once for Normal, Laplace, Logistic, Cauchy and Gumbel (TFP's
 * composition of a standard distribution with an affine bijector; Johnson, Kotz &amp; Balakrishnan
 * vol. 1, sec. 1.B). With {@code z = (x - μ)/σ}:
 * <pre>
 *   log p(x) = log f(z) - log σ        F(x) = F_Z(z)        F⁻¹(p) = μ + σ F_Z⁻¹(p)
 *   rsample  = μ + σ ε, ε ~ Z          E X = μ + σ E Z      Var X = σ² Var Z      H(X) = H(Z) + log σ
 * </pre>
 * Each family supplies its standard member and its factories; a family with a faster fused
 * density (Normal) overrides {@link #logProb}. Parameters: {@code loc} finite, {@code scale}
 * finite and {@code > 0}, checked through the family's declared table.
 */
abstract sealed class LocationScale implements Distribution permits Normal, Laplace, Logistic, Cauchy, Gumbel {

    private final Standard standard;
    private final Var loc;
    private final Var scale;
    private final int[] batchShape;

    LocationScale(ParameterTable parameters, Standard standard, Var loc, Var scale) {
        parameters.check("loc", loc.value());
        parameters.check("scale", scale.value());
        this.standard = standard;
        this.loc = loc;
        this.scale = scale;
        this.batchShape = Broadcasting.shape(loc.shape(), scale.shape());
    }

    /**
     * The standard member {@code Z} ({@code μ = 0}, {@code σ = 1}):
     * {@code log f(z) = logKernel(z) - logNormalizer}, its cdf and quantile on tensors, its noise
     * (by default the quantile of open-interval uniforms, {@link Uniform#openUnitDraws}), and its
     * mean, variance and entropy (NaN where they do not exist).
     */
    record Standard(UnaryOperator<Var> logKernel, double logNormalizer, UnaryOperator<Tensor> cdf,
            UnaryOperator<Tensor> quantile, BiFunction<RandomStream, int[], Tensor> noise,
            double mean, double variance, double entropy) {

        /** A standard member drawn by inversion of its quantile. */
        static Standard byInversion(UnaryOperator<Var> logKernel, double logNormalizer, UnaryOperator<Tensor> cdf,
                UnaryOperator<Tensor> quantile, double mean, double variance, double entropy) {
            return new Standard(logKernel, logNormalizer, cdf, quantile,
                    (rng, shape) -> quantile.apply(Uniform.openUnitDraws(rng, shape)), mean, variance, entropy);
        }
    }

    /** The location {@code μ}. */
    public Var loc() {
        return loc;
    }

    /** The scale {@code σ > 0}. */
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

    /** {@code log f(z) - log σ} with {@code z = (x - μ)/σ}; NaN values get {@code -∞}. */
    @Override
    public Var logProb(Var value) {
        Var z = value.sub(loc).div(scale);
        Var lp = standard.logKernel().apply(z).sub(scale.log());
        if (standard.logNormalizer() != 0) {
            lp = lp.sub(standard.logNormalizer());
        }
        return SupportMask.apply(lp, support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ + σ ε} with {@code ε} the standard member's noise. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        Tensor eps = standard.noise().apply(rng, Broadcasting.concat(sampleShape, batchShape));
        return loc.add(scale.mul(eps));
    }

    /** {@code μ + σ E Z}. */
    @Override
    public Tensor mean() {
        double m = standard.mean();
        if (Double.isNaN(m)) {
            return Tensor.full(Double.NaN, batchShape);
        }
        if (m == 0) {
            return loc.value().broadcastTo(batchShape);
        }
        return scale.value().mul(m).add(loc.value()).broadcastTo(batchShape);
    }

    /** {@code σ² Var Z}. */
    @Override
    public Tensor variance() {
        double v = standard.variance();
        if (Double.isNaN(v)) {
            return Tensor.full(Double.NaN, batchShape);
        }
        Tensor s2 = scale.value().square();
        return (v == 1 ? s2 : s2.mul(v)).broadcastTo(batchShape);
    }

    /** {@code H(Z) + log σ}. */
    @Override
    public Var entropy() {
        return scale.log().add(standard.entropy()).broadcastTo(batchShape);
    }

    /** {@code F_Z((x - μ)/σ)}. */
    @Override
    public Tensor cdf(Tensor x) {
        return standard.cdf().apply(x.sub(loc.value()).div(scale.value()));
    }

    /** {@code μ + σ F_Z⁻¹(p)}. */
    @Override
    public Tensor icdf(Tensor p) {
        return standard.quantile().apply(p).mul(scale.value()).add(loc.value());
    }
}
