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

class WeibullTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Weibull(1, 1.5)", Weibull.of(1, 1.5)),
                new Named("Weibull([2, 0.5, 10], [0.8, 5, 20])", Weibull.of(Tensor.of(2, 0.5, 10), Tensor.of(0.8, 5, 20))),
                new Named("Weibull([[1],[3]], [1, 2]) broadcast", Weibull.of(Tensor.of(new double[] {1, 3}, 2, 1), Tensor.of(1, 2))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Weibull.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Weibull.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.3, 2, 9), Tensor.of(1.3), Tensor.of(0.7, 3, 1.5)),
                new Point(Tensor.of(0.5, 1.5), Tensor.of(0.9, 2.0), Tensor.of(1.0)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-1, Double.NaN), Tensor.of(1.0), Tensor.of(2.0)));
    }

    @Test
    void nonPositiveParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Weibull.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Weibull scale must be > 0, got 0.0");
        assertThatThrownBy(() -> Weibull.of(1, -3)).hasMessage("Weibull concentration must be > 0, got -3.0");
    }

    @Test
    void shapeOneIsTheExponentialWithRateOneOverScale() {
        Tensor x = Tensor.of(0, 0.1, 1, 7);
        double[] a = Weibull.of(4, 1).logProb(x).value().toArray();
        double[] b = Exponential.of(0.25).logProb(x).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-14));
        }
    }
}
