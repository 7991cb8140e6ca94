package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdentityTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        return BijectorSubject.onReals(Identity.of());
    }

    @Test
    void identityLeavesValuesAloneAndHasZeroLogJacobian() {
        Tensor x = Tensor.of(-1.5, 0.0, 2.0);
        assertThat(Identity.of().forward(x)).isEqualTo(x);
        assertThat(Identity.of().logAbsDetJacobian(Var.constant(x), Var.constant(x)).value()).isEqualTo(Tensor.zeros(3));
    }
}
