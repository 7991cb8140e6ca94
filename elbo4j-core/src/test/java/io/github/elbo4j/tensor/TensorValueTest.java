package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Tensors are values: inputs are copied, outputs are copies, operations leave operands alone. */
class TensorValueTest {

    @Test
    void factoriesCopyTheArraysPassedIn() {
        double[] values = {1, 2, 3, 4};
        int[] shape = {2, 2};
        Tensor vector = Tensor.of(values);
        Tensor matrix = Tensor.of(values, shape);
        double[][] rows = {{1, 2}, {3, 4}};
        Tensor fromRows = Tensor.of(rows);
        int[] zshape = {2, 3};
        Tensor zeros = Tensor.zeros(zshape);
        Tensor ones = Tensor.ones(zshape);
        Tensor full = Tensor.full(7, zshape);
        values[0] = 99;
        shape[0] = 4;
        shape[1] = 1;
        rows[0][0] = 99;
        zshape[0] = 5;
        assertThat(vector.get(0)).isEqualTo(1.0);
        assertThat(matrix.shape()).containsExactly(2, 2);
        assertThat(matrix.get(0, 0)).isEqualTo(1.0);
        assertThat(fromRows.get(0, 0)).isEqualTo(1.0);
        assertThat(zeros.shape()).containsExactly(2, 3);
        assertThat(ones.shape()).containsExactly(2, 3);
        assertThat(full.shape()).containsExactly(2, 3);
    }

    @Test
    void shapeArgumentsOfOperationsAreCopied() {
        Tensor x = Tensor.arange(6);
        int[] target = {2, 3};
        Tensor reshaped = x.reshape(target);
        Tensor broadcast = Tensor.of(1, 2, 3).broadcastTo(target);
        int[] down = {3};
        Tensor summed = Tensor.ones(2, 3).sumTo(down);
        int[] index = {2, 0};
        Tensor selected = x.indexSelect(0, index);
        target[0] = 6;
        target[1] = 1;
        down[0] = 1;
        index[0] = 5;
        assertThat(reshaped.shape()).containsExactly(2, 3);
        assertThat(broadcast.shape()).containsExactly(2, 3);
        assertThat(summed.shape()).containsExactly(3);
        assertThat(selected.toArray()).containsExactly(2, 0);
    }

    @Test
    void indexCopiesItsArrays() {
        int[] values = {0, 1, 1, 0};
        int[] shape = {2, 2};
        Index idx = Index.of(values, shape);
        Index flat = Index.of(values);
        values[0] = 9;
        shape[0] = 4;
        shape[1] = 1;
        assertThat(idx.values()).containsExactly(0, 1, 1, 0);
        assertThat(idx.shape()).containsExactly(2, 2);
        assertThat(flat.values()).containsExactly(0, 1, 1, 0);
        idx.values()[0] = 5;
        idx.shape()[0] = 5;
        assertThat(idx).isEqualTo(Index.of(new int[] {0, 1, 1, 0}, 2, 2));
        Tensor g = Tensor.arange(4).reshape(2, 2).gather(1, idx);
        assertThat(g.shape()).containsExactly(2, 2);
    }

