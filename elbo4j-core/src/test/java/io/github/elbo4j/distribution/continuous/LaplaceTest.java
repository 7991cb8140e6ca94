package io.github.elbo4j.distribution.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ContinuousDistributionContract;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LaplaceTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Laplace(0, 1)", Laplace.of(0, 1)),
                new Named("Laplace([-1, 2, 30], [0.5, 3, 0.01])", Laplace.of(Tensor.of(-1, 2, 30), Tensor.of(0.5, 3, 0.01))),
                new Named("Laplace([[1],[2]], [1, 2, 3]) broadcast", Laplace.of(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(1, 2, 3))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Laplace.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Laplace.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(-3, 0.4, 10), Tensor.of(0.5, -0.2, 1), Tensor.of(0.9, 2, 4)),
                new Point(Tensor.of(new double[] {-1, 2.5}, 2, 1), Tensor.of(0.3), Tensor.of(0.7, 1.9)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Laplace.of(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Laplace scale must be > 0, got -1.0");
        assertThatThrownBy(() -> Laplace.of(Double.NaN, 1)).hasMessage("Laplace loc must be finite, got NaN");
    }

    @Test
    void logProbDerivativeAtTheModeIsTakenAsZero() {
        io.github.elbo4j.autodiff.Tape tape = new io.github.elbo4j.autodiff.Tape();
        Var x = tape.variable(1.5);
        Var lp = Laplace.of(1.5, 2.0).logProb(x);
        assertThat(tape.gradient(lp, x).of(x).item()).isEqualTo(0.0);
        assertThat(lp.item()).isEqualTo(-Math.log(4.0));
    }
}
