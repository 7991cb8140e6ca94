package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Reshape, transpose, permute, (un)squeeze, broadcastTo and sumTo. All exact: they move elements. */
class ShapeOpsTest {

    private static Tensor x234() {
        return Tensor.arange(24).reshape(2, 3, 4);
    }

    @Test
    void reshapeKeepsRowMajorOrder() {
        Tensor x = Tensor.arange(6);
        Tensor m = x.reshape(2, 3);
        assertThat(m.shape()).containsExactly(2, 3);
        assertThat(m.get(1, 0)).isEqualTo(3.0);
        assertThat(m.toArray()).containsExactly(x.toArray());
        assertThat(m.reshape(3, 2).get(2, 1)).isEqualTo(5.0);
    }

    @Test
    void reshapeInfersOneDimensionGivenAsMinusOne() {
        assertThat(x234().reshape(-1).shape()).containsExactly(24);
        assertThat(x234().reshape(4, -1).shape()).containsExactly(4, 6);
        assertThat(x234().reshape(2, -1, 3).shape()).containsExactly(2, 4, 3);
        assertThat(Tensor.zeros(0, 3).reshape(-1, 3).shape()).containsExactly(0, 3);
        assertThat(Tensor.zeros(0, 3).reshape(3, -1).shape()).containsExactly(3, 0);
    }

    @Test
    void reshapeRefusesTwoInferredDimensions() {
        assertThatIllegalArgumentException().isThrownBy(() -> x234().reshape(-1, -1))
                .withMessage("reshape [-1, -1] has more than one -1");
    }