    @Test
    void toArrayAndShapeReturnCopies() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        x.toArray()[0] = 99;
        x.shape()[0] = 4;
        assertThat(x.get(0, 0)).isEqualTo(1.0);
        assertThat(x.shape()).containsExactly(2, 2);
        assertThat(x.toArray()).isNotSameAs(x.toArray());
    }

    @Test
    void operationsLeaveTheirOperandsUnchanged() {
        Tensor a = Tensor.of(new double[] {1, -2, 3, -4, 5, -6}, 2, 3);
        Tensor b = Tensor.of(new double[] {0.5, 2, -1}, 3);
        Tensor a0 = Tensor.of(a.toArray(), a.shape());
        Tensor b0 = Tensor.of(b.toArray(), b.shape());
        List<UnaryOperator<Tensor>> ops = List.of(
                t -> t.add(b), t -> t.sub(b), t -> t.mul(b), t -> t.div(b), t -> t.pow(2.0), t -> t.pow(1.0),
                t -> t.maximum(b), t -> t.neg(), t -> t.exp(), t -> t.map(Math::abs), t -> t.sum(0), t -> t.max(1),
                t -> t.logSumExp(1), t -> t.reshape(3, 2), t -> t.transpose(), t -> t.permute(1, 0),
                t -> t.broadcastTo(2, 2, 3), t -> t.sumTo(3), t -> t.sumTo(2, 3), t -> t.unsqueeze(0),
                t -> t.slice(1, 0, 2), t -> t.indexSelect(1, 0, 0), t -> t.indexAdd(1, new int[] {0, 1, 0}, 2),
                t -> t.gather(1, Index.of(new int[] {0, 0, 1, 1}, 2, 2)), t -> t.matmul(b), t -> t.matmul(t.transpose()),
                t -> Tensor.concat(0, t, t), t -> Tensor.stack(0, t, t), t -> Tensor.where(t.gt(b), t, b));
        for (UnaryOperator<Tensor> op : ops) {
            java.util.Arrays.fill(op.apply(a).toArray(), 42.0);
            assertThat(a).isEqualTo(a0);
            assertThat(b).isEqualTo(b0);
        }
    }

    @Test
    void equalityComparesShapeAndEveryElement() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(a).isEqualTo(Tensor.arange(6).add(1).reshape(2, 3));
        assertThat(a).hasSameHashCodeAs(Tensor.arange(6).add(1).reshape(2, 3));
        assertThat(a).isNotEqualTo(a.reshape(6));
        assertThat(a).isNotEqualTo(a.reshape(3, 2));
        assertThat(a).isNotEqualTo(a.add(1e-15));
        assertThat(Tensor.scalar(1)).isNotEqualTo(Tensor.of(1.0));
        assertThat(a).isNotEqualTo("Tensor");
        assertThat(a).isNotEqualTo(null);
    }

    @Test
    void equalityTreatsNaNAsEqualToItselfAndDistinguishesSignedZeros() {
        assertThat(Tensor.of(Double.NaN)).isEqualTo(Tensor.of(Double.NaN));
        assertThat(Tensor.of(Double.NaN).hashCode()).isEqualTo(Tensor.of(Double.NaN).hashCode());
        assertThat(Tensor.of(0.0)).isNotEqualTo(Tensor.of(-0.0));
    }

    @Test
    void itemNeedsExactlyOneElement() {
        assertThat(Tensor.of(new double[] {3}, 1, 1).item()).isEqualTo(3.0);
        assertThatIllegalStateException().isThrownBy(() -> Tensor.of(1, 2).item())
                .withMessage("item() needs exactly one element, shape is [2]");
        assertThatIllegalStateException().isThrownBy(() -> Tensor.zeros(0).item())
                .withMessage("item() needs exactly one element, shape is [0]");
    }

    @Test
    void allFiniteDetectsNaNAndInfinities() {
        assertThat(Tensor.of(1, 2).allFinite()).isTrue();
        assertThat(Tensor.zeros(0).allFinite()).isTrue();
        assertThat(Tensor.of(1, Double.NaN).allFinite()).isFalse();
        assertThat(Tensor.of(Double.NEGATIVE_INFINITY).allFinite()).isFalse();
    }

    @Test
    void toStringShowsTheShapeAndAtMost64Elements() {
        assertThat(Tensor.of(new double[] {1, 2.5}, 2, 1).toString()).isEqualTo("Tensor[2, 1][1.0, 2.5]");
        assertThat(Tensor.scalar(3).toString()).isEqualTo("Tensor[][3.0]");
        assertThat(Tensor.zeros(0).toString()).isEqualTo("Tensor[0][]");
        String longOne = Tensor.arange(100).toString();
        assertThat(longOne).startsWith("Tensor[100][0.0, 1.0").endsWith("63.0, ...]").doesNotContain("64.0");
        assertThat(Index.of(new int[] {1, 2}, 2, 1).toString()).isEqualTo("Index[2, 1][1, 2]");
    }
}
