package io.github.elbo4j.distribution.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirichletMultinomialTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("DirichletMultinomial(10, [0.5, 2, 3.5])", DirichletMultinomial.of(10, Tensor.of(0.5, 2, 3.5))),
                new Named("DirichletMultinomial(40, [2, 3]-batch)", DirichletMultinomial.of(40, Tensor.of(new double[] {1, 1, 1, 0.1, 5, 20}, 2, 3))),
                new Named("DirichletMultinomial(5, [1e-3, 1e-3]) expanded to [2]", DirichletMultinomial.of(5, Tensor.of(1e-3, 1e-3)).expand(2)));
    }

    @Override
    public ParameterTable parameterTable() {
        return DirichletMultinomial.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("totalCount", "concentration"), p -> DirichletMultinomial.of((int) p[0].item(), p[1]),
                Tensor.scalar(10), Tensor.of(0.5, 2, 3.5)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> DirichletMultinomial.of(3, Tensor.of(1, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DirichletMultinomial concentration must be > 0, got 0.0");
        assertThatThrownBy(() -> DirichletMultinomial.of(-2, Tensor.of(1, 1))).hasMessage("DirichletMultinomial totalCount must be >= 0, got -2");
    }

    @Test
    void countsOffTheSimplexOfTotalNHaveLogProbMinusInfinityAndStrictRejectsThem() {
        DirichletMultinomial d = DirichletMultinomial.of(4, Tensor.of(1, 2));
        assertThat(d.logProb(Tensor.of(new double[] {1, 2, -1, 5, 1.5, 2.5}, 3, 2)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(d).logProb(Tensor.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DirichletMultinomial value must lie in its support");
    }

    @Test
    void logProbIsDifferentiableInTheConcentration() {
        Tensor x = Tensor.of(new double[] {3, 0, 2, 1, 1, 3}, 2, 3);
        assertThat(GradientChecker.check(v -> DirichletMultinomial.of(5, v[0]).logProb(x), Tensor.of(new double[] {0.3, 1, 2, 5, 0.5, 0.7}, 2, 3))
                .maxError()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void tinyConcentrationsStillGiveValidDraws() {
        Tensor x = DirichletMultinomial.of(9, Tensor.of(1e-5, 1e-5, 1e-5)).sample(RandomStream.of(3), 200);
        assertThat(x.sum(-1).toArray()).containsOnly(9.0);
        assertThat(x.allFinite()).isTrue();
    }
}
