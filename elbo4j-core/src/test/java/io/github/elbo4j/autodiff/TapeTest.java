package io.github.elbo4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.tensor.Tensor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TapeTest {

    @Test
    void gradientOfAValueUsedTwiceAccumulates() {
        Tape tape = new Tape();
        Var x = tape.variable(3.0);
        Var y = x.mul(x).add(x); // y = x² + x, dy/dx = 2x + 1 = 7
        assertThat(tape.gradient(y, x).of(x).item()).isEqualTo(7.0);
    }

    @Test
    void constantsNeverEnterTheTape() {
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.of(1, 2, 3));
        Var data = Var.constant(Tensor.of(4, 5, 6));
        int before = tape.size();
        Var c = data.mul(2.0).exp().sum();
        assertThat(tape.size()).isEqualTo(before);
        assertThat(c.isTracked()).isFalse();
        x.mul(data);
        assertThat(tape.size()).isEqualTo(before + 1);
    }

    @Test
    void detachStopsTheGradient() {
        Tape tape = new Tape();
        Var x = tape.variable(2.0);
        Var y = x.mul(x.detach()); // treated as x * 2
        assertThat(tape.gradient(y, x).of(x).item()).isEqualTo(2.0);
    }

    @Test
    void leavesTheOutputDoesNotDependOnGetZeroGradients() {
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.of(1, 2));
        Var unused = tape.variable(Tensor.of(new double[] {1, 2, 3, 4}, 2, 2));
        Gradients g = tape.gradient(x.sum(), x, unused);
        assertThat(g.of(unused)).isEqualTo(Tensor.zeros(2, 2));
        assertThat(g.of(x)).isEqualTo(Tensor.of(1, 1));
    }

    @Test
    void gradientOfAnIntermediateValueCanBeRequested() {
        Tape tape = new Tape();
        Var x = tape.variable(2.0);
        Var h = x.mul(3.0);
        Var y = h.square();
        Gradients g = tape.gradient(y, h, x);
        assertThat(g.of(h).item()).isEqualTo(12.0);
        assertThat(g.of(x).item()).isEqualTo(36.0);
    }

    @Test
    void theSameTapeCanBeSweptTwice() {
        Tape tape = new Tape();
        Var x = tape.variable(1.5);
        Var y = x.exp();
        assertThat(tape.gradient(y, x).of(x)).isEqualTo(tape.gradient(y, x).of(x));
    }

    @Test
    void vjpUsesTheCotangent() {
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.of(1, 2, 3));
        Var y = x.square();
        assertThat(tape.vjp(y, Tensor.of(1, 0, -1), x).of(x)).isEqualTo(Tensor.of(2, 0, -6));
    }

    @Test
    void nonScalarOutputNeedsACotangent() {
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.of(1, 2));
        assertThatThrownBy(() -> tape.gradient(x.square(), x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one-element output, got shape [2]");
        assertThatThrownBy(() -> tape.vjp(x.square(), Tensor.of(1, 2, 3), x))
                .hasMessageContaining("cotangent shape [3] must equal the output shape [2]");
    }

    @Test
    void variablesOfTwoTapesCannotBeCombined() {
        Var a = new Tape().variable(1.0);
        Var b = new Tape().variable(2.0);
        assertThatThrownBy(() -> a.add(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different tapes");
    }

    @Test
    void broadcastGradientIsReducedToTheOperandShape() {
        Tape tape = new Tape();
        Var row = tape.variable(Tensor.of(1, 2, 3));
        Var col = tape.variable(Tensor.of(new double[] {10, 20}, 2, 1));
        Gradients g = tape.gradient(row.mul(col).sum(), row, col);
        assertThat(g.of(row)).isEqualTo(Tensor.of(30, 30, 30));
        assertThat(g.of(col)).isEqualTo(Tensor.of(new double[] {6, 6}, 2, 1));
    }

    @Test
    void aChainOfAMillionOperationsDoesNotOverflowTheStack() {
        Tape tape = new Tape();
        Var x = tape.variable(0.5);
        Var y = x;
        for (int i = 0; i < 1_000_000; i++) {
            y = y.mul(1.0);
        }
        assertThat(tape.gradient(y, x).of(x).item()).isEqualTo(1.0);
    }

    @Test
    void twoTapesInTwoThreadsGiveIndependentExactResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Double> a = pool.submit(() -> derivativeOfCubeAt(2.0));
            Future<Double> b = pool.submit(() -> derivativeOfCubeAt(3.0));
            assertThat(a.get()).isEqualTo(12.0);
            assertThat(b.get()).isEqualTo(27.0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double derivativeOfCubeAt(double x0) {
        double last = 0;
        for (int rep = 0; rep < 2000; rep++) {
            Tape tape = new Tape();
            Var x = tape.variable(x0);
            last = tape.gradient(x.pow(3.0), x).of(x).item();
        }
        return last;
    }
}
