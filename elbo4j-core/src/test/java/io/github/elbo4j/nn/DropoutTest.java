package io.github.elbo4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {

    @Test
    void trainingKeepsAFractionOneMinusPScaledByItsInverse() {
        // n = 40000 elements of 1: the kept fraction has SE √(p(1-p)/n) = 0.0023 at p = 0.3; 4 SE.
        // Catches keep-with-probability-p, a missing or wrong rescaling (values must be 0 or 1/0.7)
        int n = 40_000;
        double p = 0.3;
        double[] y = Dropout.of(p).forward(Var.constant(Tensor.ones(200, n / 200)), RandomStream.of(1), true).value().toArray();
        int kept = 0;
        for (double v : y) {
            if (v != 0.0) {
                assertThat(v).isEqualTo(1.0 / (1.0 - p));
                kept++;
            }
        }
        assertThat((double) kept / n).isCloseTo(1 - p, offset(4 * Math.sqrt(p * (1 - p) / n)));
    }

    @Test
    void theSameStreamGivesTheSameMaskAndAnotherStreamAnother() {
        Dropout d = Dropout.of(0.5);
        Var x = Var.constant(LayerChecks.normal(1, 3, 8));
        Tensor a = d.forward(x, RandomStream.of(5), true).value();
        assertThat(d.forward(x, RandomStream.of(5), true).value()).isEqualTo(a);
        assertThat(d.forward(x, RandomStream.of(6), true).value()).isNotEqualTo(a);
    }

    @Test
    void outsideTrainingAndAtPZeroItIsTheIdentityAndDrawsNothing() {
        Var x = Var.constant(Tensor.ones(4));
        RandomStream rng = RandomStream.of(2);
        assertThat(Dropout.of(0.9).forward(x, rng, false)).isSameAs(x);
        assertThat(Dropout.of(0.0).forward(x, rng, true)).isSameAs(x);
        assertThat(rng.nextLong()).isEqualTo(RandomStream.of(2).nextLong());
    }

    @Test
    void theGradientIsTheMask() {
        Tape tape = new Tape();
        Var x = tape.variable(LayerChecks.normal(3, 2, 5, 3));
        Var y = Dropout.of(0.4).forward(x, RandomStream.of(9), true);
        Tensor mask = Dropout.of(0.4).forward(Var.constant(Tensor.ones(2, 5, 3)), RandomStream.of(9), true).value();
        assertThat(y.shape()).containsExactly(2, 5, 3);
        assertThat(tape.gradient(y.sum(), x).get(0)).isEqualTo(mask);
    }

    @Test
    void pOutsideZeroToOneIsRefused() {
        for (double p : new double[] {-0.1, 1.0, Double.NaN}) {
            assertThatThrownBy(() -> Dropout.of(p)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Dropout p must be in [0, 1), got " + p);
        }
    }
}
