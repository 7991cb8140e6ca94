package io.github.elbo4j.distribution.multivariate;

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

class MultinomialTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Multinomial(10, [0.2, 0.5, 0.3])", Multinomial.ofProbs(10, Tensor.of(0.2, 0.5, 0.3))),
                new Named("Multinomial(500, logits [2, 3]-batch)", Multinomial.ofLogits(500, Tensor.of(new double[] {0, 1, -1, 2, 0.5, -3}, 2, 3))),
                new Named("Multinomial(3, [0.4, 0.6]) expanded to [2]", Multinomial.ofProbs(3, Tensor.of(0.4, 0.6)).expand(2)));
    }

    @Override
    public ParameterTable parameterTable() {
        return Multinomial.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("totalCount", "probs"), p -> Multinomial.ofProbs((int) p[0].item(), p[1]), Tensor.scalar(10), Tensor.of(0.2, 0.5, 0.3)),
                new Factory(List.of("totalCount", "logits"), p -> Multinomial.ofLogits((int) p[0].item(), p[1]), Tensor.scalar(500),
                Tensor.of(new double[] {0, 1, -1, 2, 0.5, -3}, 2, 3)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Multinomial.ofProbs(-1, Tensor.of(0.5, 0.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Multinomial totalCount must be >= 0, got -1");
        assertThatThrownBy(() -> Multinomial.ofProbs(3, Tensor.of(0.5, 0.6)))
                .hasMessage("Multinomial probs must sum to 1 along the last axis (within 1.0E-6), got a sum of 1.1");
    }

    @Test
    void logitsAndProbsFactoriesAgree() {
        Tensor l = Tensor.of(0.3, -1, 2);
        Tensor p = l.sub(l.logSumExp()).exp();
        Tensor x = Tensor.of(new double[] {1, 2, 4, 7, 0, 0}, 2, 3);
        double[] a = Multinomial.ofLogits(7, l).logProb(x).value().toArray();
        double[] b = Multinomial.ofProbs(7, p).logProb(x).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], Offset.offset(1e-12 * Math.abs(b[i])));
        }
    }

    @Test
    void countsOffTheSimplexOfTotalNHaveLogProbMinusInfinityAndStrictRejectsThem() {
        Multinomial d = Multinomial.ofProbs(4, Tensor.of(0.5, 0.5));
        assertThat(d.logProb(Tensor.of(new double[] {1, 2, -1, 5, 1.5, 2.5}, 3, 2)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(d).logProb(Tensor.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Multinomial value must lie in its support");
    }

    @Test
    void logProbIsDifferentiableInTheLogits() {
        Tensor x = Tensor.of(new double[] {3, 0, 2, 1, 1, 3}, 2, 3);
        assertThat(GradientChecker.check(v -> Multinomial.ofLogits(5, v[0]).logProb(x), Tensor.of(new double[] {0.3, -1, 2, 0.5, 0.5, -0.2}, 2, 3))
                .maxError()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void everyDrawSumsToTheTotalCount() {
        Tensor x = Multinomial.ofProbs(1_000_000, Tensor.of(0.1, 0.0, 0.9)).sample(io.github.elbo4j.random.RandomStream.of(2), 50);
        assertThat(x.sum(-1).toArray()).containsOnly(1_000_000.0);
        assertThat(x.slice(-1, 1, 2).toArray()).containsOnly(0.0);
    }
}
