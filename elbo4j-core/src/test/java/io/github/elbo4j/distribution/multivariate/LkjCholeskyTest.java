package io.github.elbo4j.distribution.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.CorrCholeskyBijector;
import java.util.List;
import org.junit.jupiter.api.Test;

class LkjCholeskyTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("LKJ(2, 1)", LkjCholesky.of(2, 1.0)),
                new Named("LKJ(3, 0.5)", LkjCholesky.of(3, 0.5)),
                new Named("LKJ(4, [1, 4]) batch [2]", LkjCholesky.of(4, Tensor.of(1.0, 4.0))));
    }

    @Override
    public ParameterTable parameterTable() {
        return LkjCholesky.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("concentration"), p -> LkjCholesky.of(4, p[0]), Tensor.of(1.0, 4.0)));
    }

    @Test
    void logProbIsDifferentiableInTheFactorAndTheConcentration() {
        // the factor is the image of unconstrained reals under the correlation-Cholesky bijector
        GradientChecker.Result r = GradientChecker.check(
                v -> LkjCholesky.of(4, v[1]).logProb(CorrCholeskyBijector.of().forward(v[0])),
                Tensor.of(new double[] {0.3, -0.8, 0.1, 1.2, 0.5, -0.4, 0.2, 0.9, -1.1, 0.0, 0.7, 0.3}, 2, 6), Tensor.scalar(1.7));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void entropyIsDifferentiableInTheConcentration() {
        GradientChecker.Result r = GradientChecker.check(v -> LkjCholesky.of(5, v[0]).entropy(), Tensor.of(0.4, 2.0));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void theEntropyIsTheMeanNegativeLogDensityOfDraws() {
        LkjCholesky d = LkjCholesky.of(4, 1.5);
        Tensor lp = d.logProb(d.sample(RandomStream.of(17), 100_000)).value();
        double[] ms = DirichletTest.meanAndStandardError(lp.neg().toArray());
        assertThat(Math.abs(ms[0] - d.entropy().item())).as("%s vs %s (SE %s)", ms[0], d.entropy().item(), ms[1])
                .isLessThanOrEqualTo(4 * ms[1]);
    }

    @Test
    void withUnitConcentrationInTwoDimensionsTheCorrelationIsUniform() {
        // d = 2, η = 1: L = [[1, 0], [r, √(1 - r²)]] with r ~ U(-1, 1): log p = -log 2 everywhere
        double r = 0.37;
        Tensor l = Tensor.of(new double[][] {{1, 0}, {r, Math.sqrt(1 - r * r)}});
        assertThat(LkjCholesky.of(2, 1.0).logProb(l).item()).isCloseTo(-Math.log(2), offset(1e-15));
    }

    @Test
    void factorsOffTheSupportHaveMinusInfiniteLogProbAndStrictModeRejectsThem() {
        LkjCholesky d = LkjCholesky.of(2, 2.0);
        Tensor x = Tensor.stack(0, Tensor.of(new double[][] {{1, 0}, {0.6, 0.8}}), Tensor.of(new double[][] {{1, 0}, {0.6, 0.7}}),
                Tensor.of(new double[][] {{1, 0}, {0.6, -0.8}}));
        double[] lp = d.logProb(x).value().toArray();
        assertThat(lp[0]).isFinite();
        assertThat(lp[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lp[2]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(d).logProb(x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("LkjCholesky value must lie in its support CorrCholesky[]");
    }

    @Test
    void invalidParametersAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> LkjCholesky.of(1, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LkjCholesky dim must be >= 2, got 1");
        assertThatThrownBy(() -> LkjCholesky.of(3, 0.0)).hasMessage("LkjCholesky concentration must be > 0, got 0.0");
    }
}
