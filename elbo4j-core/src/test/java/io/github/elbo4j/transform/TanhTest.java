package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TanhTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        return BijectorSubject.onReals(Tanh.of()).withPoints(BijectorSubject.uniform(-3, 3));
    }

    @Test
    void tanhLogJacobianIsFiniteWhereOneMinusYSquaredRoundsToZero() {
        // log sech²(40) = 2 (log 2 - 40 - log1p(e^-80)) although tanh(40) = 1 in double precision.
        Tensor x = Tensor.of(40.0);
        double ladj = Tanh.of().logAbsDetJacobian(Var.constant(x), Var.constant(x)).item();
        assertThat(ladj).isCloseTo(2 * (Math.log(2) - 40), within(1e-12));
    }
}
