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

class ParetoTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Pareto(1, 5)", Pareto.of(1, 5)),
                new Named("Pareto([2, 0.5, 10], [6, 9, 1.5])", Pareto.of(Tensor.of(2, 0.5, 10), Tensor.of(6, 9, 1.5))),
                new Named("Pareto([[1],[3]], [5, 8]) broadcast", Pareto.of(Tensor.of(new double[] {1, 3}, 2, 1), Tensor.of(5, 8))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Pareto.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Pareto.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(1.5, 4, 30), Tensor.of(1.2, 2, 0.5), Tensor.of(0.7, 3, 2.5)));
    }

    @Override
    public List<Point> outsideSupport() {
        // each below its own scale (1.9 is inside the hull x > 0.5)
        return List.of(new Point(Tensor.of(1.0, 1.9, 0.4, -3), Tensor.of(1.2, 2, 0.5, 0.1), Tensor.of(3.0)),
                new Point(Tensor.of(Double.NaN), Tensor.of(1.0), Tensor.of(2.0)));
    }

    @Test
    void nonPositiveParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Pareto.of(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pareto scale must be > 0, got -1.0");
        assertThatThrownBy(() -> Pareto.of(1, 0)).hasMessage("Pareto alpha must be > 0, got 0.0");
    }

    @Test
    void theScaleItselfHasTheLargestDensity() {
        assertThat(Pareto.of(2, 3).logProb(Tensor.scalar(2)).item()).isCloseTo(Math.log(1.5), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void momentsAreInfiniteForHeavyTails() {
        Pareto p = Pareto.of(Tensor.of(1.0), Tensor.of(0.5, 1.5, 3));
        assertThat(p.mean().toArray()).containsExactly(Double.POSITIVE_INFINITY, 3.0, 1.5);
        assertThat(p.variance().toArray()).containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.75);
    }
}
