package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Static factories. Exact, except arange and linspace (1e-15 absolute: one multiply-add per element). */
class CreationTest {

    @Test
    void ofMakesAVectorOrAShapedTensor() {
        assertThat(Tensor.of(1, 2, 3).shape()).containsExactly(3);
        Tensor m = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertThat(m.shape()).containsExactly(3, 2);
        assertThat(m.get(2, 0)).isEqualTo(5.0);
        assertThat(Tensor.of().shape()).containsExactly(0);
        assertThat(Tensor.of(new double[] {7}, new int[0])).isEqualTo(Tensor.scalar(7));
    }

    @Test
    void ofRefusesAValueCountThatDoesNotFitTheShape() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.of(new double[] {1, 2, 3}, 2, 2))
                .withMessage("Tensor has 3 values but shape [2, 2] needs 4");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.of(new double[] {1, 2}, 2, -1))
                .withMessage("shape dimensions must be >= 0, got [2, -1]");
    }

    @Test
    void ofRowsMakesAMatrixAndRefusesRaggedRows() {
        Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.shape()).containsExactly(2, 3);
        assertThat(m.get(1, 2)).isEqualTo(6.0);
        assertThat(Tensor.of(new double[0][]).shape()).containsExactly(0, 0);
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.of(new double[][] {{1, 2, 3}, {4, 5}}))
                .withMessage("row 1 has length 2, expected 3");
    }

    @Test
    void scalarHasRankZeroAndOneElement() {
        Tensor s = Tensor.scalar(2.5);
        assertThat(s.rank()).isZero();
        assertThat(s.shape()).isEmpty();
        assertThat(s.item()).isEqualTo(2.5);
    }

    @Test
    void zerosOnesAndFullFillTheirShape() {
        assertThat(Tensor.zeros(2, 3).toArray()).hasSize(6).containsOnly(0.0);
        assertThat(Tensor.ones(4).toArray()).containsExactly(1, 1, 1, 1);
        assertThat(Tensor.full(-1.5, 2, 2).toArray()).containsOnly(-1.5);
        assertThat(Tensor.zeros()).isEqualTo(Tensor.scalar(0));
        assertThat(Tensor.ones(3, 0).size()).isZero();
        assertThat(Tensor.full(Double.NaN, 2).toArray()).containsOnly(Double.NaN);
    }

    @Test
    void negativeOrOversizedShapesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(2, -3))
                .withMessage("shape dimensions must be >= 0, got [2, -3]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.ones(-1))
                .withMessage("shape dimensions must be >= 0, got [-1]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(65536, 65536))
                .withMessage("shape [65536, 65536] has more than 2^31-1 elements");
    }

    @Test
    void arangeCountsFromStartBelowStop() {
        assertThat(Tensor.arange(4).toArray()).containsExactly(0, 1, 2, 3);
        assertThat(Tensor.arange(0).size()).isZero();
        assertThat(Tensor.arange(-3).size()).isZero();
        assertThat(Tensor.arange(1, 2, 0.25).toArray()).containsExactly(1, 1.25, 1.5, 1.75);
        assertThat(Tensor.arange(5, -1, -1.5).toArray()).containsExactly(5, 3.5, 2, 0.5);
        assertThat(Tensor.arange(3, 0, 1).size()).isZero();
        assertThat(Tensor.arange(2, 2, 1).size()).isZero();
        double[] tenths = Tensor.arange(0, 1, 0.1).toArray();
        assertThat(tenths).hasSize(10);
        assertThat(tenths[9]).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void arangeRefusesAZeroOrNonFiniteStepAndNonFiniteBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.arange(0, 1, 0))
                .withMessage("arange step must be finite and non-zero, got 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.arange(0, 1, Double.NaN))
                .withMessage("arange step must be finite and non-zero, got NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.arange(0, Double.POSITIVE_INFINITY, 1))
                .withMessage("arange bounds must be finite, got start 0.0 and stop Infinity");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.arange(Double.NaN, 1, 1))
                .withMessage("arange bounds must be finite, got start NaN and stop 1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.arange(0, 1e10, 1))
                .withMessage("arange(0.0, 1.0E10, 1.0) has more than 2^31-1 elements");
    }

    @Test
    void linspaceHitsBothEndpointsExactly() {
        Tensor x = Tensor.linspace(0, 1, 7);
        assertThat(x.size()).isEqualTo(7);
        assertThat(x.get(0)).isEqualTo(0.0);
        assertThat(x.get(6)).isEqualTo(1.0);
        assertThat(x.get(3)).isCloseTo(0.5, within(1e-15));
        assertThat(Tensor.linspace(1, -1, 3).toArray()).containsExactly(1, 0, -1);
        assertThat(Tensor.linspace(-2, 3, 1).toArray()).containsExactly(-2);
    }

    @Test
    void linspaceRefusesFewerThanOnePoint() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.linspace(0, 1, 0))
                .withMessage("linspace count must be >= 1, got 0");
    }

    @Test
    void eyeIsTheIdentityMatrix() {
        Tensor i3 = Tensor.eye(3);
        assertThat(i3).isEqualTo(Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
        assertThat(Tensor.eye(0).shape()).containsExactly(0, 0);
        Tensor m = Tensor.arange(6).reshape(3, 2);
        assertThat(i3.matmul(m)).isEqualTo(m);
    }

    @Test
    void eyeRefusesANegativeSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.eye(-1))
                .withMessage("eye size must be >= 0, got -1");
        // 65536² overflows int to 0: it used to fail with an ArrayIndexOutOfBoundsException
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.eye(65536))
                .withMessage("shape [65536, 65536] has more than 2^31-1 elements");
    }

    @Test
    void indexOfChecksItsShape() {
        Index i = Index.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(i.shape()).containsExactly(2, 3);
        assertThat(i.values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Index.of(4, 5).shape()).containsExactly(2);
        assertThatIllegalArgumentException().isThrownBy(() -> Index.of(new int[] {1, 2, 3}, 2, 2))
                .withMessage("Index has 3 values but shape [2, 2] needs 4");
    }
}
