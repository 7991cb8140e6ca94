package io.github.elbo4j.tensor;

import java.util.Optional;

/**
 * A Cholesky factorization {@code A = L Lᵀ} of one symmetric {@code [n, n]} matrix that says where
 * it fails, for callers that explain a matrix that is not positive definite in their own terms
 * (which coordinate, which parameter), column by column (Golub &amp; Van Loan, "Matrix
 * Computations", 4th ed., 2013, alg. 4.2.1): the pivot of column {@code j} is
 * {@code A_jj - Σ_{p<j} L_jp²}, the Schur complement of the leading {@code j × j} block, and the
 * first pivot that is not positive (or is NaN) stops it. The same factor as
 * {@link LinearAlgebra#cholesky} up to rounding (the sums run in another order); the one recurrence
 * that the linear-response covariances, the Laplace guide's diagnosis and NUTS's metric shared as
 * three copies.
 *
 * @param factor      {@code L} (lower triangular, zeros above), or null when the factorization failed
 * @param failedPivot the 0-based row of the first pivot that is not positive, or -1
 * @param pivot       that pivot's value ({@code NaN} when the factorization succeeded)
 */
public record CholeskyAttempt(Tensor factor, int failedPivot, double pivot) {

    /**
     * Tries to factor {@code a} (only its lower triangle is read).
     *
     * @throws IllegalArgumentException if {@code a} is not {@code [n, n]}
     */
    public static CholeskyAttempt of(Tensor a) {
        if (a.rank() != 2 || a.dim(0) != a.dim(1)) {
            throw new IllegalArgumentException("CholeskyAttempt needs a square matrix [n, n], got " + java.util.Arrays.toString(a.shape()));
        }
        int n = a.dim(0);
        double[] x = a.toArray();
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {              // column by column (Cholesky–Crout)
            double pivot = x[j * n + j];
            for (int k = 0; k < j; k++) {
                pivot -= l[j * n + k] * l[j * n + k];
            }
            if (!(pivot > 0)) {
                return new CholeskyAttempt(null, j, pivot);
            }
            double ljj = Math.sqrt(pivot);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = x[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / ljj;
            }
        }
        return new CholeskyAttempt(Tensor.of(l, n, n), -1, Double.NaN);
    }

    /** The factor, when the factorization succeeded. */
    public Optional<Tensor> lower() {
        return Optional.ofNullable(factor);
    }
}
