package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code Σ = L Lᵀ} from lower Cholesky factors (positive diagonal) onto symmetric positive-definite
 * matrices, on the last two axes; its inverse is the Cholesky factorization. The free
 * coordinates are the lower-triangular entries of {@code L} and of {@code Σ} ({@code n(n+1)/2}
 * each), the convention of the Wishart density (Muirhead, "Aspects of Multivariate Statistical
 * Theory", Wiley 1982, Theorem 2.1.9).
 */
public record CholeskyOuterProduct() implements Bijector {

    private static final String NAME = "CholeskyOuterProduct";
    private static final double LOG_2 = Math.log(2.0);
    private static final CholeskyOuterProduct INSTANCE = new CholeskyOuterProduct();

    /** The bijector {@code L ↦ L Lᵀ}. */
    public static CholeskyOuterProduct of() {
        return INSTANCE;
    }

    /** {@code Σ = L Lᵀ} (batched matrix product; the upper triangle of {@code L} is used as given). */
    @Override
    public Var forward(Var x) {
        EventShape.square(NAME, x.shape());
        return x.matmul(x.transpose());
    }

    /**
     * The Cholesky factor of {@code Σ}, column by column (Golub &amp; Van Loan, "Matrix
     * Computations", 4th ed., sec. 4.2, the gaxpy form): with {@code v = Σ_{j:n, j} - L_{j:n, 0:j}
     * L_{j, 0:j}ᵀ}, {@code L_{j:n, j} = v / √v_0}. Reads the lower triangle of {@code Σ} only; built
     * from differentiable operations, batched over the leading axes. A matrix that is not positive
     * definite gives NaN (the square root of a non-positive pivot), not an exception.
     */
    @Override
    public Var inverse(Var y) {
        int n = EventShape.square(NAME, y.shape());
        int[] batch = EventShape.batch(NAME, y.shape(), 2);
        Var columns = null;
        for (int j = 0; j < n; j++) {
            Var v = y.slice(-1, j, j + 1).slice(-2, j, n);
            if (j > 0) {
                v = v.sub(columns.slice(-2, j, n).matmul(columns.slice(-2, j, j + 1).transpose()));
            }
            Var pivot = v.slice(-2, 0, 1).sqrt();
            Var column = j + 1 < n ? Var.concat(-2, pivot, v.slice(-2, 1, n - j).div(pivot)) : pivot;
            if (j > 0) {
                column = Var.concat(-2, Var.constant(Tensor.zeros(EventShape.join(batch, j, 1))), column);
            }
            columns = j == 0 ? column : Var.concat(-1, columns, column);
        }
        return columns;
    }

    /**
     * {@code log |det ∂Σ/∂L| = n log 2 + Σ_{i=0}^{n-1} (n - i) log L_ii} (0-based {@code i}), derived:
     * order the lower entries by column, then row. {@code Σ_ij = Σ_{k<=j} L_ik L_jk} for
     * {@code i >= j} involves {@code L_ij}, {@code L_jj} and entries of earlier columns, so the
     * Jacobian is triangular with diagonal {@code ∂Σ_jj/∂L_jj = 2 L_jj} and
     * {@code ∂Σ_ij/∂L_ij = L_jj} for the {@code n - 1 - j} rows {@code i > j}: the determinant is
     * {@code 2ⁿ Π_j L_jj^{n-j}}, Muirhead's Theorem 2.1.9 ({@code 2ⁿ Π t_ii^{n-i+1}}, 1-based).
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        int n = EventShape.square(NAME, x.shape());
        int[] batch = EventShape.batch(NAME, x.shape(), 2);
        Var diagonal = x.reshape(EventShape.join(batch, n * n)).indexSelect(-1, TriangularIndex.lower(n).diagonalFlatIndices());
        return diagonal.log().mul(Tensor.arange(n, 0, -1)).sum(-1).add(n * LOG_2);
    }

    @Override
    public Constraint domain() {
        return new Constraint.LowerCholesky();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.PositiveDefinite();
    }
}
