package io.github.elbo4j.nn;

import static io.github.elbo4j.nn.LayerChecks.assertGradients;
import static io.github.elbo4j.nn.LayerChecks.normal;
import static io.github.elbo4j.nn.LayerChecks.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MadeTest {

    /** ∂out[c] / ∂x[j] for every output column c and input j, by reverse mode (one one-hot cotangent per column). */
    private static double[][] jacobian(Made made, Tensor x) {
        int cols = made.dim() * made.multiplier();
        double[][] jac = new double[cols][];
        for (int c = 0; c < cols; c++) {
            Tape tape = new Tape();
            Var xv = tape.variable(x);
            Var y = made.forward(plain(), xv);
            double[] oneHot = new double[cols];
            oneHot[c] = 1.0;
            jac[c] = tape.vjp(y, Tensor.of(oneHot), xv).get(0).toArray();
        }
        return jac;
    }

    @Test
    void outputIDependsExactlyOnTheInputsBeforeI() {
        // random weights and biases (PyTorch's default draws both): ∂out_i/∂x_j is exactly 0 for
        // j >= i (a mask with >= where > belongs, or a wrong degree, leaks x_i into out_i), and
        // nonzero for some j < i (masks that cut everything would pass the first check alone)
        for (Activation a : new Activation[] {Activation.RELU, Activation.TANH}) {
            int d = 5;
            Made made = Made.of("iaf", d, 2, a, Init.PYTORCH_DEFAULT, 3, 12, 9);
            Tensor x = normal(1, d);
            double[][] jac = jacobian(made, x);
            assertThat(made.forward(plain(), Var.constant(x)).shape()).containsExactly(2 * d);
            for (int c = 0; c < 2 * d; c++) {
                int i = c % d;
                boolean someNonzero = false;
                for (int j = 0; j < d; j++) {
                    if (j >= i) {
                        assertThat(jac[c][j]).as("%s: d out[%d] (dimension %d) / d x[%d]", a, c, i, j).isEqualTo(0.0);
                    } else if (jac[c][j] != 0.0) {
                        someNonzero = true;
                    }
                }
                assertThat(someNonzero || i == 0).as("%s: out[%d] sees some earlier input", a, c).isTrue();
            }
            // the first dimension's outputs see no input at all: constant in x
            assertThat(made.forward(plain(), Var.constant(normal(2, d))).value().toArray()[0])
                    .isEqualTo(made.forward(plain(), Var.constant(x)).value().toArray()[0]);
        }
    }

    @Test
    void withoutHiddenLayersTheMaskIsStrictlyLowerTriangular() {
        Made made = Made.of("lin", 3, 1, Activation.RELU, Init.HE_NORMAL, 1);
        assertThat(made.layers()).hasSize(1);
        // mask[j, i] = 1 iff input j feeds output i, i.e. j < i
        assertThat(made.layers().get(0).mask().orElseThrow())
                .isEqualTo(Tensor.of(new double[][] {{0, 1, 1}, {0, 0, 1}, {0, 0, 0}}));
    }

    @Test
    void hiddenDegreesCycleThroughOneToDMinusOne() {
        assertThat(Made.hiddenDegrees(4, 7)).containsExactly(1, 2, 3, 1, 2, 3, 1);
        assertThat(Made.outputDegrees(3, 2)).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(Made.inputDegrees(3)).containsExactly(1, 2, 3);
    }

    @Test
    void gradientsInInputsAndMaskedWeightsMatchFiniteDifferencesWithAParticleAxis() {
        Made made = Made.of("iaf", 3, 2, Activation.ELU, Init.XAVIER_NORMAL, 7, 6);
        List<String> names = new ArrayList<>();
        List<Tensor> values = new ArrayList<>();
        for (Linear l : made.layers()) {
            names.add(l.weightName());
            names.add(l.biasName());
            values.add(l.weightInit());
            values.add(normal(20 + values.size(), l.out()).mul(0.3));
        }
        assertGradients(made, normal(4, 2, 3, 3), names, values.toArray(new Tensor[0]));
    }

    @Test
    void parametersAreTheLayersWeightsAndBiases() {
        Made made = Made.of("iaf", 4, 2, 8, 8);
        Trace t = ModelContext.trace(m -> made.forward(m, Var.constant(Tensor.zeros(2, 4))));
        assertThat(t.paramSites()).extracting(Site::name)
                .containsExactly("iaf.0.weight", "iaf.0.bias", "iaf.1.weight", "iaf.1.bias", "iaf.2.weight", "iaf.2.bias");
        assertThat(t.require("iaf.2.weight").value().shape()).containsExactly(8, 8);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> Made.of("m", 1, 2, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Made 'm' dim must be >= 2 (one input has nothing to condition on), got 1");
        assertThatThrownBy(() -> Made.of("m", 3, 0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Made 'm' multiplier must be >= 1, got 0");
        assertThatThrownBy(() -> Made.of("m", 3, 2, 4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Made 'm' hidden[1] must be >= 1, got 0 in [4, 0]");
    }
}
