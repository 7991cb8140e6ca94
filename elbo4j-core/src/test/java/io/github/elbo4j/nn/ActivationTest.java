package io.github.elbo4j.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Activations against reference values from outside the project:
 * {@code src/test/resources/reference/nn_activations.csv}, written by
 * {@code src/test/resources/reference/make_nn_reference.py} (mpmath at 50 digits, cross-checked
 * with PyTorch where its float64 kernels are accurate); and their gradients against finite differences.
 */
class ActivationTest {

    private static final String RESOURCE = "/reference/nn_activations.csv";

    /** Relative error allowed against the correctly rounded reference: a few ulps of erfc/expm1/exp. */
    private static final double RELATIVE = 1e-14;

    /**
     * Beyond {@code |x| = √TAIL} the allowance grows as {@code x²}: in the left tail {@code Φ(x) ≈ e^{-x²/2}},
     * so the rounding of {@code x/√2} (relative 1.1e-16) moves {@code Φ} by a relative {@code x² · 1.1e-16}
     * (3.3e-14 at x = -30). A bug in the formula is off by far more.
     */
    private static final double TAIL = 25.0;

    private record Row(Activation activation, double x, double value, double derivative) {
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ActivationTest.class.getResourceAsStream(RESOURCE)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                rows.add(new Row(Activation.valueOf(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        }
        return rows;
    }

    private static void assertClose(double actual, double expected, double x, String what) {
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertThat(Math.abs(actual - expected) / scale).as("%s = %s, reference %s", what, actual, expected)
                .isLessThanOrEqualTo(RELATIVE * Math.max(1.0, x * x / TAIL));
    }

    @Test
    void valuesAndDerivativesMatchTheMpmathReference() throws IOException {
        // catches GELU through 1 + erf (loses every digit below x = -8: -7.6e-23 at -10 becomes 0),
        // ELU through exp(x) - 1 (8 wrong digits at -1e-8), a GELU derivative without the x φ(x) term,
        // σ' as σ(1 - σ) (1.8e-14 relative at 5, 0 at 30) and tanh' as 1 - tanh² (0 at 30): both cancel
        List<Row> rows = rows();
        assertThat(rows).hasSize(80);
        for (Row r : rows) {
            Tape tape = new Tape();
            Var x = tape.variable(Tensor.of(r.x()));
            Var y = r.activation().apply(x);
            double grad = tape.gradient(y.sum(), x).get(0).item();
            assertClose(y.item(), r.value(), r.x(), r.activation() + "(" + r.x() + ")");
            assertClose(grad, r.derivative(), r.x(), r.activation() + "'(" + r.x() + ")");
        }
    }

    @Test
    void everyActivationHasExactGradientsWithAParticleAxis() {
        // [P, B, n] values on a grid that stays 0.05 away from 0, ReLU's and ELU's kinks
        double[] v = new double[2 * 3 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 2 == 0 ? 1 : -1) * (0.05 + 0.17 * i);
        }
        Tensor x = Tensor.of(v, 2, 3, 4);
        for (Activation a : Activation.values()) {
            GradientChecker.Result r = GradientChecker.check(w -> a.apply(w[0]), x);
            assertThat(r.maxError()).as("%s: %s", a, r).isLessThanOrEqualTo(LayerChecks.TOLERANCE);
            assertThat(a.apply(Var.constant(x)).shape()).containsExactly(2, 3, 4);
        }
    }

    @Test
    void geluIsXPhiOfX() {
        // x Φ(x) - (-x) Φ(-x) = x (Φ(x) + Φ(-x)) = x: catches Φ evaluated at the wrong sign or scale
        Tensor x = Tensor.of(-3.0, -0.7, 0.2, 1.5, 4.0);
        Tensor diff = Activation.GELU.apply(Var.constant(x)).value().sub(Activation.GELU.apply(Var.constant(x.neg())).value());
        double[] d = diff.toArray();
        for (int i = 0; i < d.length; i++) {
            assertThat(d[i]).isCloseTo(x.toArray()[i], org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void tailsGiveTheirLimitsInsteadOfNaN() {
        Var inf = Var.constant(Tensor.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertThat(Activation.GELU.apply(inf).value().toArray()).containsExactly(-0.0, Double.POSITIVE_INFINITY);
        assertThat(Activation.ELU.apply(inf).value().toArray()).containsExactly(-1.0, Double.POSITIVE_INFINITY);
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.of(Double.NEGATIVE_INFINITY, -50.0, 50.0, Double.POSITIVE_INFINITY));
        assertThat(tape.gradient(Activation.GELU.apply(x).sum(), x).get(0).toArray()).containsExactly(0.0, 0.0, 1.0, 1.0);
    }

    @Test
    void reluHasZeroDerivativeAtZeroAndIdentityReturnsItsArgument() {
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.of(-1.0, 0.0, 2.0));
        assertThat(tape.gradient(Activation.RELU.apply(x).sum(), x).get(0).toArray()).containsExactly(0.0, 0.0, 1.0);
        assertThat(Activation.IDENTITY.apply(x)).isSameAs(x);
        assertThat(Activation.TANH.forward(LayerChecks.plain(), x).value()).isEqualTo(x.value().apply(io.github.elbo4j.tensor.ElementwiseFunction.TANH));
    }
}
