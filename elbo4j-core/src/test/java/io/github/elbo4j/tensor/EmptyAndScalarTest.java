package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Scalars (shape {@code []}) and tensors with a size-0 axis pass through every operation. Exact. */
class EmptyAndScalarTest {

    @Test
    void aTensorWithASizeZeroAxisHasNoElementsButKeepsItsShape() {
        Tensor e = Tensor.zeros(2, 0, 3);
        assertThat(e.size()).isZero();
        assertThat(e.shape()).containsExactly(2, 0, 3);
        assertThat(e.toArray()).isEmpty();
        assertThat(e).isEqualTo(Tensor.of(new double[0], 2, 0, 3));
        assertThat(e).isNotEqualTo(Tensor.zeros(0, 2, 3));
    }

    @Test
    void emptyTensorsPassThroughElementWiseAndShapeOperations() {
        Tensor e = Tensor.zeros(2, 0, 3);
        assertThat(e.add(1.0).shape()).containsExactly(2, 0, 3);
        assertThat(e.mul(Tensor.ones(3)).shape()).containsExactly(2, 0, 3);
        assertThat(e.exp().shape()).containsExactly(2, 0, 3);
        assertThat(e.permute(2, 0, 1).shape()).containsExactly(3, 2, 0);
        assertThat(e.transpose().shape()).containsExactly(2, 3, 0);
        assertThat(e.reshape(0, 6).shape()).containsExactly(0, 6);
        assertThat(e.reshape(-1).shape()).containsExactly(0);
        assertThat(e.unsqueeze(1).shape()).containsExactly(2, 1, 0, 3);
        assertThat(e.broadcastTo(4, 2, 0, 3).shape()).containsExactly(4, 2, 0, 3);
        assertThat(e.sumTo(0, 3)).isEqualTo(Tensor.zeros(0, 3));
        assertThat(e.sumTo(3)).isEqualTo(Tensor.zeros(3));
        assertThat(e.slice(0, 1, 2).shape()).containsExactly(1, 0, 3);
        assertThat(e.indexSelect(2, 0, 0, 0, 0).shape()).containsExactly(2, 0, 4);
        assertThat(e.gt(Tensor.scalar(0)).shape()).containsExactly(2, 0, 3);
        assertThat(Tensor.where(e, e, e).shape()).containsExactly(2, 0, 3);
        assertThat(Tensor.concat(1, e, Tensor.ones(2, 2, 3))).isEqualTo(Tensor.ones(2, 2, 3));
        assertThat(Tensor.stack(0, e, e).shape()).containsExactly(2, 2, 0, 3);
    }

    @Test
    void reducingEmptyTensorsOverOtherAxesGivesEmptyResults() {
        Tensor e = Tensor.zeros(2, 0, 3);
        assertThat(e.sum(0).shape()).containsExactly(0, 3);
        assertThat(e.max(2).shape()).containsExactly(2, 0);
        assertThat(e.logSumExp(0, 2).shape()).containsExactly(0);
        assertThat(e.sum()).isEqualTo(Tensor.scalar(0));
    }

    @Test
    void scalarsPassThroughEveryOperationThatAcceptsRankZero() {
        Tensor s = Tensor.scalar(3);
        assertThat(s.add(s)).isEqualTo(Tensor.scalar(6));
        assertThat(s.mul(2)).isEqualTo(Tensor.scalar(6));
        assertThat(s.exp().rank()).isZero();
        assertThat(s.gt(Tensor.scalar(1))).isEqualTo(Tensor.scalar(1));
        assertThat(Tensor.where(Tensor.scalar(1), s, Tensor.scalar(0))).isEqualTo(s);
        assertThat(s.reshape(1, 1, 1).reshape()).isEqualTo(s);
        assertThat(s.broadcastTo()).isEqualTo(s);
        assertThat(s.broadcastTo(2)).isEqualTo(Tensor.of(3, 3));
        assertThat(s.sumTo()).isEqualTo(s);
        assertThat(s.permute()).isEqualTo(s);
        assertThat(s.unsqueeze(-1)).isEqualTo(Tensor.of(3.0));
        assertThat(Tensor.stack(0, s, s, s)).isEqualTo(Tensor.of(3, 3, 3));
        assertThat(s.get()).isEqualTo(3.0);
        assertThat(s.item()).isEqualTo(3.0);
    }

    @Test
    void scalarsAndEmptyTensorsKeepTheirOwnIdentity() {
        assertThat(Tensor.scalar(0)).isNotEqualTo(Tensor.zeros(1));
        assertThat(Tensor.zeros(0)).isNotEqualTo(Tensor.zeros(0, 0));
        assertThat(Tensor.zeros(0)).isEqualTo(Tensor.of());
    }
}
