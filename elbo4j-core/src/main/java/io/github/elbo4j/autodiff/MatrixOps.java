package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * Differentiable matrix product. For {@code C = A B} (batched, NumPy rules):
 * {@code Ā = C̄ Bᵀ} and {@code B̄ = Aᵀ C̄}, summed over broadcast batch dimensions (Giles,
 * "An extended collection of matrix derivative results for forward and reverse mode AD", 2008).
 */
final class MatrixOps {

    private MatrixOps() {
    }

    static Var matmul(Var a, Var b) {
        Tensor out = a.value().matmul(b.value());
        Tape t = Tape.of(a, b);
        if (t == null) {
            return Var.constant(out);
        }
        return t.record(out, (g, adj) -> {
            Tensor a2 = asMatrix(a.value(), true);
            Tensor b2 = asMatrix(b.value(), false);
            Tensor g2 = g.reshape(promotedOutputShape(a2, b2));
            if (a.isTracked()) {
                adj.add(a, LinearAlgebra.matmul(g2, false, b2, true).sumToShapeOf(a2).reshape(a.value().shape()));
            }
            if (b.isTracked()) {
                adj.add(b, LinearAlgebra.matmul(a2, true, g2, false).sumToShapeOf(b2).reshape(b.value().shape()));
            }
        });
    }

    /** A 1-D operand as the matrix NumPy uses: a row on the left, a column on the right. */
    private static Tensor asMatrix(Tensor x, boolean left) {
        if (x.rank() != 1) {
            return x;
        }
        return left ? x.reshape(1, x.size()) : x.reshape(x.size(), 1);
    }

    private static int[] promotedOutputShape(Tensor a2, Tensor b2) {
        int[] sa = a2.shape();
        int[] sb = b2.shape();
        int batchRank = Math.max(sa.length, sb.length) - 2;
        int[] out = new int[batchRank + 2];
        for (int i = 0; i < batchRank; i++) {
            int ia = i - (batchRank - (sa.length - 2));
            int ib = i - (batchRank - (sb.length - 2));
            int da = ia >= 0 ? sa[ia] : 1;
            int db = ib >= 0 ? sb[ib] : 1;
            out[i] = Math.max(da, db);
        }
        out[batchRank] = sa[sa.length - 2];
        out[batchRank + 1] = sb[sb.length - 1];
        return out;
    }
}
