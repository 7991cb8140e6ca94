package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.MatrixParameterChecks;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.SupportMask;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * What the two multivariate normals share: a mean {@code μ} {@code [..., d]} and a covariance
 * model ({@link GaussianCovariance}: Cholesky, precision or low-rank) that does the algebra. The
 * density is {@code p(x) = (2π)^{-d/2} det(Σ)^{-1/2} exp(-½ (x - μ)ᵀ Σ⁻¹ (x - μ))} (Bishop, PRML,
 * eq. 2.43) on {@code ℝ^d}; the batch shape is the broadcast of {@code μ}'s leading axes and the
 * covariance's batch axes.
 *
 * @param <C> the covariance model
 */
abstract sealed class GaussianVector<C extends GaussianCovariance> implements Distribution
        permits MultivariateNormal, LowRankMultivariateNormal {

    private final String name;
    private final Var loc;
    final C covariance;
    private final int[] batchShape;
    /**
     * The last draw of {@link #rsample} and its noise norms: the density of this distribution's own
     * draw is scored from its noise ({@code (x - μ)ᵀ Σ⁻¹ (x - μ) = ‖ε‖²}) instead of by a solve, which
     * an ill-conditioned factor turns into noise-sized garbage (a full-rank guide whose scale factor
     * had a collapsed diagonal and large off-diagonal entries read an ELBO of 1e156). The
     * gradient is the same: along the draw's path that distance is constant. A distribution lives
     * for one model run, so the cache never outlives the draw it describes.
     */
    private Var lastDraw;
    private Tensor lastNoiseNorms;

    /** Checks {@code loc} against the covariance's dimension and by the family's declared rule for it. */
    GaussianVector(ParameterTable parameters, Var loc, C covariance) {
        String name = parameters.distribution();
        MatrixParameterChecks.vector(name, "loc", loc.shape(), covariance.dim());
        parameters.check("loc", loc.value());
        int[] ls = loc.shape();
        this.name = name;
        this.loc = loc;
        this.covariance = covariance;
        this.batchShape = Broadcasting.shape(Arrays.copyOf(ls, ls.length - 1), covariance.batchShape());
    }

    /** The mean {@code μ}, as given. */
    public Var loc() {
        return loc;
    }

    /** The dimension {@code d}. */
    public int dim() {
        return covariance.dim();
    }

    /** The lower Cholesky factor of {@code Σ}. */
    public Var scaleTril() {
        return covariance.scaleTril();
    }

    /** {@code Σ}. */
    public Var covariance() {
        return covariance.covariance();
    }

    /** {@code Σ⁻¹} (by the Woodbury identity for the low-rank form). */
    public Var precision() {
        return covariance.precision();
    }

    GaussianCovariance covarianceModel() {
        return covariance;
    }

    @Override
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] eventShape() {
        return new int[] {dim()};
    }

    @Override
    public Constraint support() {
        return new Constraint.RealVector();
    }

    /**
     * {@code log p(x) = -½ (x - μ)ᵀ Σ⁻¹ (x - μ) - ½ log det Σ - (d/2) log 2π}, each covariance model
     * with its own solves (see the subclasses); {@code -∞} for a vector with a NaN, which lies
     * outside {@code ℝ^d}.
     */
    @Override
    public Var logProb(Var value) {
        MatrixParameterChecks.vector(name, "value", value.shape(), dim());
        if (isLastDraw(value)) {
            Var own = covariance.normalize(Var.constant(lastNoiseNorms));
            int[] leading = Arrays.copyOf(value.shape(), value.shape().length - 1);
            if (own.value().size() == Broadcasting.size(leading)) {
                return own.reshape(leading);
            }
        }
        Var lp = covariance.logDensity(value, loc);
        // a NaN coordinate (the only way out of ℝ^d) makes its log-density NaN: check the vectors only then
        return lp.value().allFinite() ? lp : SupportMask.apply(lp, support(), value);
    }

    /** True when {@code value} holds this distribution's last draw (the same numbers, possibly reshaped). */
    private boolean isLastDraw(Var value) {
        if (lastDraw == null || covariance.rootColumns() != dim()) {
            return false;
        }
        if (value == lastDraw) {
            return true;
        }
        Tensor v = value.value();
        Tensor d = lastDraw.value();
        return v.size() == d.size() && Arrays.equals(v.toArray(), d.toArray());
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ + S ε} with {@code S Sᵀ = Σ} as the covariance model forms it, {@code ε} standard normal. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        GaussianCovariance.NoisyDraw d = covariance.drawWithNoise(loc, batchShape, rng, sampleShape);
        lastDraw = d.value();
        lastNoiseNorms = d.noiseNorms();
        return lastDraw;
    }

    /** {@code E[x] = μ}. */
    @Override
    public Tensor mean() {
        return loc.value().broadcastTo(Broadcasting.concat(batchShape, new int[] {dim()}));
    }

    /** The marginal variances {@code Σ_ii}. */
    @Override
    public Tensor variance() {
        return covariance.variance().value().broadcastTo(Broadcasting.concat(batchShape, new int[] {dim()}));
    }

    /** {@code H = (d/2)(1 + log 2π) + ½ log det Σ} (Bishop, PRML, exercise 2.15). */
    @Override
    public Var entropy() {
        return covariance.entropy(batchShape);
    }
}
