package io.github.elbo4j.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Arrays;

/**
 * Batched matrix product {@code [..., m, k] @ [..., k, n] -> [..., m, n]} with NumPy's
 * {@code matmul} rules: batch dimensions broadcast; a 1-D left operand is a row vector and a 1-D
 * right operand a column vector, and the added dimension is dropped from the result.
 *
 * <p>Products with more than {@value #BLAS_THRESHOLD} multiply-adds go to BLAS {@code dgemm}
 * through {@code dev.ludovic.netlib} (native OpenBLAS when {@code libblas.so.3} is installed,
 * pure Java otherwise); smaller ones use a plain loop, which beats the JNI call overhead.
 */
final class MatrixProduct {

    static final long BLAS_THRESHOLD = 4096;

    /**
     * netlib's pure-Java {@code dgemm} (the fallback when no native BLAS loads) slows down about
     * fourfold once {@code op(B)} has more than this many elements (8 MiB): 11 GFLOP/s at n = 1024,
     * 5.7 at 1536, 2.4 at 2048 (VectorBLAS: 28, 5.9, 2.6) on a 2-core AMD EPYC, so it stops fitting
     * its caches. Larger products are summed over slices of {@value #JAVA_SLICE_DEPTH} along the
     * inner dimension, which keeps the speed of the small sizes (docs/benchmarks.md). Native BLAS
     * blocks for its caches itself and always gets the whole product.
     */
    static final long JAVA_SLICE_ELEMENTS = 1L << 20;

    /** Inner-dimension length of one slice (a 256 × n slice of B: 4 MiB at n = 2048). */
    static final int JAVA_SLICE_DEPTH = 256;

    private MatrixProduct() {
    }

    /** {@code out[i, j] = a[i] · b[j]} for two vectors. */
    static Tensor outer(Tensor a, Tensor b) {
        if (a.rank() != 1 || b.rank() != 1) {
            throw new IllegalArgumentException("outer needs two vectors, got " + java.util.Arrays.toString(a.shape())
                    + " and " + java.util.Arrays.toString(b.shape()));
        }
        return a.reshape(a.size(), 1).mul(b.reshape(1, b.size()));
    }

