package io.github.elbo4j.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The fused normal log-density against the formula written out, and its gradients in the value,
 * the location and the scale against finite differences, for the operand shapes its loops tell
 * apart: scalar parameters (both summed in one pass), per-element parameters, and broadcasting
 * that needs a reduction to the operand's shape.
 */
class NormalDensityTest {

    private static final Tensor VALUES = Tensor.of(new double[] {0.3, -1.2, 2.5, 0.0, 4.1, -0.7, 1.1, -2.2, 0.9, 3.3, -0.1, 0.6}, 3, 4);

    @Test
    void valuesMatchTheFormulaForBroadcastOperands() {
        Tensor loc = Tensor.of(0.5, -1.0, 2.0, 0.1);
        Tensor scale = Tensor.of(new double[] {0.7, 1.9, 3.1}, 3, 1);
        double[] lp = NormalDensity.of(Var.constant(VALUES), Var.constant(loc), Var.constant(scale)).orElseThrow()
                .value().toArray();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                double x = VALUES.get(r, c);
                double s = scale.get(r, 0);
                double z = (x - loc.get(c)) / s;
                double expected = -0.5 * z * z - StrictMath.log(s) - 0.5 * StrictMath.log(2 * Math.PI);
                assertThat(lp[r * 4 + c]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesWithBroadcasting() {
        GradientChecker.Result r = GradientChecker.check(v -> NormalDensity.of(v[0], v[1], v[2]).orElseThrow(),
                VALUES, Tensor.of(0.5, -1.0, 2.0, 0.1), Tensor.of(new double[] {0.7, 1.9, 3.1}, 3, 1));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void gradientsMatchFiniteDifferencesWithScalarParameters() {
        GradientChecker.Result r = GradientChecker.check(v -> NormalDensity.of(v[0], v[1], v[2]).orElseThrow(),
                VALUES, Tensor.scalar(0.4), Tensor.scalar(1.3));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void gradientsMatchFiniteDifferencesWithOnlyTheLocationTracked() {
        Var scale = Var.constant(Tensor.scalar(1.3));
        Var value = Var.constant(VALUES);
        GradientChecker.Result r = GradientChecker.check(v -> NormalDensity.of(value, v[0], scale).orElseThrow(),
                Tensor.scalar(0.4));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void gradientsMatchFiniteDifferencesWithPerElementParameters() {
        Tensor loc = Tensor.of(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2}, 3, 4);
        Tensor scale = loc.add(0.5);
        GradientChecker.Result r = GradientChecker.check(v -> NormalDensity.of(v[0], v[1], v[2]).orElseThrow(),
                VALUES, loc, scale);
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void aSecondBackwardSweepWithAnotherCotangentGetsItsOwnGradients() {
        io.github.elbo4j.autodiff.Tape tape = new io.github.elbo4j.autodiff.Tape();
        Var loc = tape.variable(0.4);
        Var scale = tape.variable(1.3);
        Var lp = NormalDensity.of(Var.constant(VALUES), loc, scale).orElseThrow();
        var once = tape.gradient(lp.sum(), loc, scale);
        var twice = tape.gradient(lp.mul(2.0).sum(), loc, scale);
        assertThat(twice.of(loc).item()).isCloseTo(2 * once.of(loc).item(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(twice.of(scale).item()).isCloseTo(2 * once.of(scale).item(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aNaNValueLeavesItToTheMaskedGeneralPath() {
        assertThat(NormalDensity.of(Var.constant(Tensor.of(1.0, Double.NaN)), Var.constant(Tensor.scalar(0.0)),
                Var.constant(Tensor.scalar(1.0)))).isEmpty();
    }
}
