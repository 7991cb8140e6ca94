package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.MatrixParameterChecks;
import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The multivariate normal {@code N(μ, W Wᵀ + diag(D))} with a rank-{@code r} factor
 * {@code W} {@code [..., d, r]} and a positive diagonal {@code D} {@code [..., d]}: a full
 * covariance at {@code O(d r)} parameters and {@code O(d r²)} cost per density, through the
 * capacitance matrix {@code C = I_r + Wᵀ D⁻¹ W}: {@code log det Σ = log det C + Σ log D_i}
 * (matrix determinant lemma) and {@code vᵀ Σ⁻¹ v = vᵀ D⁻¹ v - vᵀ D⁻¹ W C⁻¹ Wᵀ D⁻¹ v}
 * (Woodbury identity); derivation in {@link LowRankCovariance}. Draws are
 * {@code μ + W ε₁ + √D ⊙ ε₂}; the entropy is {@code (d/2)(1 + log 2π) + ½ (log det C + Σ log D_i)}, the
 * marginal variances {@code Σ_k W_ik² + D_i}. As PyTorch's {@code LowRankMultivariateNormal} and the low-rank
 * guide of Pyro ({@code AutoLowRankMultivariateNormal}).
 *
 * <p>Conditioning: the Woodbury quadratic form is a difference of two terms of order
 * {@code |W ε|² / D_i}, so its rounding error grows as {@code 10⁻¹⁶ |W ε|² / D_i}; with
 * {@code D_i} some {@code 10⁻¹⁶} of {@code |W|²} the density is noise. An optimizer that may drive
 * {@code D} there (the low-rank automatic guide) floors it ({@code AutoLowRankMultivariateNormal#SCALE_FLOOR}).
 */
public final class LowRankMultivariateNormal extends GaussianVector<LowRankCovariance> {

    /** The declared parameters (NumPyro's {@code arg_constraints}): read by the factories and the contract tests. */
    static final ParameterTable PARAMETERS = ParameterTable.of("LowRankMultivariateNormal")
            .and("loc", ParameterRule.FINITE)
            .and("covFactor", ParameterRule.FINITE)
            .and("covDiag", ParameterRule.POSITIVE);

    private static final String NAME = "LowRankMultivariateNormal";

    private LowRankMultivariateNormal(Var loc, Var covFactor, Var covDiag) {
        super(PARAMETERS, loc, checkedCovariance(covFactor, covDiag));
    }

    private static LowRankCovariance checkedCovariance(Var covFactor, Var covDiag) {
        int[] fs = covFactor.shape();
        if (fs.length < 2 || fs[fs.length - 1] < 1 || fs[fs.length - 2] < 1) {
            throw new IllegalArgumentException(NAME + " covFactor must have shape [..., d, r] with d, r >= 1, got "
                    + Arrays.toString(fs));
        }
        MatrixParameterChecks.vector(NAME, "covDiag", covDiag.shape(), fs[fs.length - 2]);
        PARAMETERS.check("covFactor", covFactor.value());
        PARAMETERS.check("covDiag", covDiag.value());
        return new LowRankCovariance(covFactor, covDiag);
    }

    /** {@code N(loc, covFactor covFactorᵀ + diag(covDiag))}, differentiable in all three. */
    public static LowRankMultivariateNormal of(Var loc, Var covFactor, Var covDiag) {
        return new LowRankMultivariateNormal(loc, covFactor, covDiag);
    }

    /** {@code N(loc, covFactor covFactorᵀ + diag(covDiag))} with data parameters. */
    public static LowRankMultivariateNormal of(Tensor loc, Tensor covFactor, Tensor covDiag) {
        return new LowRankMultivariateNormal(Var.constant(loc), Var.constant(covFactor), Var.constant(covDiag));
    }

    /** The factor {@code W}. */
    public Var covFactor() {
        return covariance.factor();
    }

    /** The diagonal {@code D}. */
    public Var covDiag() {
        return covariance.diag();
    }

    @Override
    public LowRankMultivariateNormal expand(int... shape) {
        int d = dim();
        int r = covariance.rootColumns() - d;
        return new LowRankMultivariateNormal(loc().broadcastTo(Broadcasting.concat(shape, new int[] {d})),
                covFactor().broadcastTo(Broadcasting.concat(shape, new int[] {d, r})),
                covDiag().broadcastTo(Broadcasting.concat(shape, new int[] {d})));
    }
}
