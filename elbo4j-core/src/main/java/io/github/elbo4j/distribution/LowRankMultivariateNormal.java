package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * The multivariate normal {@code N(μ, W Wᵀ + diag(D))} with a rank-{@code r} factor
 * {@code W} {@code [..., d, r]} and a positive diagonal {@code D} {@code [..., d]}: a full
 * covariance at {@code O(d r)} parameters and {@code O(d r²)} cost per density, through the
 * capacitance matrix {@code C = I_r + Wᵀ D⁻¹ W}: {@code log det Σ = log det C + Σ log D_i}
 * (matrix determinant lemma) and {@code vᵀ Σ⁻¹ v = vᵀ D⁻¹ v - vᵀ D⁻¹ W C⁻¹ Wᵀ D⁻¹ v}
 * (Woodbury identity); derivation in {@link LowRankCovariance}. Draws are
 * {@code μ + W ε₁ + √D ⊙ ε₂}. As PyTorch's {@code LowRankMultivariateNormal} and the low-rank
 * guide of Pyro ({@code AutoLowRankMultivariateNormal}).
 */
public final class LowRankMultivariateNormal implements Distribution {

    private static final String NAME = "LowRankMultivariateNormal";

    private final Var loc;
    private final LowRankCovariance covariance;
    private final int[] batchShape;

    private LowRankMultivariateNormal(Var loc, Var covFactor, Var covDiag) {
        int[] fs = covFactor.shape();
        if (fs.length < 2 || fs[fs.length - 1] < 1 || fs[fs.length - 2] < 1) {
            throw new IllegalArgumentException(NAME + " covFactor must have shape [..., d, r] with d, r >= 1, got "
                    + Arrays.toString(fs));
        }
        int d = fs[fs.length - 2];
        MatrixParameterChecks.vector(NAME, "loc", loc.shape(), d);
        MatrixParameterChecks.vector(NAME, "covDiag", covDiag.shape(), d);
        ParameterChecks.finite(NAME, "loc", loc.value());
        ParameterChecks.finite(NAME, "covFactor", covFactor.value());
        ParameterChecks.positive(NAME, "covDiag", covDiag.value());
        this.loc = loc;
        this.covariance = new LowRankCovariance(covFactor, covDiag);
        int[] ls = loc.shape();
        this.batchShape = Broadcasting.shape(Arrays.copyOf(ls, ls.length - 1), covariance.batchShape());
    }

    /** {@code N(loc, covFactor covFactorᵀ + diag(covDiag))}, differentiable in all three. */
    public static LowRankMultivariateNormal of(Var loc, Var covFactor, Var covDiag) {
        return new LowRankMultivariateNormal(loc, covFactor, covDiag);
    }

    /** {@code N(loc, covFactor covFactorᵀ + diag(covDiag))} with data parameters. */
    public static LowRankMultivariateNormal of(Tensor loc, Tensor covFactor, Tensor covDiag) {
        return new LowRankMultivariateNormal(Var.constant(loc), Var.constant(covFactor), Var.constant(covDiag));
    }

    /** The mean {@code μ}. */
    public Var loc() {
        return loc;
    }

    /** The factor {@code W}. */
    public Var covFactor() {
        return covariance.factor();
    }

    /** The diagonal {@code D}. */
    public Var covDiag() {
        return covariance.diag();
    }

    /** The dimension {@code d}. */
    public int dim() {
        return covariance.dim();
    }

    /** {@code Σ = W Wᵀ + diag(D)}. */
    public Var covariance() {
        return covariance.covariance();
    }

    /** {@code Σ⁻¹} by the Woodbury identity. */
    public Var precision() {
        return covariance.precision();
    }

    /** The lower Cholesky factor of {@code Σ} ({@code O(d³)}). */
    public Var scaleTril() {
        return covariance.scaleTril();
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
     * {@code log p(x) = -½ [‖u‖² - ‖K u‖²] - ½ [Σ log D_i + log det C] - (d/2) log 2π},
     * {@code u = D^{-1/2}(x - μ)}, {@code K = L_C⁻¹ Wᵀ D^{-1/2}} (Woodbury and the determinant lemma).
     */
    @Override
    public Var logProb(Var value) {
        MatrixParameterChecks.vector(NAME, "value", value.shape(), dim());
        Var lp = covariance.logDensity(value, loc);
        // a NaN coordinate (the only way out of ℝ^d) makes its log-density NaN: check the vectors only then
        return lp.value().allFinite() ? lp : SupportMask.apply(lp, support(), value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return rsample(rng, sampleShape).value();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    /** {@code x = μ + W ε₁ + √D ⊙ ε₂}, {@code ε₁ ~ N(0, I_r)}, {@code ε₂ ~ N(0, I_d)}. */
    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return covariance.draw(loc, batchShape, rng, sampleShape);
    }

    @Override
    public LowRankMultivariateNormal expand(int... shape) {
        int d = dim();
        int r = covariance.rootColumns() - d;
        return new LowRankMultivariateNormal(loc.broadcastTo(Broadcasting.concat(shape, new int[] {d})),
                covFactor().broadcastTo(Broadcasting.concat(shape, new int[] {d, r})),
                covDiag().broadcastTo(Broadcasting.concat(shape, new int[] {d})));
    }

    /** {@code E[x] = μ}. */
    @Override
    public Tensor mean() {
        return loc.value().broadcastTo(Broadcasting.concat(batchShape, new int[] {dim()}));
    }

    /** {@code Σ_ii = Σ_k W_ik² + D_i}. */
    @Override
    public Tensor variance() {
        return covariance.variance().value().broadcastTo(Broadcasting.concat(batchShape, new int[] {dim()}));
    }

    /** {@code H = (d/2)(1 + log 2π) + ½ (log det C + Σ log D_i)}. */
    @Override
    public Var entropy() {
        return covariance.entropy(batchShape);
    }
}
