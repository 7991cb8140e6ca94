package io.github.elbo4j.tensor;

import java.util.Arrays;

/**
 * Dense linear algebra on batches of matrices: the Cholesky factorization and what it gives
 * (triangular and positive-definite solves, log-determinants, inverses), and the diagonal and
 * triangular parts of a matrix. Every method returns a new tensor.
 *
 * <p><b>Batches.</b> A tensor of shape {@code [..., m, n]} is a batch of {@code m×n} matrices
 * indexed by its leading axes; each matrix is processed independently. The solves broadcast the
 * batch axes of their two operands with NumPy's rules, as {@link Tensor#matmul} does, without
 * copying a broadcast matrix. A right-hand side {@code b} of rank 1 is one vector {@code [n]};
 * any {@code b} of higher rank is a batch of matrices {@code [..., n, k]} (NumPy 2's rule for
 * {@code numpy.linalg.solve}), so a batch of vectors is written {@code [..., n, 1]}.
 *
 * <p><b>Kernels.</b> Plain Java loops, or LAPACK/BLAS through {@code dev.ludovic.netlib} for
 * large matrices when a native library is loaded; without one, the loops (measured faster than
 * the pure-Java fallback: see {@code CholeskyKernel} and {@code TriangularKernel}).
 *
 * <p><b>Errors.</b> Shapes, finiteness of Cholesky inputs, positive definiteness and non-zero
 * diagonals of triangular factors are checked; an {@link IllegalArgumentException} names the
 * method, the argument, the offending matrix of the batch and the rule.
 */
public final class LinearAlgebra {

    private LinearAlgebra() {
    }

    /**
     * The Cholesky factor of each symmetric positive-definite matrix of {@code a}: the
     * lower-triangular {@code L} with positive diagonal and {@code A = L Lᵀ}, shape
     * {@code [..., n, n]}, zeros above the diagonal. Only the lower triangle of {@code a}
     * (diagonal included) is read; the upper one is taken to mirror it, as in
     * {@code numpy.linalg.cholesky}. Recurrence:
     * {@code L_ii = √(A_ii - Σ_{p<i} L_ip²)}, {@code L_ij = (A_ij - Σ_{p<j} L_ip L_jp) / L_jj}
     * (Golub &amp; Van Loan, "Matrix Computations", 4th ed., 2013, §4.2).
     *
     * @throws IllegalArgumentException if {@code a} is not {@code [..., n, n]}, has a non-finite
     *     entry in its lower triangle, or a matrix is not positive definite, e.g.
     *     {@code cholesky: matrix 2 of the batch is not positive definite (leading minor 3 <= 0)}
     */
    public static Tensor cholesky(Tensor a) {
        return factor("cholesky", a);
    }

    /**
     * Solves {@code op(L) X = B} with {@code op(L) = L} or {@code Lᵀ} ({@code transpose}) for a
     * triangular {@code L}: {@code X = op(L)⁻¹ B} by forward or backward substitution (Golub &amp;
     * Van Loan, "Matrix Computations", 4th ed., 2013, §3.1), as
     * {@code scipy.linalg.solve_triangular(L, B, lower=lower, trans=transpose)}. Only the triangle
     * of {@code l} named by {@code lower} is read.
     *
     * @param l triangular matrices {@code [..., n, n]} with non-zero diagonals
     * @param b {@code [n]} or {@code [..., n, k]}; batch axes broadcast with those of {@code l}
     * @return {@code [..., n, k]} with the broadcast batch shape, or {@code [..., n]} when
     *     {@code b} is a vector
     * @throws IllegalArgumentException on a shape mismatch, e.g.
     *     {@code triangularSolve: cannot solve [3, 3] with [4, 2]}, or a zero on a diagonal
     */
    public static Tensor triangularSolve(Tensor l, Tensor b, boolean lower, boolean transpose) {
        return solve("triangularSolve", l, b, lower, transpose, false);
    }

