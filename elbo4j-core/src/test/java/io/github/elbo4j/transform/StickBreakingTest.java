package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StickBreakingTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        int free = 1 + rng.nextInt(4);
        return BijectorSubject.onReals(StickBreaking.of(), free).withFreeOutputs(BijectorSubject.first(free));
    }

    @Test
    void zeroMapsToTheCentreOfTheSimplex() {
        Tensor y = StickBreaking.of().forward(Tensor.zeros(2, 4));
        assertThat(BijectorContract.worst(y, Tensor.full(0.2, 2, 5))).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void extremeInputsStayOnTheSimplex() {
        Tensor y = StickBreaking.of().forward(Tensor.of(60.0, -60.0, 800.0, -800.0));
        assertThat(y.allFinite()).isTrue();
        assertThat(new Constraint.Simplex().check(y).item()).isEqualTo(1.0);
    }

    @Test
    void stickBreakingRefusesAScalarAndAnEmptyVector() {
        assertThatThrownBy(() -> StickBreaking.of().forward(Tensor.scalar(1.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StickBreaking input must have rank >= 1, got shape []");
        assertThatThrownBy(() -> StickBreaking.of().inverse(Tensor.of(1.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StickBreaking inverse input last dimension must be >= 2, got 1");
    }
}
