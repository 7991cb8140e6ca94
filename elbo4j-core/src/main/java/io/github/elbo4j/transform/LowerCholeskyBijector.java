package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * From {@code ℝ^{n(n+1)/2}} onto lower-triangular {@code n×n} matrices with a positive diagonal
 * (Cholesky factors of covariance matrices; Stan Reference Manual, "Constraint Transforms",
 * "Cholesky factors of covariance matrices"). The vector fills the lower triangle row by row,
 * {@code (i, j)} with {@code j <= i} from element {@code i(i+1)/2 + j}; diagonal elements pass
 * through {@code exp}: {@code L_ii = e^{x_{i(i+1)/2+i}}}, {@code L_ij = x_{i(i+1)/2+j}} for {@code j < i}.
 *
 * <p>The free coordinates of the codomain are the lower-triangular entries (row-major); the
 * last axis of length {@code n(n+1)/2} becomes two axes {@code n×n}. Named with a suffix so it
 * does not clash with the constraint {@link Constraint.LowerCholesky}.
 */
public record LowerCholeskyBijector() implements Bijector {

    private static final String NAME = "LowerCholeskyBijector";
    private static final LowerCholeskyBijector INSTANCE = new LowerCholeskyBijector();

    /** The bijector onto lower Cholesky factors. */
    public static LowerCholeskyBijector of() {
        return INSTANCE;
    }

    /** Unpacks {@code x} into the lower triangle, exponentiating the diagonal; zeros above. */
    @Override
    public Var forward(Var x) {
        TriangularIndex tri = TriangularIndex.lowerOfLength(NAME, EventShape.last(NAME, x.shape()));
        int n = tri.side();
        int[] batch = EventShape.batch(NAME, x.shape(), 1);
        // Pieces in the order [diagonal..., off-diagonal..., 0]; `unpack` sends each matrix entry to its piece.
        int[] diagonal = diagonalPositions(tri);
        int[] offDiagonal = offDiagonalPositions(tri);
        List<Var> pieces = new ArrayList<>();
        pieces.add(x.indexSelect(-1, diagonal).exp());
        if (offDiagonal.length > 0) {
            pieces.add(x.indexSelect(-1, offDiagonal));
        }
        pieces.add(Var.constant(Tensor.zeros(EventShape.join(batch, 1))));
        int[] unpack = new int[n * n];
        java.util.Arrays.fill(unpack, n + offDiagonal.length);
        int r = 0;
        for (int i = 0; i < n; i++) {
            unpack[i * n + i] = i;
            for (int j = 0; j < i; j++) {
                unpack[i * n + j] = n + r++;
            }
        }
        return Var.concat(-1, pieces.toArray(new Var[0])).indexSelect(-1, unpack).reshape(EventShape.join(batch, n, n));
    }

    /** Packs the lower triangle of {@code y} row by row, taking {@code log} of the diagonal; the upper triangle is ignored. */
    @Override
    public Var inverse(Var y) {
        int n = EventShape.square(NAME, y.shape());
        TriangularIndex tri = TriangularIndex.lower(n);
        int[] batch = EventShape.batch(NAME, y.shape(), 2);
        Var flat = y.reshape(EventShape.join(batch, n * n));
        Var packed = flat.indexSelect(-1, tri.flatIndices());
        Var logDiagonal = flat.indexSelect(-1, tri.diagonalFlatIndices()).log();
        int[] offDiagonal = offDiagonalPositions(tri);
        // Pieces in the order [log diagonal..., off-diagonal...]; `pack` sends each vector position to its piece.
        int[] pack = new int[tri.length()];
        for (int i = 0; i < n; i++) {
            pack[tri.position(i, i)] = i;
        }
        for (int r = 0; r < offDiagonal.length; r++) {
            pack[offDiagonal[r]] = n + r;
        }
        Var pieces = offDiagonal.length == 0 ? logDiagonal
                : Var.concat(-1, logDiagonal, packed.indexSelect(-1, offDiagonal));
        return pieces.indexSelect(-1, pack);
    }

    /**
     * {@code log |det ∂L/∂x| = Σ_i x_{i(i+1)/2+i}}, the sum of the diagonal inputs: the Jacobian
     * between {@code x} and the packed lower triangle is diagonal, {@code e^{x}} on the diagonal
     * entries and 1 elsewhere. Summed over the last axis.
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        TriangularIndex tri = TriangularIndex.lowerOfLength(NAME, EventShape.last(NAME, x.shape()));
        return x.indexSelect(-1, diagonalPositions(tri)).sum(-1);
    }

    /** The real line; the last axis is one point ({@link #domainEventRank} is 1). */
    @Override
    public Constraint domain() {
        return new Constraint.Real();
    }

    @Override
    public Constraint codomain() {
        return new Constraint.LowerCholesky();
    }

    @Override
    public int domainEventRank() {
        return 1;
    }

    /** {@code [..., n(n+1)/2] → [..., n, n]}. */
    @Override
    public int[] forwardShape(int[] shape) {
        int n = TriangularIndex.lowerOfLength(NAME, EventShape.last(NAME, shape)).side();
        return EventShape.join(EventShape.batch(NAME, shape, 1), n, n);
    }

    /** {@code [..., n, n] → [..., n(n+1)/2]}. */
    @Override
    public int[] inverseShape(int[] shape) {
        int n = EventShape.square(NAME, shape);
        return EventShape.join(EventShape.batch(NAME, shape, 2), n * (n + 1) / 2);
    }

    private static int[] diagonalPositions(TriangularIndex tri) {
        int[] d = new int[tri.side()];
        for (int i = 0; i < d.length; i++) {
            d[i] = tri.position(i, i);
        }
        return d;
    }

    private static int[] offDiagonalPositions(TriangularIndex tri) {
        int n = tri.side();
        int[] out = new int[n * (n - 1) / 2];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                out[r++] = tri.position(i, j);
            }
        }
        return out;
    }
}
