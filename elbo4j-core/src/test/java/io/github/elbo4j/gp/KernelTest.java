package io.github.elbo4j.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kernel values against scikit-learn's kernels (the {@code kxxs} block of
 * {@code sklearn_reference.json}, from {@code make_reference.py}), gradients in the unconstrained
 * hyperparameters and in both inputs against central differences, and the errors for bad
 * hyperparameters and inputs.
 */
class KernelTest {

    @Test
    void everyKernelMatchesScikitLearnsKernelMatrix() {
        for (JsonNode c : SklearnReference.cases()) {
            Kernel k = SklearnReference.KERNELS.get(c.get("name").asText());
            Tensor x = SklearnReference.matrix(c.get("x")).slice(0, 0, 6);
            Tensor xs = SklearnReference.matrix(c.get("xs")).slice(0, 0, 5);
            double[] expected = SklearnReference.matrix(c.get("kxxs")).toArray();
            double[] actual = k.matrix(x, xs).toArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as(c.get("name").asText() + " entry " + i).isCloseTo(expected[i], within(1e-12));
            }
            double[] diag = k.diagonal(x).toArray();
            double[] full = k.matrix(x, x).toArray();
            for (int i = 0; i < 6; i++) {
                assertThat(diag[i]).as(c.get("name").asText() + " diagonal " + i).isCloseTo(full[i * 7], within(1e-12));
            }
        }
    }

    @Test
    void gradientsInHyperparametersAndInputsMatchFiniteDifferences() {
        Tensor x1 = Tensor.of(new double[] {0.3, -1.2, 1.1, 0.4, -0.7, 0.9, 0.3, -1.2}, 4, 2);
        Tensor x2 = Tensor.of(new double[] {0.5, 0.1, -0.9, 1.3, 0.2, -0.4}, 3, 2);
        for (Kernel k : SklearnReference.KERNELS.values()) {
            if (k.inputDimension().orElse(2) != 2) {
                continue;
            }
            GradientChecker.Result cross = GradientChecker.check(
                    v -> k.matrix(v[0], v[1], v[2]), k.parameters(), x1, x2);
            assertThat(cross.maxError()).as(k + " cross " + cross).isLessThan(1e-7);
            // x1 has a repeated row: the distance-zero entries must have finite, correct gradients.
            GradientChecker.Result self = GradientChecker.check(v -> k.matrix(v[0], v[1], v[1]), k.parameters(), x1);
            assertThat(self.maxError()).as(k + " self " + self).isLessThan(1e-7);
            GradientChecker.Result diag = GradientChecker.check(v -> k.diagonal(v[0], v[1]), k.parameters(), x1);
            assertThat(diag.maxError()).as(k + " diagonal " + diag).isLessThan(1e-7);
        }
    }

    @Test
    void hyperparametersRoundTripThroughTheirUnconstrainedForm() {
        Kernel k = Matern.threeHalves(2.5, 0.01, 40.0).plus(Periodic.of(1e-3, 3.0, 7.0));
        assertThat(k.constrainedParameters()).containsExactly(new double[] {2.5, 0.01, 40.0, 1e-3, 3.0, 7.0},
                within(1e-12));
        assertThat(k.parameterNames()).containsExactly("left.variance", "left.lengthscale[0]", "left.lengthscale[1]",
                "right.variance", "right.lengthscale", "right.period");
        Kernel moved = k.withParameters(k.parameters().add(1.0));
        assertThat(moved.constrainedParameters()[0]).isCloseTo(Math.log1p(Math.exp(Positive.unconstrain(2.5) + 1)),
                within(1e-12));
        assertThat(moved.matrix(Tensor.of(new double[] {0, 1}, 1, 2), Tensor.of(new double[] {0, 1}, 1, 2)).item())
                .isCloseTo(moved.constrainedParameters()[0] + moved.constrainedParameters()[3], within(1e-12));
    }

    @Test
    void nonPositiveHyperparametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> SquaredExponential.of(1.0, 0.5, -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SquaredExponential lengthscale[1] must be finite and > 0, got -0.5");
        assertThatThrownBy(() -> Matern.half(0.0, 1.0))
                .hasMessage("Matern1/2 variance must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> Periodic.of(1.0, 1.0, Double.NaN))
                .hasMessage("Periodic period must be finite and > 0, got NaN");
        assertThatThrownBy(() -> Linear.of(-2.0)).hasMessage("Linear variance must be finite and > 0, got -2.0");
        assertThatThrownBy(() -> SquaredExponential.of(1.0)).hasMessageContaining("needs at least one lengthscale");
        assertThatThrownBy(() -> SquaredExponential.of(1.0, 1.0).withParameters(Tensor.of(0.0, Double.NaN)))
                .hasMessage("SquaredExponential unconstrained lengthscale must be finite, got NaN");
    }

    @Test
    void inputsOfTheWrongDimensionAreRejectedWithBothShapes() {
        Kernel ard = SquaredExponential.of(1.0, 1.0, 2.0);
        assertThatThrownBy(() -> ard.matrix(Tensor.zeros(3, 3), Tensor.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SquaredExponential has 2 ARD lengthscales but input x1 has 3 columns (shape [3, 3])");
        assertThatThrownBy(() -> Matern.half(1.0, 1.0).matrix(Tensor.zeros(3, 2), Tensor.zeros(2, 1)))
                .hasMessage("Matern1/2 inputs x1 and x2 must have the same number of columns, got 2 and 1");
        assertThatThrownBy(() -> ard.plus(Matern.half(1, 1, 1, 1)))
                .hasMessageStartingWith("SumKernel operands need the same input dimension, got 2");
        assertThatThrownBy(() -> Linear.of(1).matrix(Tensor.zeros(3), Tensor.zeros(3)))
                .hasMessage("Linear input x1 must have shape [n, d], got [3]");
    }

    @Test
    void sumsAndProductsAreTheSumsAndProductsOfTheirParts() {
        Tensor x = Tensor.of(new double[] {0.1, 0.7, -1.3, 2.0, 0.5, 0.5}, 3, 2);
        Kernel a = Matern.fiveHalves(1.3, 0.4, 2.2);
        Kernel b = Linear.of(0.7);
        Tensor ka = a.matrix(x, x);
        Tensor kb = b.matrix(x, x);
        assertThat(a.plus(b).matrix(x, x).sub(ka.add(kb)).square().sum().item()).isLessThan(1e-28);
        assertThat(a.times(b).matrix(x, x).sub(ka.mul(kb)).square().sum().item()).isLessThan(1e-28);
        assertThat(a.times(b).parameterCount()).isEqualTo(4);
        List<String> names = a.times(b).parameterNames();
        assertThat(names.get(3)).isEqualTo("right.variance");
        Var u = Var.constant(a.times(b).parameters());
        assertThat(a.times(b).diagonal(u, Var.constant(x)).value().toArray())
                .containsExactly(ka.mul(kb).toArray()[0], ka.mul(kb).toArray()[4], ka.mul(kb).toArray()[8]);
    }
}
