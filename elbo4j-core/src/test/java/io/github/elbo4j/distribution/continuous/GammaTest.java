package io.github.elbo4j.distribution.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ContinuousDistributionContract;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.kernel.StandardGammaDraws;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GammaTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Gamma(2.5, 1.5)", Gamma.of(2.5, 1.5)),
                new Named("Gamma([0.3, 1, 40], [2, 0.5, 3])", Gamma.of(Tensor.of(0.3, 1, 40), Tensor.of(2, 0.5, 3))),
                new Named("Gamma([[0.7],[5]], [1, 4]) broadcast", Gamma.of(Tensor.of(new double[] {0.7, 5}, 2, 1), Tensor.of(1, 4))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Gamma.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Gamma.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.3, 2, 9), Tensor.of(0.7, 3, 12), Tensor.of(1.3)),
                new Point(Tensor.of(new double[] {0.5, 4}, 2, 1), Tensor.of(1.0, 2.5), Tensor.of(0.4, 2.0)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-1, -1e-300, Double.NaN), Tensor.of(0.7, 3, 12), Tensor.of(1.3)));
    }

    @Override
    public boolean rsampleIsExplicit() {
        return false;
    }

    @Test
    void nonPositiveParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Gamma.of(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gamma concentration must be > 0, got -1.0");
        assertThatThrownBy(() -> Gamma.of(1, 0)).hasMessage("Gamma rate must be > 0, got 0.0");
        assertThatThrownBy(() -> Gamma.of(1, Double.POSITIVE_INFINITY)).hasMessage("Gamma rate must be > 0, got Infinity");
    }

    @Test
    void densityAtZeroFollowsTheShape() {
        // x^(a-1) at 0: +inf for a < 1, the rate for a = 1, -inf for a > 1 (0 log 0 = 0)
        Gamma g = Gamma.of(Tensor.of(0.5, 1, 2), Tensor.of(3.0));
        assertThat(g.logProb(Tensor.scalar(0.0)).value().toArray())
                .containsExactly(Double.POSITIVE_INFINITY, Math.log(3.0), Double.NEGATIVE_INFINITY);
    }

    @Test
    void shapesBelowOneDrawFiniteLogsWhereTheDrawUnderflows() {
        // the boosted sampler keeps log z: a = 1e-3 gives draws like exp(-1000) that underflow to 0
        Var logZ = StandardGammaDraws.logDraws(Var.constant(1e-3), new int[0], io.github.elbo4j.random.RandomStream.of(1), 2000);
        assertThat(logZ.value().allFinite()).isTrue();
        assertThat(logZ.value().min().item()).isLessThan(-745.0);
    }

    @Test
    void expandKeepsTheParametersAndBroadcastsThem() {
        Gamma g = Gamma.of(Tensor.of(1, 2), Tensor.of(3.0)).expand(4, 2);
        assertThat(g.batchShape()).containsExactly(4, 2);
        assertThat(g.mean().toArray()).containsExactly(1 / 3.0, 2 / 3.0, 1 / 3.0, 2 / 3.0, 1 / 3.0, 2 / 3.0, 1 / 3.0, 2 / 3.0);
    }
}
