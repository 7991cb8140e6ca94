package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Element access, slice, indexSelect/indexAdd, gather/scatterAdd and concat/stack. Exact: these
 * copy elements or add small integers. Index errors name the axis and its bounds.
 */
class IndexingTest {

    /** {@code x[i, j] = 10 i + j}, shape [3, 4]. */
    private static Tensor grid() {
        double[] v = new double[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                v[i * 4 + j] = 10 * i + j;
            }
        }
        return Tensor.of(v, 3, 4);
    }

    @Test
    void getReadsRowMajorPositions() {
        assertThat(grid().get(2, 1)).isEqualTo(21.0);
        assertThat(Tensor.scalar(4).get()).isEqualTo(4.0);
        assertThat(Tensor.arange(24).reshape(2, 3, 4).get(1, 2, 3)).isEqualTo(23.0);
    }

    @Test
    void getRefusesAnIndexOfTheWrongRankOrOutOfBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> grid().get(1))
                .withMessage("index [1] has rank 1 but the tensor has shape [3, 4]");
        assertThatThrownBy(() -> grid().get(1, 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 4 is out of bounds for axis 1 with size 4");
        assertThatThrownBy(() -> grid().get(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index -1 is out of bounds for axis 0 with size 3");
    }

    @Test
    void sliceTakesAHalfOpenRangeAlongOneAxis() {
        assertThat(grid().slice(0, 1, 3)).isEqualTo(Tensor.of(new double[][] {{10, 11, 12, 13}, {20, 21, 22, 23}}));
        assertThat(grid().slice(1, 1, 3)).isEqualTo(Tensor.of(new double[][] {{1, 2}, {11, 12}, {21, 22}}));
        assertThat(grid().slice(-1, 3, 4)).isEqualTo(Tensor.of(new double[] {3, 13, 23}, 3, 1));
        assertThat(grid().slice(1, 0, 4)).isEqualTo(grid());
    }

    @Test
    void aSliceWithEqualBoundsIsEmpty() {
        Tensor s = grid().slice(1, 2, 2);
        assertThat(s.shape()).containsExactly(3, 0);
        assertThat(s.size()).isZero();
        assertThat(grid().slice(0, 3, 3).shape()).containsExactly(0, 4);
    }

    @Test
    void sliceRefusesBoundsOutsideTheAxisNamingAxisAndSize() {
        assertThatThrownBy(() -> grid().slice(1, 1, 5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("slice [1, 5) is out of bounds for axis 1 with size 4");
        assertThatThrownBy(() -> grid().slice(0, -1, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("slice [-1, 2) is out of bounds for axis 0 with size 3");
        assertThatThrownBy(() -> grid().slice(0, 2, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("slice [2, 1) is out of bounds for axis 0 with size 3");
        assertThatIllegalArgumentException().isThrownBy(() -> grid().slice(2, 0, 1))
                .withMessage("axis 2 is out of bounds for rank 2");
    }

    @Test
    void indexSelectRepeatsAndReorders() {
        assertThat(grid().indexSelect(0, 2, 0, 2)).isEqualTo(Tensor.of(new double[][] {
            {20, 21, 22, 23}, {0, 1, 2, 3}, {20, 21, 22, 23}}));
        assertThat(grid().indexSelect(-1, 3, 0)).isEqualTo(Tensor.of(new double[][] {{3, 0}, {13, 10}, {23, 20}}));
        assertThat(grid().indexSelect(1).shape()).containsExactly(3, 0);
    }

    @Test
    void indexSelectRefusesAnIndexOutsideTheAxisNamingAxisAndSize() {
        assertThatThrownBy(() -> grid().indexSelect(1, 0, 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 4 is out of bounds for axis 1 with size 4");
        assertThatThrownBy(() -> grid().indexSelect(0, -1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index -1 is out of bounds for axis 0 with size 3");
    }

    @Test
    void indexAddAccumulatesRepeatedIndices() {
        Tensor y = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(y.indexAdd(0, new int[] {1, 1, 3}, 4))
                .isEqualTo(Tensor.of(new double[][] {{0, 0}, {4, 6}, {0, 0}, {5, 6}}));
        assertThat(y.indexAdd(1, new int[] {0, 0}, 1)).isEqualTo(Tensor.of(new double[] {3, 7, 11}, 3, 1));
        assertThat(Tensor.zeros(0, 2).indexAdd(0, new int[0], 3)).isEqualTo(Tensor.zeros(3, 2));
    }

    @Test
    void indexAddRefusesAnIndexOfTheWrongLengthOrOutsideTheTarget() {
        Tensor y = Tensor.zeros(3, 2);
        assertThatIllegalArgumentException().isThrownBy(() -> y.indexAdd(0, new int[] {0, 1}, 4))
                .withMessage("index has 2 entries but axis 0 of [3, 2] has size 3");
        assertThatThrownBy(() -> y.indexAdd(0, new int[] {0, 1, 4}, 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 4 is out of bounds for axis 0 with size 4");
        assertThatIllegalArgumentException().isThrownBy(() -> y.indexAdd(0, new int[] {0, 0, 0}, -1))
                .withMessage("indexAdd size must be >= 0, got -1");
    }

    @Test
    void gatherPicksOneElementPerIndexAlongTheAxis() {
        Index idx = Index.of(new int[] {3, 0, 1, 1, 2, 2}, 3, 2);
        assertThat(grid().gather(1, idx)).isEqualTo(Tensor.of(new double[][] {{3, 0}, {11, 11}, {22, 22}}));
        Index rows = Index.of(new int[] {2, 0, 1, 0}, 1, 4);
        assertThat(grid().gather(0, rows)).isEqualTo(Tensor.of(new double[] {20, 1, 12, 3}, 1, 4));
        assertThat(grid().gather(-1, Index.of(new int[0], 3, 0)).shape()).containsExactly(3, 0);
    }

    @Test
    void gatherRefusesAMismatchedIndexShapeOrAnIndexOutOfBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> grid().gather(1, Index.of(new int[] {0, 0}, 2, 1)))
                .withMessage("gather index shape [2, 1] must match [3, 4] on every axis but 1");
        assertThatIllegalArgumentException().isThrownBy(() -> grid().gather(1, Index.of(0, 0, 0)))
                .withMessageContaining("[3]").withMessageContaining("[3, 4]");
        assertThatThrownBy(() -> grid().gather(1, Index.of(new int[] {0, 4, 0}, 3, 1)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 4 is out of bounds for axis 1 with size 4");
    }

    @Test
    void scatterAddSendsEveryElementToItsIndexedPosition() {
        Tensor y = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Index idx = Index.of(new int[] {3, 3, 0, 1, 2, 2}, 3, 2);
        assertThat(y.scatterAdd(1, idx, 4)).isEqualTo(Tensor.of(new double[][] {{0, 0, 0, 3}, {3, 4, 0, 0}, {0, 0, 11, 0}}));
        Index rows = Index.of(new int[] {1, 1, 1, 0, 1, 0}, 3, 2);
        assertThat(y.scatterAdd(0, rows, 2)).isEqualTo(Tensor.of(new double[][] {{0, 10}, {9, 2}}));
    }

    @Test
    void scatterAddRefusesAMismatchedIndexShapeOrAnIndexOutOfBounds() {
        Tensor y = Tensor.zeros(3, 2);
        assertThatIllegalArgumentException().isThrownBy(() -> y.scatterAdd(1, Index.of(new int[] {0, 0, 0}, 3, 1), 4))
                .withMessage("scatterAdd index shape [3, 1] must equal the source shape [3, 2]");
        assertThatThrownBy(() -> y.scatterAdd(1, Index.of(new int[] {0, 0, 0, 5, 0, 0}, 3, 2), 4))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 5 is out of bounds for axis 1 with size 4");
        assertThatIllegalArgumentException().isThrownBy(() -> y.scatterAdd(1, Index.of(new int[6], 3, 2), -2))
                .withMessage("scatterAdd size must be >= 0, got -2");
    }

    @Test
    void concatJoinsAlongAnExistingAxis() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new double[][] {{5}, {6}});
        assertThat(Tensor.concat(1, a, b)).isEqualTo(Tensor.of(new double[][] {{1, 2, 5}, {3, 4, 6}}));
        assertThat(Tensor.concat(-1, a, b)).isEqualTo(Tensor.concat(1, a, b));
        assertThat(Tensor.concat(0, a, a)).isEqualTo(Tensor.of(new double[][] {{1, 2}, {3, 4}, {1, 2}, {3, 4}}));
        assertThat(Tensor.concat(0, a)).isEqualTo(a);
        assertThat(Tensor.concat(1, a, Tensor.zeros(2, 0), b)).isEqualTo(Tensor.concat(1, a, b));
    }

    @Test
    void concatRefusesMismatchedShapesNamingBoth() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .withMessage("concat along axis 0: shape [3, 2] does not match [2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(3)))
                .withMessage("concat along axis 0: shape [3] does not match [2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.concat(0))
                .withMessage("concat needs at least one tensor");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.concat(0, Tensor.scalar(1), Tensor.scalar(2)))
                .withMessage("concat cannot join scalars; use stack");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.concat(2, Tensor.zeros(2, 3)))
                .withMessage("axis 2 is out of bounds for rank 2");
    }

    @Test
    void stackJoinsAlongANewAxis() {
        Tensor a = Tensor.of(1, 2, 3);
        Tensor b = Tensor.of(4, 5, 6);
        assertThat(Tensor.stack(0, a, b)).isEqualTo(Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertThat(Tensor.stack(1, a, b)).isEqualTo(Tensor.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}));
        assertThat(Tensor.stack(-1, a, b)).isEqualTo(Tensor.stack(1, a, b));
        assertThat(Tensor.stack(-2, a, b)).isEqualTo(Tensor.stack(0, a, b));
        assertThat(Tensor.stack(0, Tensor.scalar(1), Tensor.scalar(2))).isEqualTo(Tensor.of(1, 2));
    }

    @Test
    void stackRefusesUnequalShapesNamingBoth() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.stack(0, Tensor.zeros(3), Tensor.zeros(1, 3)))
                .withMessage("stack needs equal shapes, got [3] and [1, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.stack(0))
                .withMessage("stack needs at least one tensor");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.stack(2, Tensor.zeros(3)))
                .withMessage("axis 2 is out of bounds for rank 2");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.stack(-3, Tensor.zeros(3)))
                .withMessage("axis -3 is out of bounds for rank 2");
    }
}
