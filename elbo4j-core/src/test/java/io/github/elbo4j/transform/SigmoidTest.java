package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SigmoidTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        return BijectorSubject.onReals(Sigmoid.of()).withPoints(BijectorSubject.uniform(-4, 4));
    }

    @Test
    void sigmoidLogJacobianStaysFiniteFarInTheTails() {
        // log σ'(x) = -|x| - 2 log(1 + e^{-|x|}) ≈ -|x|: finite although σ(800) rounds to 1.
        Tensor x = Tensor.of(-800.0, 800.0);
        Tensor ladj = Sigmoid.of().logAbsDetJacobian(Var.constant(x), Var.constant(x.apply(io.github.elbo4j.tensor.ElementwiseFunction.SIGMOID))).value();
        assertThat(ladj.toArray()[0]).isCloseTo(-800.0, within(1e-9));
        assertThat(ladj.toArray()[1]).isCloseTo(-800.0, within(1e-9));
    }
}
