package io.github.elbo4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Var#take}: NumPy's {@code x[..., index, :]} with broadcasting, its values, its gradient and its errors. */
class TakeTest {

    @Test
    void takePicksAlongTheAxisAndBroadcastsTheLeadingAxesWithTheIndex() {
        // x: [2, 3] (a particle axis of 2, three components); index: [4, 1, 1] (enumerated labels)
        Tensor x = Tensor.of(new double[] {10, 11, 12, 20, 21, 22}, 2, 3);
        Tensor labels = Tensor.of(new double[] {0, 2, 1, 0}, 4, 1, 1);
        Var out = Var.constant(x).take(-1, labels);
        assertThat(out.shape()).containsExactly(4, 1, 2);
        assertThat(out.value().toArray()).containsExactly(10, 20, 12, 22, 11, 21, 10, 20);
    }

    @Test
    void takeOnTheRowsOfAMatrixKeepsTheTrailingAxis() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Var rows = Var.constant(a).take(0, Tensor.of(new double[] {2, 0}, 2, 1));
        assertThat(rows.shape()).containsExactly(2, 1, 2);
        assertThat(rows.value().toArray()).containsExactly(5, 6, 1, 2);
    }

    @Test
    void theGradientOfTakeMatchesFiniteDifferences() {
        Tensor labels = Tensor.of(new double[] {0, 2, 2, 1, 0, 1}, 3, 2, 1);
        // a repeated label must add its adjoints: weight the outputs unevenly so every path counts
        GradientChecker.Result r = GradientChecker.check(v -> v[0].take(-1, labels).mul(v[0].take(-1, labels)).sum(),
                Tensor.of(new double[] {0.3, -1.2, 0.7, 1.5, 0.1, -0.4}, 2, 3));
        assertThat(r.maxError()).as("worst %s", r).isLessThan(1e-6);
    }

    @Test
    void anIndexOutsideTheAxisNamesTheRangeAndTheValue() {
        Var x = Var.constant(Tensor.of(1, 2, 3));
        assertThatThrownBy(() -> x.take(0, Tensor.of(0, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 2]").hasMessageContaining("got 3.0");
        assertThatThrownBy(() -> x.take(0, Tensor.of(0.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0.5");
    }
}
