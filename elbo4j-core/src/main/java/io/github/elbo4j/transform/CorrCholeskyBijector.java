package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * From {@code ℝ^{n(n-1)/2}} onto Cholesky factors of {@code n×n} correlation matrices
 * (lower-triangular, positive diagonal, rows of unit norm), through canonical partial correlations
 * (Lewandowski, Kurowicka &amp; Joe, "Generating random correlation matrices based on vines and
 * extended onion method", J. Multivariate Anal. 100(9), 2009; Stan Reference Manual, "Constraint
 * Transforms", "Cholesky factors of correlation matrices"). The vector fills the strict lower
 * triangle row by row, {@code (i, j)} with {@code j < i} from element {@code i(i-1)/2 + j}, and
 * <pre>
 *   z_ij = tanh x_ij  ∈ (-1, 1)
 *   L_ij = z_ij √(1 - Σ_{k&lt;j} L_ik²)  (j &lt; i),   L_ii = √(1 - Σ_{k&lt;i} L_ik²),   L_00 = 1
 * </pre>
 * Each row breaks a stick of squared length 1. Since {@code 1 - Σ_{k<j} L_ik² = Π_{k<j}(1 - z_ik²)},
 * the factor is computed as {@code L_ij = (z_ij + δ_ij) exp(½ Σ_{k<j} log(1 - z_ik²))} with
 * {@code log(1 - z²) = log sech²x} evaluated stably, so no square root of a rounded-off negative
 * number can occur.
 *
 * <p>The free coordinates of the codomain are the strict lower entries (row-major); the last
 * axis of length {@code n(n-1)/2} becomes {@code n×n}. Named with a suffix so it does not clash
 * with the constraint {@link Constraint.CorrCholesky}.
 */
public record CorrCholeskyBijector() implements Bijector {

    private static final String NAME = "CorrCholeskyBijector";
    private static final CorrCholeskyBijector INSTANCE = new CorrCholeskyBijector();

    /** The bijector onto Cholesky factors of correlation matrices. */
    public static CorrCholeskyBijector of() {
        return INSTANCE;
    }

    /** {@code L = (Z + I) ⊙ exp(½ E)} with {@code E_ij = Σ_{k<j} log(1 - z_ik²)}, a running sum along each row. */
    @Override
    public Var forward(Var x) {
        TriangularIndex tri = TriangularIndex.strictlyLowerOfLength(NAME, EventShape.last(NAME, x.shape()));
        int n = tri.side();
        int m = tri.length();
        int[] batch = EventShape.batch(NAME, x.shape(), 1);
        int[] matrix = EventShape.join(batch, n, n);
        Var zero = Var.constant(Tensor.zeros(EventShape.join(batch, 1)));
        Var z = Var.concat(-1, x.tanh(), zero).indexSelect(-1, tri.unpacking(m)).reshape(matrix);
        // log(1 - z²) of entry (i, j - 1) at (i, j): the running sum along the row is then exclusive.
        int[] shifted = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                shifted[i * n + j] = j >= 1 && j - 1 < i ? tri.position(i, j - 1) : m;
            }
        }
        Var logRemaining = Var.concat(-1, Tanh.logSechSquared(x), zero).indexSelect(-1, shifted).reshape(matrix).cumsum(-1);
        return z.add(Tensor.eye(n)).mul(logRemaining.mul(0.5).exp());
    }

    /**
     * {@code x_ij = atanh(L_ij / √(Σ_{k>=j} L_ik²))}: the remaining squared length before column
     * {@code j} is the sum of the row's squares from {@code j} on (summed from the end, without the
     * {@code 1 - Σ} cancellation). Reads the lower triangle and diagonal only.
     */
    @Override
    public Var inverse(Var y) {
        int n = EventShape.square(NAME, y.shape());
        if (n < 2) {
            throw new IllegalArgumentException(NAME + " inverse input must be n×n with n >= 2, got n = " + n);
        }
        TriangularIndex tri = TriangularIndex.strictlyLower(n);
        int[] batch = EventShape.batch(NAME, y.shape(), 2);
        int[] flip = EventShape.reversed(n);
        Var remaining = y.square().indexSelect(-1, flip).cumsum(-1).indexSelect(-1, flip);
        int[] flat = EventShape.join(batch, n * n);
        int[] packed = tri.flatIndices();
        Var z = y.reshape(flat).indexSelect(-1, packed).div(remaining.reshape(flat).indexSelect(-1, packed).sqrt());
        return z.log1p().sub(z.neg().log1p()).mul(0.5);
    }

    /**
     * {@code log |det ∂L/∂x| = Σ_{i>j} (i + 1 - j) [log 2 - x_ij - softplus(-2 x_ij)]}, derived as
     * follows. {@code x ↦ z} is diagonal with {@code log |dz/dx| = log(1 - z²) = log sech²x}. Within
     * row {@code i}, {@code L_ij} depends on {@code z_ik} for {@code k <= j} only, so {@code z ↦ L}
     * is triangular with diagonal {@code ∂L_ij/∂z_ij = √(Π_{k<j}(1 - z_ik²))}; rows are independent.
     * Hence {@code log |det| = Σ_{i>j} [log(1 - z_ij²) + ½ Σ_{k<j} log(1 - z_ik²)]}, and the term
     * {@code log(1 - z_ij²)} appears once on its own and {@code i - 1 - j} times with weight ½:
     * total weight {@code (i + 1 - j)/2} on {@code log sech² x_ij = 2[log 2 - x - softplus(-2x)]}.
     * Summed over the last axis.
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        TriangularIndex tri = TriangularIndex.strictlyLowerOfLength(NAME, EventShape.last(NAME, x.shape()));
        double[] weights = new double[tri.length()];
        for (int i = 0; i < tri.side(); i++) {
            for (int j = 0; j < i; j++) {
                weights[tri.position(i, j)] = 0.5 * (i + 1 - j);
            }
        }
        return Tanh.logSechSquared(x).mul(Tensor.of(weights)).sum(-1);
    }

    /** The real line; the last axis is one point ({@link #domainEventRank} is 1). */
    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.CorrCholesky();
    }

    @Override
    public int domainEventRank() {
        return 1;
    }

    /** {@code [..., n(n-1)/2] → [..., n, n]}. */
    @Override
    public int[] forwardShape(int[] shape) {
        int n = TriangularIndex.strictlyLowerOfLength(NAME, EventShape.last(NAME, shape)).side();
        return EventShape.join(EventShape.batch(NAME, shape, 1), n, n);
    }

    /** {@code [..., n, n] → [..., n(n-1)/2]}. */
    @Override
    public int[] inverseShape(int[] shape) {
        int n = EventShape.square(NAME, shape);
        return EventShape.join(EventShape.batch(NAME, shape, 2), n * (n - 1) / 2);
    }
}
