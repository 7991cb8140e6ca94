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

class NegativeBinomialTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("NegativeBinomial(3, 0.4)", NegativeBinomial.ofProbs(3, 0.4)),
                new Named("NegativeBinomial([0.5, 20, 2], [0.7, 0.2, 0.05])",
                        NegativeBinomial.ofProbs(Tensor.of(0.5, 20, 2), Tensor.of(0.7, 0.2, 0.05))),
                new Named("NegativeBinomial(4, logits [[-1], [1.5]]) broadcast", NegativeBinomial.ofLogits(Tensor.scalar(4), Tensor.of(new double[] {-1, 1.5}, 2, 1))));
    }

    @Override
    public ParameterTable parameterTable() {
        return NegativeBinomial.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("totalCount", "probs"), p -> NegativeBinomial.ofProbs(p[0], p[1]), Tensor.of(0.5, 20, 2), Tensor.of(0.7, 0.2, 0.05)),
                new Factory(List.of("totalCount", "logits"), p -> NegativeBinomial.ofLogits(p[0], p[1]), Tensor.scalar(4), Tensor.of(-1.0, 1.5)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> NegativeBinomial.ofProbs(0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NegativeBinomial totalCount must be > 0, got 0.0");
        assertThatThrownBy(() -> NegativeBinomial.ofProbs(2, 0.0)).hasMessage("NegativeBinomial probs must be in (0, 1], got 0.0");
    }

    @Test
    void withOneSuccessToWaitForItIsTheGeometric() {
        Tensor k = Tensor.of(0, 1, 5, 30);
        double[] nb = NegativeBinomial.ofProbs(1, 0.3).logProb(k).value().toArray();
        double[] geometric = Geometric.ofProbs(0.3).logProb(k).value().toArray();
        for (int i = 0; i < nb.length; i++) {
            assertThat(nb[i]).isCloseTo(geometric[i], Offset.offset(1e-13 * Math.abs(geometric[i])));
        }
    }

    @Test
    void logitsAndProbsFactoriesAgreeAndNonCountsHaveLogProbMinusInfinity() {
        double l = -0.8;
        double p = 1 / (1 + Math.exp(-l));
        Tensor k = Tensor.of(0, 4, 17);
        double[] a = NegativeBinomial.ofLogits(2.5, l).logProb(k).value().toArray();
        double[] b = NegativeBinomial.ofProbs(2.5, p).logProb(k).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], Offset.offset(1e-12 * Math.abs(b[i])));
        }
        assertThat(NegativeBinomial.ofProbs(2, 0.5).logProb(Tensor.of(-1, 0.5, -2.5)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(NegativeBinomial.ofProbs(2, 0.5)).logProb(Tensor.of(0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NegativeBinomial value must lie in its support");
    }

    @Test
    void logProbIsDifferentiableInTheCountAndTheProbability() {
        Tensor k = Tensor.of(0, 3, 40);
        assertThat(GradientChecker.check(v -> NegativeBinomial.ofProbs(v[0], v[1]).logProb(k),
                Tensor.of(0.7, 3, 12), Tensor.of(0.2, 0.5, 0.8)).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> NegativeBinomial.ofLogits(v[0], v[1]).logProb(k),
                Tensor.of(0.7, 3, 12), Tensor.of(-2, 0.5, 3)).maxError()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void itHasNoClosedFormEntropy() {
        assertThatThrownBy(() -> NegativeBinomial.ofProbs(2, 0.5).entropy()).isInstanceOf(UnsupportedOperationException.class);
    }
}
