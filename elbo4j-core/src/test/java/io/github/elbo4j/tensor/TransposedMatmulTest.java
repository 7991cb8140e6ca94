package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code LinearAlgebra.matmul(a, transA, b, transB)} equals the product of explicitly transposed
 * operands, below and above the BLAS threshold and batched. Inputs are multiples of 1/8 so every
 * product and sum is exact: the comparison is exact equality.
 */
class TransposedMatmulTest {

    private static Tensor eighths(Random r, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextInt(33) - 16) / 8.0;
        }
        return Tensor.of(v, shape);
    }

    @Test
    void transposedOperandsMatchExplicitTransposes() {
        Random r = new Random(3);
        for (int[] mkn : new int[][] {{3, 4, 5}, {1, 7, 2}, {40, 30, 20}, {64, 64, 64}}) {
            int m = mkn[0];
            int k = mkn[1];
            int n = mkn[2];
            Tensor a = eighths(r, m, k);
            Tensor b = eighths(r, k, n);
            Tensor expected = a.matmul(b);
            assertThat(LinearAlgebra.matmul(a.transpose(), true, b, false)).isEqualTo(expected);
            assertThat(LinearAlgebra.matmul(a, false, b.transpose(), true)).isEqualTo(expected);
            assertThat(LinearAlgebra.matmul(a.transpose(), true, b.transpose(), true)).isEqualTo(expected);
        }
    }

    @Test
    void batchedTransposesBroadcastLikeMatmul() {
        Random r = new Random(4);
        Tensor a = eighths(r, 2, 1, 5, 3);
        Tensor b = eighths(r, 4, 5, 6);
        assertThat(LinearAlgebra.matmul(a, true, b, false)).isEqualTo(a.transpose().matmul(b));
    }

    @Test
    void vectorsCannotBeTransposed() {
        assertThatThrownBy(() -> LinearAlgebra.matmul(Tensor.of(1, 2), true, Tensor.eye(2), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can transpose only operands of rank >= 2");
    }
}
