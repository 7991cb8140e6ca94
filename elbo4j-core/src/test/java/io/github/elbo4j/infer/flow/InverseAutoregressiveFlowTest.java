package io.github.elbo4j.infer.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Init;
import io.github.elbo4j.nn.Made;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The inverse autoregressive flow (Kingma et al., NeurIPS 2016, eq. 14) with random MADE weights
 * (the initial weights times 1.5 plus N(0, 0.3²) noise, so gates and shifts vary by coordinate):
 * against the tape's Jacobian, its own inverse and finite differences.
 */
class InverseAutoregressiveFlowTest {

    /** Tanh hidden units: smooth, so the five-point stencil's O(h⁴) holds (ELU's second derivative jumps at 0). */
    private static Made made(Random rng, int d) {
        return Made.of("iaf", d, 2, Activation.TANH, Init.PYTORCH_DEFAULT, rng.nextLong(), 3 + rng.nextInt(2 * d), 3 + rng.nextInt(2 * d));
    }

    @Property(tries = 40, seed = "20261207")
    void logAbsDetJacobianIsTheLogDeterminantOfTheTapeJacobian(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 2 + rng.nextInt(5);
        Made made = made(rng, d);
        InverseAutoregressiveFlow f = InverseAutoregressiveFlow.of(made, NetworkLaws.constants(NetworkLaws.randomWeights(made, d, 1.5, rng)));
        Tensor z = FlowLaws.normal(rng, 2.0, d);
        double expected = FlowLaws.tapeLogAbsDet(f, z);
        double actual = f.logAbsDetJacobian(Var.constant(z), f.forward(Var.constant(z))).item();
        assertThat(Math.abs(actual - expected)).as("%s at %s", f, z).isLessThanOrEqualTo(1e-10 * Math.max(1, Math.abs(expected)));
    }

    /**
     * Output {@code i} may depend on inputs {@code <= i} only: every entry above the diagonal of the
     * tape's Jacobian is exactly 0, and (so that the check can tell) some entry below it is not.
     */
    @Property(tries = 20, seed = "20261207")
    void theJacobianIsLowerTriangular(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 3 + rng.nextInt(4);
        Made made = made(rng, d);
        InverseAutoregressiveFlow f = InverseAutoregressiveFlow.of(made, NetworkLaws.constants(NetworkLaws.randomWeights(made, d, 1.5, rng)));
        double[][] j = NetworkLaws.tapeJacobian(f, FlowLaws.normal(rng, 1.0, d));
        double below = 0;
        for (int o = 0; o < d; o++) {
            for (int i = 0; i < d; i++) {
                if (i > o) {
                    assertThat(j[o][i]).as("dy_%d/dz_%d", o, i).isZero();
                } else if (i < o) {
                    below = Math.max(below, Math.abs(j[o][i]));
                }
            }
            assertThat(j[o][o]).as("the gate sigma_%d", o).isStrictlyBetween(0.0, 1.0);
        }
        assertThat(below).isGreaterThan(1e-3);
    }

    @Property(tries = 40, seed = "20261207")
    void inverseUndoesForwardToOneInTenBillion(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 2 + rng.nextInt(6);
        Made made = made(rng, d);
        InverseAutoregressiveFlow f = InverseAutoregressiveFlow.of(made, NetworkLaws.constants(NetworkLaws.randomWeights(made, d, 1.5, rng)));
        Tensor z = FlowLaws.normal(rng, 3.0, 5, d);
        assertThat(FlowLaws.worst(f.inverse(f.forward(z)), z)).as("%s", f).isLessThanOrEqualTo(1e-10);
    }

    @Property(tries = 10, seed = "20261207")
    void forwardLogDetAndInverseHaveFiniteDifferenceGradientsInPointsAndWeights(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 2 + rng.nextInt(3);
        Made made = made(rng, d);
        Map<String, Tensor> w = NetworkLaws.randomWeights(made, d, 1.5, rng);
        Tensor[] inputs = NetworkLaws.inputs(FlowLaws.normal(rng, 1.5, 3, d), w);
        GradientChecker.Result forward = GradientChecker.check(NetworkLaws.asFunction(w, p -> InverseAutoregressiveFlow.of(made, p),
                (f, z) -> f.forward(z)), inputs);
        assertThat(forward.maxError()).as("forward %s", forward).isLessThanOrEqualTo(1e-6);
        GradientChecker.Result ladj = GradientChecker.check(NetworkLaws.asFunction(w, p -> InverseAutoregressiveFlow.of(made, p),
                (f, z) -> f.logAbsDetJacobian(z, f.forward(z))), inputs);
        assertThat(ladj.maxError()).as("log-det %s", ladj).isLessThanOrEqualTo(1e-6);
        GradientChecker.Result inverse = GradientChecker.check(NetworkLaws.asFunction(w, p -> InverseAutoregressiveFlow.of(made, p),
                (f, y) -> f.inverse(y)), inputs);
        assertThat(inverse.maxError()).as("inverse %s", inverse).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void inOneDimensionTheFlowIsAnAffineMapWithAConstantGate() {
        InverseAutoregressiveFlow f = InverseAutoregressiveFlow.constant(Var.constant(Tensor.of(0.7, 0.4)));
        double sigma = 1 / (1 + Math.exp(-0.4));
        Tensor z = Tensor.of(new double[] {-1.0, 2.0}, 2, 1);
        assertThat(f.forward(z).toArray()).containsExactly(sigma * -1.0 + (1 - sigma) * 0.7, sigma * 2.0 + (1 - sigma) * 0.7);
        assertThat(f.logAbsDetJacobian(Var.constant(z), f.forward(Var.constant(z))).value().toArray())
                .containsExactly(Math.log(sigma), Math.log(sigma));
        assertThat(FlowLaws.worst(f.inverse(f.forward(z)), z)).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void aMadeOfTheWrongShapeOrLengthIsRefusedNamingBoth() {
        assertThatThrownBy(() -> InverseAutoregressiveFlow.of(Made.of("m", 3, 1, 4))).hasMessageContaining("multiplier 2")
                .hasMessageContaining("got 1");
        InverseAutoregressiveFlow f = InverseAutoregressiveFlow.of(Made.of("m", 3, 2, 4));
        MultivariateNormal base = MultivariateNormal.ofScaleTril(Tensor.zeros(2), Tensor.eye(2));
        assertThatThrownBy(() -> NormalizingFlow.of(base, Permutation.reverse(2), f))
                .hasMessageContaining("layer 1").hasMessageContaining("vectors of length 3").hasMessageContaining("base's events have length 2");
        assertThatThrownBy(() -> f.forward(Tensor.zeros(4, 2))).hasMessageContaining("length 3").hasMessageContaining("[4, 2]");
        assertThatThrownBy(() -> InverseAutoregressiveFlow.of(Made.of("m", 3, 2, 4), Map.of()).forward(Tensor.zeros(3)))
                .hasMessageContaining("needs param 'm.0.weight'");
    }
}
