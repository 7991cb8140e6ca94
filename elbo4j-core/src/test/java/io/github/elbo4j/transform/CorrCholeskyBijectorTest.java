package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrCholeskyBijectorTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        int n = 2 + rng.nextInt(3);
        return BijectorSubject.onReals(CorrCholeskyBijector.of(), n * (n - 1) / 2)
                .withPoints(BijectorSubject.uniform(-1.5, 1.5))
                .withFreeOutputs(BijectorSubject.lowerTriangle(n, true));
    }

    @Test
    void zeroMapsToTheIdentity() {
        assertThat(CorrCholeskyBijector.of().forward(Tensor.zeros(6))).isEqualTo(Tensor.eye(4));
    }

    @Test
    void twoByTwoFactorHoldsTheCorrelationTanhX() {
        double x = 0.8;
        double r = Math.tanh(x);
        Tensor l = CorrCholeskyBijector.of().forward(Tensor.of(x));
        assertThat(BijectorContract.worst(l, Tensor.of(new double[][] {{1, 0}, {r, Math.sqrt(1 - r * r)}}))).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void extremeInputsGiveFiniteUnitRows() {
        Tensor l = CorrCholeskyBijector.of().forward(Tensor.of(25.0, -25.0, 25.0));
        assertThat(l.allFinite()).isTrue();
        assertThat(new Constraint.CorrCholesky().check(l).item()).isEqualTo(1.0);
    }

    @Test
    void corrCholeskyBijectorRefusesANonTriangularLength() {
        assertThatThrownBy(() -> CorrCholeskyBijector.of().forward(Tensor.zeros(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CorrCholeskyBijector input last dimension must be n(n-1)/2 for some n >= 2, got 4");
    }
}
