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

class OneHotCategoricalTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("OneHotCategorical(0.2, 0.5, 0.3)", OneHotCategorical.ofProbs(0.2, 0.5, 0.3)),
                new Named("OneHotCategorical(logits [2, 3]-batch)", OneHotCategorical.ofLogits(Tensor.of(new double[] {0, 1, -1, 2, 0.5, -3}, 2, 3))),
                new Named("OneHotCategorical(0.4, 0.6) expanded to [3]", OneHotCategorical.ofProbs(0.4, 0.6).expand(3)));
    }

    @Override
    public ParameterTable parameterTable() {
        return OneHotCategorical.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("probs"), p -> OneHotCategorical.ofProbs(p[0]), Tensor.of(0.2, 0.5, 0.3)),
                new Factory(List.of("logits"), p -> OneHotCategorical.ofLogits(p[0]), Tensor.of(new double[] {0, 1, -1, 2, 0.5, -3}, 2, 3)));
    }

    @Test
    void invalidParametersAreRejectedWithTheFamilyName() {
        assertThatThrownBy(() -> OneHotCategorical.ofProbs(0.5, 0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OneHotCategorical probs must sum to 1 along the last axis (within 1.0E-6), got a sum of 1.1");
    }

    @Test
    void logProbOfEKIsTheCategoricalLogProbOfK() {
        OneHotCategorical d = OneHotCategorical.ofLogits(0.3, -1, 2);
        Tensor lp = d.logProb(Tensor.eye(3)).value();
        Tensor labels = d.toCategorical().logProb(Tensor.of(0, 1, 2)).value();
        for (int i = 0; i < 3; i++) {
            assertThat(lp.get(i)).isCloseTo(labels.get(i), Offset.offset(1e-15));
        }
    }

    @Test
    void vectorsThatAreNotOneHotHaveLogProbMinusInfinityAndStrictRejectsThem() {
        OneHotCategorical d = OneHotCategorical.ofProbs(0.5, 0.5);
        assertThat(d.logProb(Tensor.of(new double[] {1, 1, 0, 0, 0.5, 0.5}, 3, 2)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(d).logProb(Tensor.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OneHotCategorical value must lie in its support");
    }

    @Test
    void logProbIsDifferentiableInTheLogits() {
        Tensor x = Tensor.of(new double[] {0, 0, 1, 1, 0, 0}, 2, 3);
        assertThat(GradientChecker.check(v -> OneHotCategorical.ofLogits(v[0]).logProb(x), Tensor.of(new double[] {0.3, -1, 2, 0.5, 0.5, -0.2}, 2, 3))
                .maxError()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void enumerateSupportListsEveryOneHotVectorOverTheBatch() {
        Tensor s = OneHotCategorical.ofProbs(Tensor.of(new double[] {0.5, 0.5, 0.1, 0.9}, 2, 2)).enumerateSupport();
        assertThat(s.shape()).containsExactly(2, 2, 2);
        assertThat(s.toArray()).containsExactly(1, 0, 1, 0, 0, 1, 0, 1);
    }
}
