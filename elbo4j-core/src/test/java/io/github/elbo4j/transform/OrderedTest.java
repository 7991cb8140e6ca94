package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderedTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        return BijectorSubject.onReals(Ordered.of(), 1 + rng.nextInt(4));
    }

    @Test
    void orderedStartsAtTheFirstInputAndStepsByExponentials() {
        Tensor y = Ordered.of().forward(Tensor.of(-1.0, 0.0, Math.log(2)));
        assertThat(BijectorContract.worst(y, Tensor.of(-1.0, 0.0, 2.0))).isLessThanOrEqualTo(1e-15);
    }
}
