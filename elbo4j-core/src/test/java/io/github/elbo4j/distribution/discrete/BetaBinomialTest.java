package io.github.elbo4j.distribution.discrete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BetaBinomialTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("BetaBinomial(10, 2, 3)", BetaBinomial.of(10, 2, 3)),
                new Named("BetaBinomial([1, 25, 400], [0.6, 5, 1e-3], [0.4, 1, 2])",
                        BetaBinomial.of(Tensor.of(1, 25, 400), Tensor.of(0.6, 5, 1e-3), Tensor.of(0.4, 1, 2))),
                new Named("BetaBinomial(6, 1, 1) expanded to [3]", BetaBinomial.of(6, 1, 1).expand(3)));
    }

    @Override
    public ParameterTable parameterTable() {
        return BetaBinomial.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("totalCount", "concentration1", "concentration0"), p -> BetaBinomial.of(p[0], p[1], p[2]),
                Tensor.of(1, 25, 400), Tensor.of(0.6, 5, 1e-3), Tensor.of(0.4, 1, 2)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> BetaBinomial.of(5, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomial concentration1 must be > 0, got 0.0");
        assertThatThrownBy(() -> BetaBinomial.of(5, 1, -2)).hasMessage("BetaBinomial concentration0 must be > 0, got -2.0");
        assertThatThrownBy(() -> BetaBinomial.of(Tensor.scalar(1.5), Tensor.scalar(1), Tensor.scalar(1)))
                .hasMessage("BetaBinomial totalCount must be an integer in [0, 2147483647], got 1.5");
    }

    @Test
    void withUnitConcentrationsEveryCountIsEquallyLikely() {
        double[] lp = BetaBinomial.of(4, 1, 1).logProb(Tensor.of(0, 1, 2, 3, 4)).value().toArray();
        for (double v : lp) {
            assertThat(v).isCloseTo(-Math.log(5), Offset.offset(1e-14));
        }
    }

    @Test
    void countsOutsideZeroToNHaveLogProbMinusInfinityPerElement() {
        BetaBinomial d = BetaBinomial.of(Tensor.of(3, 10), Tensor.scalar(2), Tensor.scalar(2));
        assertThat(d.logProb(Tensor.of(4, 11)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThat(d.logProb(Tensor.of(-1, 0.5)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(BetaBinomial.of(3, 1, 1)).logProb(Tensor.of(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BetaBinomial value must lie in its support");
    }

    @Test
    void logProbIsDifferentiableInBothConcentrations() {
        assertThat(GradientChecker.check(v -> BetaBinomial.of(Tensor.of(5, 30, 2), v[0], v[1]).logProb(Tensor.of(0, 11, 2)),
                Tensor.of(0.5, 3, 7), Tensor.of(2, 0.8, 1.5)).maxError()).isLessThanOrEqualTo(1e-6);
    }
}
