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

class LogNormalTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("LogNormal(0, 0.5)", LogNormal.of(0, 0.5)),
                new Named("LogNormal([-1, 2, 30], [0.3, 0.1, 0.01])", LogNormal.of(Tensor.of(-1, 2, 30), Tensor.of(0.3, 0.1, 0.01))),
                new Named("LogNormal([[1],[2]], [0.1, 0.2, 0.4]) broadcast",
                        LogNormal.of(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(0.1, 0.2, 0.4))));
    }

    @Override
    public ParameterTable parameterTable() {
        return LogNormal.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> LogNormal.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.5, 1.7, 4.0), Tensor.of(0.2, -0.3, 1.0), Tensor.of(0.8, 1.5, 0.6)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-1, 0, Double.NaN), Tensor.of(0.2), Tensor.of(0.8)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> LogNormal.of(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LogNormal scale must be > 0, got 0.0");
        assertThatThrownBy(() -> LogNormal.of(Double.POSITIVE_INFINITY, 1)).hasMessage("LogNormal loc must be finite, got Infinity");
    }

    @Test
    void varianceOfANarrowLogNormalKeepsItsDigits() {
        // (e^{s^2} - 1) e^{2m + s^2} with expm1: s = 1e-8 gives 1e-16 (e^{s^2} - 1 would give 0)
        assertThat(LogNormal.of(0, 1e-8).variance().item()).isCloseTo(1e-16, org.assertj.core.data.Percentage.withPercentage(1e-10));
    }
}
