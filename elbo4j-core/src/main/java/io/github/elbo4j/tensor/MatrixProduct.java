package io.github.elbo4j.tensor;

import dev.ludovic.netlib.blas.BLAS;
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

    private MatrixProduct() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        int[] sa = a.shapeView();
        int[] sb = b.shapeView();
        if (sa.length == 0 || sb.length == 0) {
            throw new IllegalArgumentException("matmul needs operands of rank >= 1, got " + Arrays.toString(sa)
                    + " and " + Arrays.toString(sb));
        }
        int[] ma = sa.length == 1 ? new int[] {1, sa[0]} : sa;
        int[] mb = sb.length == 1 ? new int[] {sb[0], 1} : sb;
        int m = ma[ma.length - 2];
        int k = ma[ma.length - 1];
        int n = mb[mb.length - 1];
        if (mb[mb.length - 2] != k) {
            throw new IllegalArgumentException("matmul inner dimensions differ: " + Arrays.toString(sa) + " @ " + Arrays.toString(sb));
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
            gemm(m, n, k, x, i * m * k, y, i * k * n, c, i * m * n);
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
        if ((long) m * n * k <= BLAS_THRESHOLD) {
            for (int i = 0; i < m; i++) {
                int ci = co + i * n;
                for (int p = 0; p < k; p++) {
                    double aip = a[ao + i * k + p];
                    int bp = bo + p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            }
            return;
        }
        BLAS.getInstance().dgemm("N", "N", n, m, k, 1.0, b, bo, Math.max(1, n), a, ao, Math.max(1, k), 0.0, c, co, Math.max(1, n));
    }
}
