package io.github.elbo4j.distribution.continuous;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * A scale family on the half-line: {@code X = σ Z} with {@code Z ≥ 0} drawn from a fixed
 * {@link LocationScale.Standard} member, written once for HalfNormal and HalfCauchy ({@code |Y|}
 * for {@code Y} of the location-scale family at {@code μ = 0}; Johnson, Kotz &amp; Balakrishnan
 * vol. 1, sec. 1.B). With {@code z = x/σ}:
 * <pre>
 *   log p(x) = log f(z) - log σ  (x ≥ 0; -∞ below)     F(x) = F_Z(z) (0 below)     F⁻¹(p) = σ F_Z⁻¹(p)
 *   rsample  = σ ε, ε ~ Z          E X = σ E Z          Var X = σ² Var Z            H(X) = H(Z) + log σ
 * </pre>
 * Parameter: {@code scale} finite and {@code > 0}, checked through the family's declared table.
 */
abstract sealed class HalfLineScale implements Distribution permits HalfNormal, HalfCauchy {

    private final LocationScale.Standard standard;
    private final Var scale;
    private final int[] batchShape;

    HalfLineScale(ParameterTable parameters, LocationScale.Standard standard, Var scale) {
        parameters.check("scale", scale.value());
        this.standard = standard;
        this.scale = scale;
        this.batchShape = scale.shape();
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
        return new Constraint.NonNegative();
    }

    /** {@code log f(x/σ) - log σ} for {@code x ≥ 0}, {@code -∞} below. */
    @Override
    public Var logProb(Var value) {
        Tensor inside = support().check(value.value());
        Var x = SupportMask.interior(value, inside, 1.0);
        Var lp = standard.logKernel().apply(x.div(scale)).sub(scale.log()).sub(standard.logNormalizer());
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

    /** {@code x = σ ε} with {@code ε} the standard member's noise. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return scale.mul(standard.noise().apply(rng, Broadcasting.concat(sampleShape, batchShape)));
    }

    /** {@code σ E Z} (infinite where {@code E Z} is). */
    @Override
    public Tensor mean() {
        return scale.value().mul(standard.mean()).broadcastTo(batchShape);
    }

    /** {@code σ² Var Z}. */
    @Override
    public Tensor variance() {
        return scale.value().square().mul(standard.variance()).broadcastTo(batchShape);
    }

    /** {@code H(Z) + log σ}. */
    @Override
    public Var entropy() {
        return scale.log().add(standard.entropy());
    }

    /** {@code F_Z(x/σ)} for {@code x ≥ 0}, 0 below. */
    @Override
    public Tensor cdf(Tensor x) {
        Tensor f = standard.cdf().apply(x.div(scale.value()));
        return Tensor.where(x.lt(Tensor.scalar(0.0)), Tensor.scalar(0.0), f);
    }

    /** {@code σ F_Z⁻¹(p)}. */
    @Override
    public Tensor icdf(Tensor p) {
        return standard.quantile().apply(p).mul(scale.value());
    }
}
