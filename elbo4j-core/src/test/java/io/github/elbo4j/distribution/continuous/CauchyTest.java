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

class CauchyTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Cauchy(0, 1)", Cauchy.of(0, 1)),
                new Named("Cauchy([-1, 2, 30], [0.5, 3, 0.01])", Cauchy.of(Tensor.of(-1, 2, 30), Tensor.of(0.5, 3, 0.01))),
                new Named("Cauchy([[1],[2]], [1, 2, 3]) broadcast", Cauchy.of(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(1, 2, 3))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Cauchy.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Cauchy.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(-3, 0.4, 10), Tensor.of(0.5, -0.2, 1), Tensor.of(0.9, 2, 4)),
                new Point(Tensor.of(new double[] {-1, 2.5}, 2, 1), Tensor.of(0.3), Tensor.of(0.7, 1.9)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Cauchy.of(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cauchy scale must be > 0, got -1.0");
        assertThatThrownBy(() -> Cauchy.of(Double.NaN, 1)).hasMessage("Cauchy loc must be finite, got NaN");
    }

    @Test
    void meanAndVarianceAreUndefined() {
        Cauchy c = Cauchy.of(Tensor.of(0, 1), Tensor.of(1.0));
        assertThat(c.mean().toArray()).containsExactly(Double.NaN, Double.NaN);
        assertThat(c.variance().toArray()).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void farLowerTailCdfKeepsItsRelativeAccuracy() {
        // F(-1e8) = atan(1e-8)/pi = 3.1830988618379067e-9 (1/2 + atan(z)/pi would lose 8 digits)
        assertThat(Cauchy.of(0, 1).cdf(Tensor.scalar(-1e8)).item())
                .isCloseTo(3.1830988618379067e-9, org.assertj.core.data.Percentage.withPercentage(1e-12));
    }
}