    @Test
    void reshapeRefusesAChangeInTheNumberOfElements() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(2, 3).reshape(4))
                .withMessage("cannot reshape [2, 3] (6 elements) to [4] (4 elements)");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(2, 3).reshape(4, -1))
                .withMessage("cannot reshape [2, 3] to [4, -1]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(0, 3).reshape(-1, 0))
                .withMessage("cannot reshape [0, 3] to [-1, 0]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(2).reshape())
                .withMessageContaining("cannot reshape [2]");
    }

    @Test
    void reshapeRefusesNegativeDimensionsOtherThanMinusOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(6).reshape(-2, -3))
                .withMessage("reshape dimensions must be >= 0 or -1, got [-2, -3]");
    }

    @Test
    void reshapeMovesBetweenScalarAndOneElementShapes() {
        Tensor s = Tensor.scalar(7);
        assertThat(s.reshape(1, 1).shape()).containsExactly(1, 1);
        assertThat(s.reshape(-1).shape()).containsExactly(1);
        assertThat(Tensor.of(7.0).reshape()).isEqualTo(s);
    }

    @Test
    void transposeSwapsTheLastTwoAxes() {
        Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.transpose()).isEqualTo(Tensor.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}));
        Tensor t = x234().transpose();
        assertThat(t.shape()).containsExactly(2, 4, 3);
        assertThat(t.get(1, 3, 2)).isEqualTo(x234().get(1, 2, 3));
        assertThat(t.transpose()).isEqualTo(x234());
    }

    @Test
    void transposeNeedsAtLeastTwoAxes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.of(1, 2).transpose())
                .withMessage("transpose needs rank >= 2, shape is [2]");
    }

    @Test
    void permuteSendsAxisPermKToAxisK() {
        Tensor p = x234().permute(2, 0, 1);
        assertThat(p.shape()).containsExactly(4, 2, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertThat(p.get(k, i, j)).isEqualTo(x234().get(i, j, k));
                }
            }
        }
        assertThat(x234().permute(-1, 0, -2)).isEqualTo(p);
        assertThat(x234().permute(0, 1, 2)).isEqualTo(x234());
        assertThat(Tensor.scalar(3).permute()).isEqualTo(Tensor.scalar(3));
    }

    @Test
    void permuteRefusesAnythingButAPermutation() {
        assertThatIllegalArgumentException().isThrownBy(() -> x234().permute(0, 1))
                .withMessage("permutation [0, 1] must list all 3 axes");
        assertThatIllegalArgumentException().isThrownBy(() -> x234().permute(0, 1, -2))
                .withMessage("permutation [0, 1, -2] repeats axis 1");
        assertThatIllegalArgumentException().isThrownBy(() -> x234().permute(0, 1, 3))
                .withMessage("axis 3 is out of bounds for rank 3");
    }

    @Test
    void unsqueezeInsertsAnAxisOfSizeOne() {
        Tensor x = Tensor.zeros(2, 3);
        assertThat(x.unsqueeze(0).shape()).containsExactly(1, 2, 3);
        assertThat(x.unsqueeze(1).shape()).containsExactly(2, 1, 3);
        assertThat(x.unsqueeze(2).shape()).containsExactly(2, 3, 1);
        assertThat(x.unsqueeze(-1).shape()).containsExactly(2, 3, 1);
        assertThat(x.unsqueeze(-3).shape()).containsExactly(1, 2, 3);
        assertThat(Tensor.scalar(4).unsqueeze(0)).isEqualTo(Tensor.of(4.0));
        assertThatIllegalArgumentException().isThrownBy(() -> x.unsqueeze(3))
                .withMessage("axis 3 is out of bounds for rank 3");
        assertThatIllegalArgumentException().isThrownBy(() -> x.unsqueeze(-4))
                .withMessage("axis -4 is out of bounds for rank 3");
    }

    @Test
    void squeezeRemovesAnAxisOfSizeOne() {
        Tensor x = Tensor.arange(3).reshape(3, 1);
        assertThat(x.squeeze(1)).isEqualTo(Tensor.arange(3));
        assertThat(x.squeeze(-1)).isEqualTo(Tensor.arange(3));
        assertThat(Tensor.of(5.0).squeeze(0)).isEqualTo(Tensor.scalar(5));
        assertThatIllegalArgumentException().isThrownBy(() -> x.squeeze(0))
                .withMessage("cannot squeeze axis 0 of size 3 in [3, 1]");
        assertThatIllegalArgumentException().isThrownBy(() -> x.squeeze(2))
                .withMessage("axis 2 is out of bounds for rank 2");
    }

    @Test
    void broadcastToRepeatsElements() {
        Tensor col = Tensor.of(new double[] {1, 2}, 2, 1);
        assertThat(col.broadcastTo(2, 3)).isEqualTo(Tensor.of(new double[][] {{1, 1, 1}, {2, 2, 2}}));
        assertThat(col.broadcastTo(4, 2, 1).shape()).containsExactly(4, 2, 1);
        assertThat(Tensor.scalar(3).broadcastTo(2, 2)).isEqualTo(Tensor.full(3, 2, 2));
        assertThat(Tensor.of(1.0).broadcastTo(0).shape()).containsExactly(0);
        assertThat(Tensor.of(1, 2, 3).broadcastTo(2, 3).get(1, 2)).isEqualTo(3.0);
    }

    @Test
    void broadcastToRefusesIncompatibleTargetsNamingBothShapes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(3).broadcastTo(4))
                .withMessage("cannot broadcast [3] to [4]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(2, 1).broadcastTo(3))
                .withMessage("cannot broadcast [2, 1] to [3]");
        // broadcastTo is one-directional: [1, 3] cannot shrink to [3]
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(1, 3).broadcastTo(3))
                .withMessage("cannot broadcast [1, 3] to [3]");
    }

    @Test
    void sumToUndoesBroadcastTo() {
        Tensor x = Tensor.of(new double[] {1, 2}, 2, 1);
        assertThat(x.broadcastTo(3, 2, 4).sumTo(2, 1)).isEqualTo(x.mul(12));
        Tensor g = Tensor.arange(6).reshape(2, 3);
        assertThat(g.sumTo(3)).isEqualTo(Tensor.of(3, 5, 7));
        assertThat(g.sumTo(2, 1)).isEqualTo(Tensor.of(new double[] {3, 12}, 2, 1));
        assertThat(g.sumTo()).isEqualTo(Tensor.scalar(15));
        assertThat(g.sumTo(1, 1)).isEqualTo(Tensor.of(new double[] {15}, 1, 1));
        assertThat(g.sumTo(2, 3)).isSameAs(g);
        assertThat(g.sumToShapeOf(Tensor.zeros(1, 3))).isEqualTo(Tensor.of(new double[] {3, 5, 7}, 1, 3));
    }

    @Test
    void sumToRefusesATargetThatDoesNotBroadcastNamingBothShapes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(2, 3).sumTo(4))
                .withMessage("cannot sum [2, 3] down to [4]");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(3).sumTo(1, 3))
                .withMessage("cannot sum [3] down to [1, 3]");
    }

    @Test
    void sameShapeComparesShapesOnly() {
        assertThat(Tensor.zeros(2, 3).sameShape(Tensor.ones(2, 3))).isTrue();
        assertThat(Tensor.zeros(6).sameShape(Tensor.zeros(2, 3))).isFalse();
        assertThat(Tensor.scalar(1).sameShape(Tensor.of(1.0))).isFalse();
    }

    @Test
    void dimAndRankDescribeTheShape() {
        Tensor x = x234();
        assertThat(x.rank()).isEqualTo(3);
        assertThat(x.size()).isEqualTo(24);
        assertThat(x.dim(0)).isEqualTo(2);
        assertThat(x.dim(-1)).isEqualTo(4);
        assertThatIllegalArgumentException().isThrownBy(() -> x.dim(3))
                .withMessage("axis 3 is out of bounds for rank 3");
        assertThat(Tensor.scalar(1).rank()).isZero();
        assertThat(Tensor.scalar(1).size()).isEqualTo(1);
    }

    @Test
    void outerMultipliesEveryPair() {
        Tensor o = Tensor.of(1, 2, 3).outer(Tensor.of(10, 100));
        assertThat(o).isEqualTo(Tensor.of(new double[][] {{10, 100}, {20, 200}, {30, 300}}));
        assertThat(Tensor.zeros(0).outer(Tensor.of(1, 2)).shape()).containsExactly(0, 2);
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(2, 2).outer(Tensor.of(1, 2)))
                .withMessage("outer needs two vectors, got [2, 2] and [2]");
    }
}
