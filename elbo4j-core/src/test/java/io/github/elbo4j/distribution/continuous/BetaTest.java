package io.github.elbo4j.distribution.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ContinuousDistributionContract;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BetaTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Beta(2, 3)", Beta.of(2, 3)),
                new Named("Beta([0.5, 1, 30], [0.5, 4, 20])", Beta.of(Tensor.of(0.5, 1, 30), Tensor.of(0.5, 4, 20))),
                new Named("Beta([[0.2],[3]], [1, 0.3]) broadcast", Beta.of(Tensor.of(new double[] {0.2, 3}, 2, 1), Tensor.of(1, 0.3))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Beta.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Beta.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.2, 0.5, 0.9), Tensor.of(0.7, 3, 12), Tensor.of(2.5)),
                new Point(Tensor.of(0.05, 0.95), Tensor.of(1.0), Tensor.of(0.6, 1.0)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-0.1, 1.1, Double.NaN), Tensor.of(2.0), Tensor.of(3.0)));
    }

    @Override
    public boolean rsampleIsExplicit() {
        return false;
    }

    @Test
    void nonPositiveConcentrationsAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Beta.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Beta concentration1 must be > 0, got 0.0");
        assertThatThrownBy(() -> Beta.of(1, -0.5)).hasMessage("Beta concentration0 must be > 0, got -0.5");
    }

    @Test
    void endPointsFollowTheConcentrations() {
        Beta b = Beta.of(Tensor.of(0.5, 1, 2), Tensor.of(2.0));
        assertThat(b.logProb(Tensor.scalar(0.0)).value().toArray())
                .containsExactly(Double.POSITIVE_INFINITY, Math.log(2.0), Double.NEGATIVE_INFINITY);
    }

    @Test
    void tinyConcentrationsStillDrawValuesInTheUnitInterval() {
        // both gamma draws underflow to 0 here; sigma(log X - log Y) keeps the ratio defined
        Tensor draws = Beta.of(1e-3, 1e-3).sample(RandomStream.of(2), 1000);
        assertThat(draws.allFinite()).isTrue();
        assertThat(draws.min().item()).isGreaterThanOrEqualTo(0.0);
        assertThat(draws.max().item()).isLessThanOrEqualTo(1.0);
    }
}
