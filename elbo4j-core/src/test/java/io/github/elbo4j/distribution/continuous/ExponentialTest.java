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

class ExponentialTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Exponential(1)", Exponential.of(1)),
                new Named("Exponential([1e-3, 2, 50])", Exponential.of(Tensor.of(1e-3, 2, 50))),
                new Named("Exponential([[1],[2]]) expanded", Exponential.of(Tensor.of(new double[] {1, 2}, 2, 1)).expand(2, 3)));
    }

    @Override
    public ParameterTable parameterTable() {
        return Exponential.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Exponential.of(v[0]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.3, 2, 9), Tensor.of(0.5, 1.5, 0.2)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-1, -1e-300, Double.NaN), Tensor.of(2.0)));
    }

    @Test
    void nonPositiveRateIsRejectedWithItsValue() {
        assertThatThrownBy(() -> Exponential.of(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Exponential rate must be > 0, got -1.0");
    }

    @Test
    void isTheGammaWithShapeOne() {
        Tensor x = Tensor.of(0, 0.1, 1, 7);
        double[] a = Exponential.of(2.5).logProb(x).value().toArray();
        double[] b = Gamma.of(1, 2.5).logProb(x).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-14));
        }
    }
}
