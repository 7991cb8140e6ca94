package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sliced product that large matrices take with the pure-Java BLAS, called directly with that
 * BLAS (whichever one the machine loads) and compared with the triple loop, for every
 * transposition and an inner dimension that is not a multiple of the slice depth.
 */
class MatrixProductSlicingTest {

    @Test
    void slicedProductEqualsTheTripleLoopForEveryTransposition() {
        int m = 3;
        int n = 5;
        int k = 2 * MatrixProduct.JAVA_SLICE_DEPTH + 37;
        SplittableRandom rng = new SplittableRandom(7);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble(-1, 1);
        }
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                double[] c = new double[m * n + 2];
                MatrixProduct.gemmInSlices(JavaBLAS.getInstance(), m, n, k, transA, a, 0, transB, b, 0, c, 2);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            s += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
                        }
                        assertThat(c[2 + i * n + j]).as("transA %s transB %s at (%d, %d)", transA, transB, i, j)
                                .isCloseTo(s, within(1e-12));
                    }
                }
                assertThat(c[0]).isZero();
                assertThat(c[1]).isZero();
            }
        }
    }
}
