package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/**
 * Matrix products with NumPy's {@code matmul} rules
 * (https://numpy.org/doc/stable/reference/generated/numpy.matmul.html) on both sides of the BLAS
 * threshold ({@value MatrixProduct#BLAS_THRESHOLD} multiply-adds per matrix). Entries are small
 * integers, so every partial sum is an exact integer and both paths must agree bit for bit.
 */
class MatrixProductTest {

    /** Entries {@code (7 i + 3 j) mod 11 - 5}: small integers without an obvious pattern. */
    private static Tensor integers(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.floorMod(7 * i + 3 * (i / 5), 11) - 5;
        }
        return Tensor.of(v, shape);
    }

    /** The triple loop of the definition, for 2-D operands. */
    private static Tensor naive(Tensor a, Tensor b) {
        int m = a.dim(0);
        int k = a.dim(1);
        int n = b.dim(1);
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c[i * n + j] = s;
            }
        }
        return Tensor.of(c, m, n);
    }

    @Test
    void multipliesMatrices() {
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        assertThat(a.matmul(b)).isEqualTo(Tensor.of(new double[][] {{58, 64}, {139, 154}}));
    }

    @Test
    void productsJustBelowAndAboveTheBlasThresholdMatchTheDefinition() {
        // 16·16·16 = 4096 multiply-adds: the plain loop; 16·16·17 = 4352: BLAS
        for (int[] mkn : new int[][] {{16, 16, 16}, {16, 16, 17}, {17, 16, 16}, {1, 4097, 1}, {1, 100, 50}, {50, 100, 1},
                                      {40, 50, 30}, {3, 2000, 2}}) {
            Tensor a = integers(mkn[0], mkn[1]);
            Tensor b = integers(mkn[1], mkn[2]).add(1);
            assertThat(a.matmul(b)).as("%dx%d @ %dx%d", mkn[0], mkn[1], mkn[1], mkn[2]).isEqualTo(naive(a, b));
        }
    }

    @Test
    void batchedProductsAboveTheThresholdUseTheRightBatchOffsets() {
        Tensor a = integers(3, 20, 30);
        Tensor b = integers(3, 30, 25).sub(2);
        Tensor c = a.matmul(b);
        assertThat(c.shape()).containsExactly(3, 20, 25);
        for (int i = 0; i < 3; i++) {
            Tensor ai = a.slice(0, i, i + 1).reshape(20, 30);
            Tensor bi = b.slice(0, i, i + 1).reshape(30, 25);
            assertThat(c.slice(0, i, i + 1).reshape(20, 25)).isEqualTo(naive(ai, bi));
        }
    }

    @Test
    void aVectorOnTheLeftIsARowAndOnTheRightAColumn() {
        Tensor m = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(Tensor.of(1, 1, 1).matmul(m)).isEqualTo(Tensor.of(9, 12));
        assertThat(m.matmul(Tensor.of(1, -1))).isEqualTo(Tensor.of(-1, -1, -1));
        assertThat(Tensor.of(1, 2, 3).matmul(Tensor.of(4, 5, 6))).isEqualTo(Tensor.scalar(32));
    }

    @Test
    void vectorOperandsBroadcastAgainstBatches() {
        Tensor batch = integers(2, 3, 4);
        assertThat(Tensor.ones(3).matmul(batch).shape()).containsExactly(2, 4);
        assertThat(batch.matmul(Tensor.ones(4)).shape()).containsExactly(2, 3);
        assertThat(batch.matmul(Tensor.ones(4))).isEqualTo(batch.sum(-1));
        assertThat(Tensor.ones(3).matmul(batch)).isEqualTo(batch.sum(-2));
    }

    @Test
    void batchDimensionsBroadcast() {
        Tensor a = integers(2, 1, 3, 4);
        Tensor b = integers(5, 4, 2);
        Tensor c = a.matmul(b);
        assertThat(c.shape()).containsExactly(2, 5, 3, 2);
        Tensor a1 = a.slice(0, 1, 2).reshape(3, 4);
        Tensor b3 = b.slice(0, 3, 4).reshape(4, 2);
        assertThat(c.slice(0, 1, 2).slice(1, 3, 4).reshape(3, 2)).isEqualTo(naive(a1, b3));
        Tensor shared = integers(4, 2);
        assertThat(integers(3, 3, 4).matmul(shared).shape()).containsExactly(3, 3, 2);
    }

    @Test
    void anEmptyInnerDimensionGivesZerosAndEmptyOuterDimensionsGiveEmptyResults() {
        assertThat(Tensor.zeros(3, 0).matmul(Tensor.zeros(0, 4))).isEqualTo(Tensor.zeros(3, 4));
        assertThat(Tensor.zeros(100, 0).matmul(Tensor.zeros(0, 100))).isEqualTo(Tensor.zeros(100, 100));
        assertThat(Tensor.zeros(0, 3).matmul(Tensor.zeros(3, 2)).shape()).containsExactly(0, 2);
        assertThat(Tensor.zeros(2, 0, 3).matmul(Tensor.zeros(3, 4)).shape()).containsExactly(2, 0, 4);
        assertThat(Tensor.zeros(0, 3, 4).matmul(Tensor.zeros(4, 5)).shape()).containsExactly(0, 3, 5);
    }

    @Test
    void mismatchedInnerDimensionsAreRefusedNamingBothShapes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(3, 4).matmul(Tensor.zeros(5, 6)))
                .withMessage("matmul inner dimensions differ: [3, 4] @ [5, 6]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(4).matmul(Tensor.zeros(5)))
                .withMessage("matmul inner dimensions differ: [4] @ [5]");
    }

    @Test
    void mismatchedBatchDimensionsAreRefusedNamingBothShapes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)))
                .withMessage("matmul batch dimensions do not broadcast: [2, 3, 4] @ [3, 4, 5]");
    }

    @Test
    void scalarsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.scalar(2).matmul(Tensor.zeros(2, 2)))
                .withMessage("matmul needs operands of rank >= 1, got [] and [2, 2]");
    }

    @Test
    void nonFiniteEntriesPropagateOnBothSidesOfTheThreshold() {
        // IEEE: NaN · 0 = NaN and ∞ · 0 = NaN; a BLAS that skips zero entries would hide them
        for (int n : new int[] {4, 20}) {
            double[] av = new double[n * n];
            av[0] = Double.NaN;
            av[n + 1] = Double.POSITIVE_INFINITY;
            Tensor a = Tensor.of(av, n, n);
            Tensor c = a.matmul(Tensor.zeros(n, n));
            assertThat(c.get(0, 0)).as("n = %d", n).isNaN();
            assertThat(c.get(1, n - 1)).as("n = %d", n).isNaN();
            assertThat(c.get(2, 0)).as("n = %d", n).isEqualTo(0.0);
            Tensor d = Tensor.zeros(n, n).matmul(a);
            assertThat(d.get(0, 0)).as("n = %d", n).isNaN();
            assertThat(d.get(n - 1, 1)).as("n = %d", n).isNaN();
        }
    }
}
