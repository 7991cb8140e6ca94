package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Comparisons (1 for true, 0 for false) and {@code where}, with broadcasting. Exact. */
class ComparisonTest {

    private static final Tensor A = Tensor.of(1, 2, 3);
    private static final Tensor B = Tensor.of(3, 2, 1);

    @Test
    void comparisonsGiveOneForTrueAndZeroForFalse() {
        assertThat(A.gt(B).toArray()).containsExactly(0, 0, 1);
        assertThat(A.lt(B).toArray()).containsExactly(1, 0, 0);
        assertThat(A.ge(B).toArray()).containsExactly(0, 1, 1);
        assertThat(A.le(B).toArray()).containsExactly(1, 1, 0);
        assertThat(A.eq(B).toArray()).containsExactly(0, 1, 0);
    }

    @Test
    void comparisonsBroadcast() {
        Tensor column = Tensor.of(new double[] {1, 2, 3}, 3, 1);
        Tensor lower = column.gt(Tensor.of(1, 2, 3));
        assertThat(lower).isEqualTo(Tensor.of(new double[][] {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}}));
        assertThat(A.ge(Tensor.scalar(2)).toArray()).containsExactly(0, 1, 1);
    }

    @Test
    void everyComparisonWithNaNIsFalse() {
        Tensor nan = Tensor.full(Double.NaN, 3);
        for (Tensor r : new Tensor[] {A.gt(nan), A.lt(nan), A.ge(nan), A.le(nan), A.eq(nan), nan.eq(nan)}) {
            assertThat(r).isEqualTo(Tensor.zeros(3));
        }
    }

    @Test
    void signedZerosCompareEqualAlthoughTensorsWithThemAreNotEqual() {
        Tensor pos = Tensor.of(0.0);
        Tensor neg = Tensor.of(-0.0);
        assertThat(pos.eq(neg).item()).isEqualTo(1.0);
        assertThat(pos).isNotEqualTo(neg);
    }

    @Test
    void whereSelectsWhereTheConditionIsNonZero() {
        Tensor cond = Tensor.of(1, 0, -2, Double.NaN);
        Tensor r = Tensor.where(cond, Tensor.of(10, 20, 30, 40), Tensor.of(-10, -20, -30, -40));
        // NaN is non-zero, so it selects the first branch (as numpy.where does)
        assertThat(r.toArray()).containsExactly(10, -20, 30, 40);
    }

    @Test
    void whereBroadcastsAllThreeOperands() {
        Tensor cond = Tensor.of(new double[] {1, 0}, 2, 1);
        Tensor r = Tensor.where(cond, Tensor.of(1, 2, 3), Tensor.scalar(-1));
        assertThat(r).isEqualTo(Tensor.of(new double[][] {{1, 2, 3}, {-1, -1, -1}}));
        assertThat(Tensor.where(Tensor.scalar(0), Tensor.zeros(2, 1), Tensor.ones(3)).shape()).containsExactly(2, 3);
    }

    @Test
    void whereRefusesIncompatibleShapesNamingAllThree() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Tensor.where(Tensor.zeros(2), Tensor.zeros(3), Tensor.scalar(0)))
                .withMessageContaining("[2]").withMessageContaining("[3]").withMessageContaining("[]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Tensor.where(Tensor.zeros(3), Tensor.zeros(3), Tensor.zeros(2, 2)))
                .withMessageContaining("[3]").withMessageContaining("[2, 2]");
    }
}
