package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AffineTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        double loc = -2 + 4 * rng.nextDouble();
        double scale = (rng.nextBoolean() ? 1 : -1) * (0.3 + 2.7 * rng.nextDouble());
        return BijectorSubject.onReals(Affine.of(loc, scale));
    }

    @Test
    void affineLogJacobianIsBroadcastToTheShapeOfTheOutput() {
        Affine a = Affine.of(Tensor.of(1.0, 2.0, 3.0), Tensor.of(new double[] {-2.0, 0.5}, 2, 1));
        Var x = Var.constant(Tensor.zeros(3));
        Var ladj = a.logAbsDetJacobian(x, a.forward(x));
        assertThat(ladj.shape()).containsExactly(2, 3);
        assertThat(ladj.value().toArray()).containsExactly(Math.log(2), Math.log(2), Math.log(2),
                Math.log(0.5), Math.log(0.5), Math.log(0.5));
    }

    @Test
    void affineGradientsReachTrackedLocationAndScale() {
        Tensor x = Tensor.of(new double[] {0.3, -1.2, 2.0, 0.7, -0.4, 1.1}, 2, 3);
        GradientChecker.Result forward = GradientChecker.check(v -> Affine.of(v[1], v[2]).forward(v[0]),
                x, Tensor.of(0.5, -1.0, 2.0), Tensor.of(new double[] {1.5, -0.7}, 2, 1));
        assertThat(forward.maxError()).as("%s", forward).isLessThanOrEqualTo(GRADIENT);
        GradientChecker.Result ladj = GradientChecker.check(v -> {
            Affine a = Affine.of(v[1], v[2]);
            return a.logAbsDetJacobian(v[0], a.forward(v[0]));
        }, x, Tensor.of(0.5, -1.0, 2.0), Tensor.of(new double[] {1.5, -0.7}, 2, 1));
        assertThat(ladj.maxError()).as("%s", ladj).isLessThanOrEqualTo(GRADIENT);
    }

    @Test
    void affineRefusesAZeroScaleAndANonFiniteLocation() {
        assertThatThrownBy(() -> Affine.of(Tensor.of(0.0), Tensor.of(1.0, 0.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Affine scale must be finite and != 0, got 0.0");
        assertThatThrownBy(() -> Affine.of(Double.POSITIVE_INFINITY, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Affine loc must be finite, got Infinity");
        assertThatThrownBy(() -> Affine.of(Tensor.of(0.0, 1.0), Tensor.of(1.0, 2.0, 3.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2]").hasMessageContaining("[3]");
    }
}
