package io.github.elbo4j.distribution.discrete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PoissonTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Poisson(3.7)", Poisson.of(3.7)),
                new Named("Poisson([0.01, 40, 5e5])", Poisson.of(Tensor.of(0.01, 40, 5e5))),
                new Named("Poisson([[1], [7]]) expanded to [2, 3]", Poisson.of(Tensor.of(new double[] {1, 7}, 2, 1)).expand(2, 3)),
                new Named("Poisson(3e9): Knuth's gamma reduction", Poisson.of(3e9)));
    }

    @Override
    public ParameterTable parameterTable() {
        return Poisson.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("rate"), p -> Poisson.of(p[0]), Tensor.of(0.01, 40, 5e5)));
    }

    @Test
    void negativeOrInfiniteRatesAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Poisson.of(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Poisson rate must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> Poisson.of(Double.POSITIVE_INFINITY)).hasMessage("Poisson rate must be finite and >= 0, got Infinity");
    }

    @Test
    void nonCountsHaveLogProbMinusInfinityAndStrictRejectsThem() {
        assertThat(Poisson.of(2).logProb(Tensor.of(-1, 1.5, Double.NaN, Double.POSITIVE_INFINITY)).value().toArray())
                .containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(Poisson.of(2)).logProb(Tensor.of(1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Poisson value must lie in its support");
    }

    @Test
    void rateZeroIsThePointMassAtZero() {
        assertThat(Poisson.of(0).logProb(Tensor.of(0, 1)).value().add(0.0).toArray()).containsExactly(0.0, Double.NEGATIVE_INFINITY);
        assertThat(Poisson.of(0).entropy().item()).isEqualTo(0.0);
        assertThat(Poisson.of(0).sample(RandomStream.of(1), 5).toArray()).containsOnly(0.0);
    }

    @Test
    void logProbAndEntropyAreDifferentiableInTheRate() {
        Tensor k = Tensor.of(0, 3, 1000, 2);
        assertThat(GradientChecker.check(v -> Poisson.of(v[0]).logProb(k), Tensor.of(0.5, 2.5, 990, 3e4)).maxError()).isLessThanOrEqualTo(1e-6);
        // summed entropy below 1e4, asymptotic series above
        assertThat(GradientChecker.check(v -> Poisson.of(v[0]).entropy(), Tensor.of(0.5, 2.5, 990, 3e4)).maxError()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void summedAndAsymptoticEntropiesMeetAtTheSwitch() {
        double below = Poisson.of(Math.nextDown(1e4)).entropy().item();
        double above = Poisson.of(1e4).entropy().item();
        assertThat(above - below).isCloseTo(0.0, Offset.offset(1e-15));
    }

    @Test
    void drawsOfHugeRatesKeepTheirMoments() {
        Tensor x = Poisson.of(1e12).sample(RandomStream.of(8), 400);
        assertThat(x.mean().item()).isCloseTo(1e12, Offset.offset(4 * Math.sqrt(1e12 / 400)));
    }
}
