package io.github.elbo4j.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Triangular solves {@code op(T) X = B}, {@code op(T) = T} or {@code Tᵀ}, for one row-major
 * {@code n×n} triangular {@code T} and an {@code n×k} right-hand side overwritten by {@code X},
 * and the batched, broadcasting driver around them.
 *
 * <p>Plain substitution loops, or BLAS {@code dtrsm} through {@code dev.ludovic.netlib} when a
 * native BLAS is loaded and {@code n²k} exceeds {@value #NETLIB_MIN_WORK}. Without a native
 * library the loops are used: the pure-Java {@code dtrsm} was measured no faster (JDK 17, 2 cores:
 * n = 40, k = 1: 3.7 µs vs 2.7 µs for the loop; n = k = 40: 24 µs for both; n = 300, k = 1:
 * 321 vs 249 µs).
 */
final class TriangularKernel {

    /** Smallest {@code n²k} sent to a native BLAS (the threshold of {@link MatrixProduct}). */
    static final long NETLIB_MIN_WORK = MatrixProduct.BLAS_THRESHOLD;

    private static final boolean NATIVE = BLAS.getInstance() instanceof NativeBLAS;

    private TriangularKernel() {
    }

    /**
     * Solves every matrix of a batch. {@code t} holds triangular matrices with batch shape
     * {@code batchT}, {@code b} right-hand sides with batch shape {@code batchB}; both broadcast to
     * {@code batch}. Returns a new array of {@code size(batch)} solutions, {@code n×k} each.
     */
    static double[] solveBatch(double[] t, int[] batchT, double[] b, int[] batchB, int[] batch,
            int n, int k, boolean lower, boolean transpose) {
        int block = n * k;
        double[] x = ShapeRules.size(batchB) == ShapeRules.size(batch)
                ? b.clone()
                : BroadcastKernel.expand(b, withBlock(batchB, block), withBlock(batch, block));
        solveAll(t, sourceIndex(batchT, batch), x, n, k, lower, transpose);
        return x;
    }

    /**
     * Overwrites each {@code n×k} block {@code i} of {@code x} with its solution against matrix
     * {@code source[i]} of {@code t} (see {@link #sourceIndex}).
     */
    static void solveAll(double[] t, int[] source, double[] x, int n, int k, boolean lower, boolean transpose) {
        for (int i = 0; i < source.length; i++) {
            solve(t, source[i] * n * n, x, i * n * k, n, k, lower, transpose);
        }
    }

    /**
     * Overwrites the row-major {@code n×k} block {@code x[xOff ..]} holding {@code B} with the
     * {@code X} of {@code op(T) X = B}; reads only the triangle of {@code t[tOff ..]} named by
     * {@code lower}. {@code t} and {@code x} must be different arrays.
     */
    static void solve(double[] t, int tOff, double[] x, int xOff, int n, int k, boolean lower, boolean transpose) {
        if (t == x) {
            throw new IllegalArgumentException("triangular solve: the matrix and the right-hand side must not share an array");
        }
        if (NATIVE && (long) n * n * k > NETLIB_MIN_WORK) {
            solveNetlib(t, tOff, x, xOff, n, k, lower, transpose);
        } else {
            solveLoop(t, tOff, x, xOff, n, k, lower, transpose);
        }
    }

    /**
     * {@link #solve} by substitution on rows. With {@code S = op(T)}, row {@code i} of {@code X}
     * is {@code (B_i - Σ_j S_ij X_j) / S_ii} over the {@code j} already solved: forward
     * ({@code j < i}) when {@code S} is lower triangular, backward ({@code j > i}) when upper
     * (Golub &amp; Van Loan, "Matrix Computations", 4th ed., 2013, §3.1). {@code S_ij} is
     * read as {@code T_ij} or, transposed, {@code T_ji}; the inner loop runs along a row of
     * {@code X}.
     */
    static void solveLoop(double[] t, int tOff, double[] x, int xOff, int n, int k, boolean lower, boolean transpose) {
        int rowStride = transpose ? 1 : n;
        int colStride = transpose ? n : 1;
        boolean forward = lower != transpose;
        for (int c = 0; c < n; c++) {
            int i = forward ? c : n - 1 - c;
            int xi = xOff + i * k;
            int from = forward ? 0 : i + 1;
            int end = forward ? i : n;
            for (int j = from; j < end; j++) {
                double sij = t[tOff + i * rowStride + j * colStride];
                int xj = xOff + j * k;
                for (int q = 0; q < k; q++) {
                    x[xi + q] -= sij * x[xj + q];
                }
            }
            double sii = t[tOff + i * (rowStride + colStride)];
            for (int q = 0; q < k; q++) {
                x[xi + q] /= sii;
            }
        }
    }

    /**
     * {@link #solve} by BLAS {@code dtrsm}. Row-major {@code X} ({@code n×k}) is column-major
     * {@code Xᵀ} and row-major {@code T} is column-major {@code M = Tᵀ}, so {@code op(T) X = B}
     * becomes {@code Xᵀ op(T)ᵀ = Bᵀ}: a right-side solve with {@code M} ({@code transpose = false})
     * or {@code Mᵀ}, whose stored triangle is the other one.
     */
    static void solveNetlib(double[] t, int tOff, double[] x, int xOff, int n, int k, boolean lower, boolean transpose) {
        BLAS.getInstance().dtrsm("R", lower ? "U" : "L", transpose ? "T" : "N", "N",
                k, n, 1.0, t, tOff, Math.max(1, n), x, xOff, Math.max(1, k));
    }

    /** For each flat index of {@code to}, the flat index of {@code from} that broadcasts to it. */
    static int[] sourceIndex(int[] from, int[] to) {
        int count = ShapeRules.size(to);
        int[] out = new int[count];
        if (ShapeRules.size(from) == count) {
            for (int i = 0; i < count; i++) {
                out[i] = i;
            }
            return out;
        }
        int[] stride = BroadcastKernel.alignedStrides(from, to);
        int[] index = new int[to.length];
        int source = 0;
        for (int i = 0; i < count; i++) {
            out[i] = source;
            for (int d = to.length - 1; d >= 0; d--) {
                index[d]++;
                source += stride[d];
                if (index[d] < to[d]) {
                    break;
                }
                source -= stride[d] * to[d];
                index[d] = 0;
            }
        }
        return out;
    }

    private static int[] withBlock(int[] batch, int block) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 1);
        s[batch.length] = block;
        return s;
    }
}