    /**
     * Solves {@code A X = B} given the Cholesky factor {@code L} of {@code A = L Lᵀ}:
     * {@code X = L⁻ᵀ (L⁻¹ B)}, two triangular solves (Golub &amp; Van Loan, 4th ed., §4.2), as
     * {@code scipy.linalg.cho_solve((L, True), B)}. Only the lower triangle of {@code l} is read.
     * Shapes and broadcasting as {@link #triangularSolve}.
     *
     * @throws IllegalArgumentException on a shape mismatch or a zero on a diagonal of {@code l}
     */
    public static Tensor choleskySolve(Tensor l, Tensor b) {
        return solve("choleskySolve", l, b, true, false, true);
    }

    /**
     * {@code log det A = log det(L Lᵀ) = 2 Σ_i log |L_ii|} for each triangular {@code L} of
     * {@code l} {@code [..., n, n]}, shape {@code [...]} (det of a triangular matrix is the product
     * of its diagonal; Golub &amp; Van Loan, 4th ed., §4.2). Reads only the diagonal; a zero on it
     * gives {@code -∞}. For a Cholesky factor ({@code L_ii > 0}) this is the log-determinant of
     * the factored matrix.
     *
     * @throws IllegalArgumentException if {@code l} is not {@code [..., n, n]}
     */
    public static Tensor logDetFromCholesky(Tensor l) {
        int n = order("logDetFromCholesky", "l", l);
        int[] batch = batchOf(l);
        double[] d = l.dataView();
        double[] out = new double[ShapeRules.size(batch)];
        for (int m = 0; m < out.length; m++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.log(Math.abs(d[m * n * n + i * (n + 1)]));
            }
            out[m] = 2 * s;
        }
        return new Tensor(out, batch);
    }

    /**
     * {@code log det A} of each symmetric positive-definite matrix of {@code a}
     * {@code [..., n, n]}, shape {@code [...]}: {@code 2 Σ_i log L_ii} with {@code L} the Cholesky
     * factor of {@code A} (Golub &amp; Van Loan, 4th ed., §4.2); as {@code numpy.linalg.slogdet}'s
     * {@code logabsdet} where its sign is 1. Reads only the lower triangle.
     *
     * @throws IllegalArgumentException as {@link #cholesky}, naming {@code logDet}
     */
    public static Tensor logDet(Tensor a) {
        return logDetFromCholesky(factor("logDet", a));
    }

    /**
     * {@code A⁻¹ = (L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹} from the Cholesky factor {@code L} of each matrix of
     * {@code l} {@code [..., n, n]}: {@code W = L⁻¹} by substitution, then {@code Wᵀ W}, or LAPACK
     * {@code dpotri} (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., 2002,
     * ch. 14). Only the lower triangle of {@code l} is read; the result is exactly symmetric.
     *
     * @throws IllegalArgumentException if {@code l} is not {@code [..., n, n]} or has a zero on a
     *     diagonal
     */
    public static Tensor choleskyInverse(Tensor l) {
        int n = order("choleskyInverse", "l", l);
        int[] batch = batchOf(l);
        requireNonZeroDiagonal("choleskyInverse", "l", l, n);
        double[] out = l.dataView().clone();
        for (int m = 0, count = ShapeRules.size(batch); m < count; m++) {
            CholeskyKernel.invert(out, m * n * n, n);
        }
        return new Tensor(out, l.shape());
    }

    /**
     * The diagonal {@code d_i = A_ii} of each matrix of {@code a} {@code [..., n, n]}, shape
     * {@code [..., n]} ({@code numpy.diagonal(a, axis1=-2, axis2=-1)} for square matrices).
     *
     * @throws IllegalArgumentException if {@code a} is not {@code [..., n, n]}
     */
    public static Tensor diagonal(Tensor a) {
        int n = order("diagonal", "a", a);
        double[] d = a.dataView();
        int count = ShapeRules.size(batchOf(a));
        double[] out = new double[count * n];
        for (int m = 0; m < count; m++) {
            for (int i = 0; i < n; i++) {
                out[m * n + i] = d[m * n * n + i * (n + 1)];
            }
        }
        int[] shape = a.shape();
        return new Tensor(out, Arrays.copyOf(shape, shape.length - 1));
    }

    /**
     * The diagonal matrices {@code D = diag(v)} ({@code D_ii = v_i}, zero elsewhere) of each
     * vector of {@code v} {@code [..., n]}, shape {@code [..., n, n]}; the inverse of
     * {@link #diagonal} on diagonal matrices ({@code torch.diag_embed}).
     *
     * @throws IllegalArgumentException if {@code v} has rank 0
     */
    public static Tensor diagEmbed(Tensor v) {
        int[] s = v.shapeView();
        if (s.length == 0) {
            throw new IllegalArgumentException("diagEmbed: v must have rank >= 1, shape [..., n], got []");
        }
        int n = s[s.length - 1];
        int[] shape = Arrays.copyOf(s, s.length + 1);
        shape[s.length] = n;
        double[] d = v.dataView();
        double[] out = new double[ShapeRules.size(shape)];
        for (int m = 0, count = n == 0 ? 0 : d.length / n; m < count; m++) {
            for (int i = 0; i < n; i++) {
                out[m * n * n + i * (n + 1)] = d[m * n + i];
            }
        }
        return new Tensor(out, shape);
    }

    /**
     * The lower triangle of each matrix of {@code a} {@code [..., m, n]}: {@code A_ij} where
     * {@code j - i <= k}, else 0 ({@code k = 0}: diagonal kept; {@code k = -1}: strictly lower), as
     * {@code numpy.tril(a, k)}.
     *
     * @throws IllegalArgumentException if {@code a} has rank below 2
     */
    public static Tensor tril(Tensor a, int k) {
        return triangle("tril", a, k, true);
    }

    /**
     * The upper triangle of each matrix of {@code a} {@code [..., m, n]}: {@code A_ij} where
     * {@code j - i >= k}, else 0, as {@code numpy.triu(a, k)}.
     *
     * @throws IllegalArgumentException if {@code a} has rank below 2
     */
    public static Tensor triu(Tensor a, int k) {
        return triangle("triu", a, k, false);
    }

    // ---- shared by the methods above ------------------------------------------------------

    private static Tensor factor(String method, Tensor a) {
        int n = order(method, "a", a);
        int[] batch = batchOf(a);
        double[] in = a.dataView();
        double[] out = in.clone();
        for (int m = 0, count = ShapeRules.size(batch); m < count; m++) {
            int o = m * n * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = in[o + i * n + j];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(method + ": a must be finite, but " + which(m, batch)
                                + " has " + v + " at [" + i + ", " + j + "]");
                    }
                }
            }
            int minor = CholeskyKernel.factor(out, o, n);
            if (minor != 0) {
                throw new IllegalArgumentException(method + ": " + which(m, batch)
                        + " is not positive definite (leading minor " + minor + " <= 0)");
            }
        }
        return new Tensor(out, a.shape());
    }

    private static Tensor solve(String method, Tensor l, Tensor b, boolean lower, boolean transpose, boolean cholesky) {
        int n = order(method, "l", l);
        int[] sl = l.shapeView();
        int[] sb = b.shapeView();
        boolean vector = sb.length == 1;
        if (sb.length == 0 || sb[vector ? 0 : sb.length - 2] != n) {
            throw new IllegalArgumentException(method + ": cannot solve " + Arrays.toString(sl) + " with " + Arrays.toString(sb)
                    + ": b must be [n] or [..., n, k] with n = " + n);
        }
        int k = vector ? 1 : sb[sb.length - 1];
        int[] batchL = batchOf(l);
        int[] batchB = vector ? ShapeRules.SCALAR : Arrays.copyOf(sb, sb.length - 2);
        int[] batch;
        try {
            batch = ShapeRules.broadcast(batchL, batchB);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(method + ": cannot solve " + Arrays.toString(sl) + " with " + Arrays.toString(sb)
                    + ": batch shapes " + Arrays.toString(batchL) + " and " + Arrays.toString(batchB) + " do not broadcast", e);
        }
        requireNonZeroDiagonal(method, "l", l, n);
        double[] x = TriangularKernel.solveBatch(l.dataView(), batchL, b.dataView(), batchB, batch, n, k, lower, transpose);
        if (cholesky) {
            TriangularKernel.solveAll(l.dataView(), TriangularKernel.sourceIndex(batchL, batch), x, n, k, true, true);
        }
        int[] shape = Arrays.copyOf(batch, batch.length + (vector ? 1 : 2));
        shape[batch.length] = n;
        if (!vector) {
            shape[batch.length + 1] = k;
        }
        return new Tensor(x, shape);
    }

    private static Tensor triangle(String method, Tensor a, int k, boolean lower) {
        int[] s = a.shapeView();
        if (s.length < 2) {
            throw new IllegalArgumentException(method + ": a must have rank >= 2, shape [..., m, n], got " + Arrays.toString(s));
        }
        int rows = s[s.length - 2];
        int cols = s[s.length - 1];
        double[] out = a.dataView().clone();
        for (int o = 0; o < out.length; o += rows * cols) {
            for (int i = 0; i < rows; i++) {
                // keep j - i <= k (lower) or j - i >= k (upper); clear the rest of row i
                long edge = (long) i + k;
                int from = lower ? (int) Math.max(0, Math.min(cols, edge + 1)) : 0;
                int to = lower ? cols : (int) Math.max(0, Math.min(cols, edge));
                Arrays.fill(out, o + i * cols + from, o + i * cols + to, 0.0);
            }
        }
        return new Tensor(out, a.shape());
    }

    /** The order {@code n} of a batch of square matrices {@code [..., n, n]}, or throws. */
    private static int order(String method, String argument, Tensor t) {
        int[] s = t.shapeView();
        if (s.length < 2 || s[s.length - 1] != s[s.length - 2]) {
            throw new IllegalArgumentException(method + ": " + argument
                    + " must be a square matrix or a batch of them, shape [..., n, n], got " + Arrays.toString(s));
        }
        return s[s.length - 1];
    }

    private static int[] batchOf(Tensor t) {
        int[] s = t.shapeView();
        return Arrays.copyOf(s, s.length - 2);
    }

    private static void requireNonZeroDiagonal(String method, String argument, Tensor t, int n) {
        double[] d = t.dataView();
        int[] batch = batchOf(t);
        for (int m = 0, count = ShapeRules.size(batch); m < count; m++) {
            for (int i = 0; i < n; i++) {
                if (d[m * n * n + i * (n + 1)] == 0.0) {
                    throw new IllegalArgumentException(method + ": " + argument + " must have a non-zero diagonal, but "
                            + which(m, batch) + " has 0.0 at [" + i + ", " + i + "]");
                }
            }
        }
    }

    /** Names matrix {@code flat} of a batch for an error message. */
    private static String which(int flat, int[] batch) {
        if (batch.length == 0) {
            return "the matrix";
        }
        if (batch.length == 1) {
            return "matrix " + flat + " of the batch";
        }
        int[] index = new int[batch.length];
        for (int d = batch.length - 1, r = flat; d >= 0; d--) {
            index[d] = r % batch[d];
            r /= batch[d];
        }
        return "matrix " + Arrays.toString(index) + " of the batch";
    }

    /**
     * {@code op(A) @ op(B)} with {@code op} the transpose of the last two axes where asked, batched
     * with NumPy {@code matmul} rules, without materializing a transpose (BLAS {@code dgemm}
     * transposition flags).
     */
    public static Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        return MatrixProduct.matmul(a, transposeA, b, transposeB);
    }
}
