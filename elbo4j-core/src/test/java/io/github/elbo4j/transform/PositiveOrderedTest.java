package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositiveOrderedTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        return BijectorSubject.onReals(PositiveOrdered.of(), 1 + rng.nextInt(4));
    }

    @Test
    void positiveOrderedIsTheCumulativeSumOfExponentials() {
        Tensor y = PositiveOrdered.of().forward(Tensor.of(Math.log(0.5), 0.0, Math.log(2)));
        assertThat(BijectorContract.worst(y, Tensor.of(0.5, 1.5, 3.5))).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void theConstraintHoldsPositiveIncreasingVectorsOnly() {
        Constraint c = Constraint.positiveOrdered();
        assertThat(c.check(Tensor.of(new double[] {0.1, 0.2, 3, -0.1, 0.2, 3, 0.5, 0.4, 1}, 3, 3)).toArray())
                .containsExactly(1.0, 0.0, 0.0);
    }
}
