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

class InverseGammaTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("InverseGamma(6, 2)", InverseGamma.of(6, 2)),
                new Named("InverseGamma([5, 9, 1.5], [1, 0.2, 3])", InverseGamma.of(Tensor.of(5, 9, 1.5), Tensor.of(1, 0.2, 3))));
    }

    @Override
    public ParameterTable parameterTable() {
        return InverseGamma.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> InverseGamma.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.3, 2, 9), Tensor.of(0.7, 3, 12), Tensor.of(1.3)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-1, 0, Double.NaN), Tensor.of(2.0), Tensor.of(1.0)));
    }

    @Override
    public boolean rsampleIsExplicit() {
        return false;
    }

    @Test
    void nonPositiveParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> InverseGamma.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("InverseGamma concentration must be > 0, got 0.0");
        assertThatThrownBy(() -> InverseGamma.of(1, -2)).hasMessage("InverseGamma scale must be > 0, got -2.0");
    }

    @Test
    void reciprocalOfAGammaDrawIsAnInverseGammaDraw() {
        // same stream: InverseGamma(a, b) draws are b / Gamma(a, 1) draws
        Tensor ig = InverseGamma.of(3, 2).sample(io.github.elbo4j.random.RandomStream.of(4), 10);
        Tensor g = Gamma.of(3, 1).sample(io.github.elbo4j.random.RandomStream.of(4), 10);
        double[] a = ig.toArray();
        double[] b = g.toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i] * b[i]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