    static Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, false, b, false);
    }

    /**
     * {@code op(A) @ op(B)} where {@code op} transposes the last two axes when asked, without
     * materializing the transpose (BLAS transposition flags). Operands of rank 1 are promoted as
     * in {@link #matmul(Tensor, Tensor)} and cannot be transposed.
     */
    static Tensor matmul(Tensor a, boolean transA, Tensor b, boolean transB) {
        int[] sa = a.shapeView();
        int[] sb = b.shapeView();
        if (sa.length == 0 || sb.length == 0) {
            throw new IllegalArgumentException("matmul needs operands of rank >= 1, got " + Arrays.toString(sa)
                    + " and " + Arrays.toString(sb));
        }
        if ((transA && sa.length < 2) || (transB && sb.length < 2)) {
            throw new IllegalArgumentException("matmul can transpose only operands of rank >= 2, got " + Arrays.toString(sa)
                    + " and " + Arrays.toString(sb));
        }
        int[] ma = sa.length == 1 ? new int[] {1, sa[0]} : sa;
        int[] mb = sb.length == 1 ? new int[] {sb[0], 1} : sb;
        int m = ma[ma.length - (transA ? 1 : 2)];
        int k = ma[ma.length - (transA ? 2 : 1)];
        int n = mb[mb.length - (transB ? 2 : 1)];
        if (mb[mb.length - (transB ? 1 : 2)] != k) {
            throw new IllegalArgumentException("matmul inner dimensions differ: " + Arrays.toString(sa) + (transA ? "ᵀ" : "")
                    + " @ " + Arrays.toString(sb) + (transB ? "ᵀ" : ""));
        }
        int[] batchA = Arrays.copyOf(ma, ma.length - 2);
        int[] batchB = Arrays.copyOf(mb, mb.length - 2);
        if (!ShapeRules.broadcastable(batchA, batchB)) {
            throw new IllegalArgumentException("matmul batch dimensions do not broadcast: " + Arrays.toString(sa)
                    + " @ " + Arrays.toString(sb));
        }
        int[] batch = ShapeRules.broadcast(batchA, batchB);
        int count = ShapeRules.size(batch);
        double[] x = expandBatch(a.dataView(), batchA, batch, m * k);
        double[] y = expandBatch(b.dataView(), batchB, batch, k * n);
        double[] c = new double[count * m * n];
        for (int i = 0; i < count; i++) {
            gemm(m, n, k, transA, x, i * m * k, transB, y, i * k * n, c, i * m * n);
        }
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = m;
        shape[batch.length + 1] = n;
        if (sa.length == 1 || sb.length == 1) {
            shape = dropVectorAxes(shape, sa.length == 1, sb.length == 1);
        }
        return new Tensor(c, shape);
    }

    private static double[] expandBatch(double[] data, int[] from, int[] to, int block) {
        if (ShapeRules.size(from) == ShapeRules.size(to)) {
            return data;
        }
        int[] fromFull = Arrays.copyOf(from, from.length + 1);
        fromFull[from.length] = block;
        int[] toFull = Arrays.copyOf(to, to.length + 1);
        toFull[to.length] = block;
        return BroadcastKernel.expand(data, fromFull, toFull);
    }

    private static int[] dropVectorAxes(int[] shape, boolean leftVector, boolean rightVector) {
        int r = shape.length;
        if (leftVector && rightVector) {
            return Arrays.copyOf(shape, r - 2);
        }
        int[] out = Arrays.copyOf(shape, r - 1);
        if (!rightVector) {
            out[r - 2] = shape[r - 1];
        }
        return out;
    }

    /**
     * Row-major {@code C = A B} with A {@code m×k} at {@code ao}, B {@code k×n} at {@code bo}, C
     * {@code m×n} at {@code co}, which must hold zeros on entry. Row-major C is column-major Cᵀ = Bᵀ Aᵀ, so the
     * BLAS call swaps the operands.
     */
    static void gemm(int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co) {
        gemm(m, n, k, false, a, ao, false, b, bo, c, co);
    }

    /**
     * Row-major {@code C = op(A) op(B)}, {@code op(A)} being {@code m×k} and {@code op(B)}
     * {@code k×n}; {@code A} is stored {@code k×m} when {@code transA} (likewise B). Column-major
     * BLAS computes {@code Cᵀ = op(B)ᵀ op(A)ᵀ}: the row-major storage of an untransposed operand
     * is already that transpose ("N"), of a transposed one its transpose ("T").
     */
    static void gemm(int m, int n, int k, boolean transA, double[] a, int ao, boolean transB, double[] b, int bo, double[] c, int co) {
        if ((long) m * n * k <= BLAS_THRESHOLD) {
            for (int i = 0; i < m; i++) {
                int ci = co + i * n;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[ao + p * m + i] : a[ao + i * k + p];
                    if (transB) {
                        for (int j = 0; j < n; j++) {
                            c[ci + j] += aip * b[bo + j * k + p];
                        }
                    } else {
                        int bp = bo + p * n;
                        for (int j = 0; j < n; j++) {
                            c[ci + j] += aip * b[bp + j];
                        }
                    }
                }
            }
            return;
        }
        BLAS blas = BLAS.getInstance();
        if (!(blas instanceof NativeBLAS) && (long) k * n > JAVA_SLICE_ELEMENTS) {
            gemmInSlices(blas, m, n, k, transA, a, ao, transB, b, bo, c, co);
            return;
        }
        blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0,
                b, bo, Math.max(1, transB ? k : n), a, ao, Math.max(1, transA ? m : k), 0.0, c, co, Math.max(1, n));
    }

    /**
     * {@code C = Σ_s op(A)[:, s] op(B)[s, :]} over consecutive slices {@code s} of at most
     * {@value #JAVA_SLICE_DEPTH} along the inner dimension, each copied into untransposed row-major
     * blocks first (netlib bounds-checks a sub-matrix as offset + leading dimension × columns, so a
     * slice cannot be addressed in place). Arguments as in {@link #gemm}; C must hold zeros on
     * entry and is the only array written. The inner sums are grouped by slice, so the last bits
     * can differ from a single {@code dgemm} call.
     */
    static void gemmInSlices(BLAS blas, int m, int n, int k, boolean transA, double[] a, int ao,
            boolean transB, double[] b, int bo, double[] c, int co) {
        int depth = Math.min(JAVA_SLICE_DEPTH, k);
        double[] sliceA = new double[m * depth];
        double[] sliceB = new double[depth * n];
        for (int p0 = 0; p0 < k; p0 += depth) {
            int kb = Math.min(depth, k - p0);
            for (int i = 0; i < m; i++) {
                if (transA) {
                    for (int p = 0; p < kb; p++) {
                        sliceA[i * kb + p] = a[ao + (p0 + p) * m + i];
                    }
                } else {
                    System.arraycopy(a, ao + i * k + p0, sliceA, i * kb, kb);
                }
            }
            for (int p = 0; p < kb; p++) {
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        sliceB[p * n + j] = b[bo + j * k + p0 + p];
                    }
                } else {
                    System.arraycopy(b, bo + (p0 + p) * n, sliceB, p * n, n);
                }
            }
            blas.dgemm("N", "N", n, m, kb, 1.0, sliceB, 0, n, sliceA, 0, kb, 1.0, c, co, n);
        }
    }
}
