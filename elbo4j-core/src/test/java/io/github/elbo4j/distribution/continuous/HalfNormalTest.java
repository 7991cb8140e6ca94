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

class HalfNormalTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("HalfNormal(1)", HalfNormal.of(1)),
                new Named("HalfNormal([0.01, 2, 30])", HalfNormal.of(Tensor.of(0.01, 2, 30))));
    }

    @Override
    public ParameterTable parameterTable() {
        return HalfNormal.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> HalfNormal.of(v[0]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.3, 1.2, 4.0), Tensor.of(0.7, 2.0, 3.0)),
                new Point(Tensor.of(new double[] {0.5, 2}, 2, 1), Tensor.of(0.4, 1.1)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-0.5, -1e-300, Double.NaN), Tensor.of(1.0)));
    }

    @Test
    void nonPositiveScaleIsRejectedWithItsValue() {
        assertThatThrownBy(() -> HalfNormal.of(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HalfNormal scale must be > 0, got -2.0");
    }

    @Test
    void zeroIsInTheSupportWithTheModeDensity() {
        assertThat(HalfNormal.of(2).logProb(Tensor.scalar(0)).item()).isEqualTo(0.5 * Math.log(2 / Math.PI) - Math.log(2));
    }
}
