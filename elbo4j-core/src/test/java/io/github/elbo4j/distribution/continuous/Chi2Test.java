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

class Chi2Test implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Chi2(3)", Chi2.of(3)),
                new Named("Chi2([0.5, 1, 2, 30])", Chi2.of(Tensor.of(0.5, 1, 2, 30))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Chi2.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Chi2.of(v[0]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.3, 2, 9), Tensor.of(0.7, 3, 12)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-2, Double.NaN), Tensor.of(3.0)));
    }

    @Override
    public boolean rsampleIsExplicit() {
        return false;
    }

    @Test
    void nonPositiveDegreesOfFreedomAreRejected() {
        assertThatThrownBy(() -> Chi2.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Chi2 df must be > 0, got 0.0");
    }

    @Test
    void isTheGammaWithHalfTheDegreesOfFreedomAndRateOneHalf() {
        Tensor x = Tensor.of(0.1, 1, 7);
        assertThat(Chi2.of(5).logProb(x).value()).isEqualTo(Gamma.of(2.5, 0.5).logProb(x).value());
    }
}
