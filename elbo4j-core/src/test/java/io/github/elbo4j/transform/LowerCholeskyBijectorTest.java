package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowerCholeskyBijectorTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        int n = 1 + rng.nextInt(3);
        return BijectorSubject.onReals(LowerCholeskyBijector.of(), n * (n + 1) / 2)
                .withFreeOutputs(BijectorSubject.lowerTriangle(n, false));
    }

    @Test
    void vectorFillsTheLowerTriangleRowByRowWithAnExponentiatedDiagonal() {
        Tensor l = LowerCholeskyBijector.of().forward(Tensor.of(0.0, 2.0, Math.log(3), 4.0, 5.0, 0.0));
        assertThat(BijectorContract.worst(l, Tensor.of(new double[][] {{1, 0, 0}, {2, 3, 0}, {4, 5, 1}}))).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void lowerCholeskyBijectorRefusesANonTriangularLength() {
        assertThatThrownBy(() -> LowerCholeskyBijector.of().forward(Tensor.zeros(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LowerCholeskyBijector input last dimension must be n(n+1)/2 for some n >= 1, got 5");
        assertThatThrownBy(() -> LowerCholeskyBijector.of().inverse(Tensor.zeros(2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LowerCholeskyBijector input must end in two equal axes (n×n matrices), got shape [2, 3]");
    }
}
