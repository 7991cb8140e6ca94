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

class HalfCauchyTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("HalfCauchy(1)", HalfCauchy.of(1)),
                new Named("HalfCauchy([0.2, 5, 25])", HalfCauchy.of(Tensor.of(0.2, 5, 25))));
    }

    @Override
    public ParameterTable parameterTable() {
        return HalfCauchy.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> HalfCauchy.of(v[0]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.2, 1.5, 30), Tensor.of(0.5, 1, 3)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-1e-9, -5, Double.NaN), Tensor.of(2.0)));
    }

    @Test
    void nonPositiveScaleIsRejectedWithItsValue() {
        assertThatThrownBy(() -> HalfCauchy.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HalfCauchy scale must be > 0, got 0.0");
    }

    @Test
    void meanAndVarianceAreInfinite() {
        assertThat(HalfCauchy.of(Tensor.of(1, 2)).mean().toArray()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(HalfCauchy.of(Tensor.of(1, 2)).variance().toArray()).containsOnly(Double.POSITIVE_INFINITY);
    }
}
