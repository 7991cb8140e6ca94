package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.CholeskyMahalanobis;
import io.github.elbo4j.tensor.Broadcasting;
import java.util.Arrays;

/**
 * {@code Σ = L Lᵀ} from its lower Cholesky factor {@code L} {@code [B..., d, d]}. Quadratic forms
 * whiten with one forward substitution, {@code vᵀ Σ⁻¹ v = ‖L⁻¹ v‖²}, and
 * {@code log det Σ = 2 Σ_i log L_ii} (Golub &amp; Van Loan, "Matrix Computations", 4th ed., §4.2).
 */
record CholeskyCovariance(Var scaleTril) implements GaussianCovariance {

    @Override
    public int dim() {
        int[] s = scaleTril.shape();
        return s[s.length - 1];
    }

    @Override
    public int[] batchShape() {
        int[] s = scaleTril.shape();
        return Arrays.copyOf(s, s.length - 2);
    }

    /** {@code 2 Σ_i log L_ii}. */
    @Override
    public Var logDet() {
        return scaleTril.logDetFromCholesky();
    }

    /**
     * The density of {@link GaussianCovariance#logDensity}; with one factor and one mean (no batch
     * axes) through the fused {@link CholeskyMahalanobis}, otherwise by the batched layout.
     */
    @Override
    public Var logDensity(Var value, Var loc) {
        int[] vs = value.shape();
        int d = dim();
        if (scaleTril.shape().length != 2 || loc.shape().length != 1 || vs.length < 1 || vs[vs.length - 1] != d) {
            return GaussianCovariance.super.logDensity(value, loc);
        }
        int[] leading = Arrays.copyOf(vs, vs.length - 1);
        Var rows = value.reshape(Broadcasting.size(leading), d);
        return normalize(CholeskyMahalanobis.of(scaleTril, loc, rows).reshape(leading));
    }

    /** {@code ‖L⁻¹ r‖²} per row: one triangular solve with the {@code M} rows as right-hand sides. */
    @Override
    public Var inverseQuadraticRows(Var rows) {
        return scaleTril.triangularSolve(rows.transpose(), true, false).square().sum(-2);
    }

    @Override
    public int rootColumns() {
        return dim();
    }

    /** {@code S = L}. */
    @Override
    public Var root() {
        return scaleTril;
    }

    /** {@code (L ε)ᵀ = εᵀ Lᵀ}: one matrix product for all rows. */
    @Override
    public Var colorRows(Var epsRows) {
        return epsRows.matmul(scaleTril.transpose());
    }

    @Override
    public Var covariance() {
        return scaleTril.matmul(scaleTril.transpose());
    }

    /** {@code Σ⁻¹ = L⁻ᵀ L⁻¹} (an explicit inverse, asked for by the caller). */
    @Override
    public Var precision() {
        return scaleTril.choleskyInverse();
    }

    @Override
    public Var scaleTril() {
        return scaleTril;
    }

    /** {@code Σ_ii = Σ_k L_ik²}. */
    @Override
    public Var variance() {
        return scaleTril.square().sum(-1);
    }

    @Override
    public GaussianCovariance expand(int[] batch) {
        int d = dim();
        return new CholeskyCovariance(scaleTril.broadcastTo(Broadcasting.concat(batch, new int[] {d, d})));
    }
}
