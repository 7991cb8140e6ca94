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

class LogisticTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Logistic(0, 1)", Logistic.of(0, 1)),
                new Named("Logistic([-1, 2, 30], [0.5, 3, 0.01])", Logistic.of(Tensor.of(-1, 2, 30), Tensor.of(0.5, 3, 0.01))),
                new Named("Logistic([[1],[2]], [1, 2, 3]) broadcast", Logistic.of(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(1, 2, 3))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Logistic.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Logistic.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(-3, 0.4, 10), Tensor.of(0.5, -0.2, 1), Tensor.of(0.9, 2, 4)),
                new Point(Tensor.of(new double[] {-1, 2.5}, 2, 1), Tensor.of(0.3), Tensor.of(0.7, 1.9)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Logistic.of(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Logistic scale must be > 0, got -1.0");
        assertThatThrownBy(() -> Logistic.of(Double.NaN, 1)).hasMessage("Logistic loc must be finite, got NaN");
    }
}
