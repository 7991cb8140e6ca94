package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code Σ = Λ⁻¹} from the lower Cholesky factor {@code U} of the precision {@code Λ = U Uᵀ}
 * {@code [B..., d, d]}, never inverted: {@code vᵀ Σ⁻¹ v = vᵀ U Uᵀ v = ‖Uᵀ v‖²} is a matrix
 * product, {@code log det Σ = -log det Λ = -2 Σ_i log U_ii}, and the square root is
 * {@code S = U⁻ᵀ} ({@code S Sᵀ = U⁻ᵀ U⁻¹ = (U Uᵀ)⁻¹}), applied by back substitution.
 */
record PrecisionCovariance(Var precisionTril) implements GaussianCovariance {

    @Override
    public int dim() {
        int[] s = precisionTril.shape();
        return s[s.length - 1];
    }

    @Override
    public int[] batchShape() {
        int[] s = precisionTril.shape();
        return Arrays.copyOf(s, s.length - 2);
    }

    /** {@code -2 Σ_i log U_ii}. */
    @Override
    public Var logDet() {
        return precisionTril.logDetFromCholesky().neg();
    }

    /** {@code ‖Uᵀ r‖²} per row, computed as the rows of {@code R U}. */
    @Override
    public Var inverseQuadraticRows(Var rows) {
        return rows.matmul(precisionTril).square().sum(-1);
    }

    @Override
    public int rootColumns() {
        return dim();
    }

    /** {@code S = U⁻ᵀ} (upper triangular), by back substitution against the identity. */
    @Override
    public Var root() {
        return precisionTril.triangularSolve(Var.constant(Tensor.eye(dim())), true, true);
    }

    /** {@code (U⁻ᵀ ε)ᵀ}: one back substitution with the rows as right-hand sides. */
    @Override
    public Var colorRows(Var epsRows) {
        return precisionTril.triangularSolve(epsRows.transpose(), true, true).transpose();
    }

    /** {@code Σ = (U Uᵀ)⁻¹} (an explicit inverse, asked for by the caller). */
    @Override
    public Var covariance() {
        return precisionTril.choleskyInverse();
    }

    @Override
    public Var precision() {
        return precisionTril.matmul(precisionTril.transpose());
    }

    /** The Cholesky factor of {@link #covariance}. */
    @Override
    public Var scaleTril() {
        return covariance().cholesky();
    }

    /** {@code Σ_ii = Σ_k (U⁻ᵀ)_ik²}, the squared row norms of the root. */
    @Override
    public Var variance() {
        return root().square().sum(-1);
    }

    @Override
    public GaussianCovariance expand(int[] batch) {
        int d = dim();
        return new PrecisionCovariance(precisionTril.broadcastTo(Broadcasting.concat(batch, new int[] {d, d})));
    }
}
