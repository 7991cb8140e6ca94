package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        return BijectorSubject.onReals(Exp.of());
    }

    @Test
    void expLogJacobianIsTheInput() {
        Tensor x = Tensor.of(-3.0, 0.5, 4.0);
        assertThat(Exp.of().logAbsDetJacobian(Var.constant(x), Var.constant(x.exp())).value()).isEqualTo(x);
    }
}
