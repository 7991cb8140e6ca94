package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftplusTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        return BijectorSubject.onReals(Softplus.of()).withPoints(BijectorSubject.uniform(-3, 3));
    }

    @Test
    void softplusInverseIsAccurateForTinyAndHugeOutputs() {
        // softplus(-30) = log1p(e^-30) ≈ e^-30 and softplus(800) = 800: log(e^y - 1) must neither cancel nor overflow.
        Tensor x = Tensor.of(-30.0, 800.0);
        Tensor back = Softplus.of().inverse(Softplus.of().forward(x));
        assertThat(BijectorContract.worst(back, x)).isLessThanOrEqualTo(1e-12);
    }
}
