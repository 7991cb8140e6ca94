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

class CategoricalTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Categorical(0.2, 0.5, 0.3)", Categorical.ofProbs(0.2, 0.5, 0.3)),
                new Named("Categorical(logits [2, 3]-batch)", Categorical.ofLogits(Tensor.of(new double[] {0, 1, -1, 2, 0.5, Double.NEGATIVE_INFINITY}, 2, 3))),
                new Named("Categorical(0.1, 0.9) expanded to [4]", Categorical.ofProbs(0.1, 0.9).expand(4)));
    }

    @Override
    public ParameterTable parameterTable() {
        return Categorical.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("probs"), p -> Categorical.ofProbs(p[0]), Tensor.of(0.2, 0.5, 0.3)),
                new Factory(List.of("logits"), p -> Categorical.ofLogits(p[0]), Tensor.of(new double[] {0, 1, -1, 2, 0.5, Double.NEGATIVE_INFINITY}, 2, 3)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Categorical.ofProbs(0.5, 0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Categorical probs must sum to 1 along the last axis (within 1.0E-6), got a sum of 1.1");
        assertThatThrownBy(() -> Categorical.ofProbs(-0.5, 1.5)).hasMessage("Categorical probs must be finite and >= 0, got -0.5");
        assertThatThrownBy(() -> Categorical.ofLogits(0, Double.NaN)).hasMessage("Categorical logits must be finite or -Infinity, got NaN");
        assertThatThrownBy(() -> Categorical.ofLogits(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))
                .hasMessage("Categorical logits must be finite somewhere along the last axis, got all -Infinity");
        assertThatThrownBy(() -> Categorical.ofProbs(Tensor.scalar(1.0)))
                .hasMessage("Categorical probs must have at least one category along its last axis, got shape []");
    }

    @Test
    void logitsAndProbsFactoriesAgreeAndLogitsNeedNoNormalization() {
        Tensor l = Tensor.of(1.0, -2.0, 0.5, 50.0);
        double[] p = l.sub(l.logSumExp()).exp().toArray();
        Tensor k = Tensor.of(0, 1, 2, 3);
        double[] a = Categorical.ofLogits(l).logProb(k).value().toArray();
        double[] b = Categorical.ofProbs(p).logProb(k).value().toArray();
        double[] shifted = Categorical.ofLogits(l.add(1000.0)).logProb(k).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], Offset.offset(1e-12 * Math.max(1, Math.abs(b[i]))));
            assertThat(shifted[i]).isCloseTo(a[i], Offset.offset(1e-12 * Math.max(1, Math.abs(a[i]))));
        }
    }

    @Test
    void labelsOutsideZeroToKMinusOneHaveLogProbMinusInfinityAndStrictRejectsThem() {
        assertThat(Categorical.ofProbs(0.2, 0.8).logProb(Tensor.of(-1, 2, 0.5)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(Categorical.ofProbs(0.2, 0.8)).logProb(Tensor.of(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Categorical value must lie in its support");
    }

    @Test
    void logProbBroadcastsLabelsAgainstTheBatch() {
        Categorical d = Categorical.ofProbs(Tensor.of(new double[] {0.5, 0.5, 0.1, 0.9}, 2, 2));
        Tensor lp = d.logProb(Tensor.of(new double[] {0, 1, 1, 1, 0, 0}, 3, 2)).value();
        assertThat(lp.shape()).containsExactly(3, 2);
        assertThat(lp.get(0, 1)).isCloseTo(Math.log(0.9), Offset.offset(1e-15));
        assertThat(lp.get(2, 1)).isCloseTo(Math.log(0.1), Offset.offset(1e-15));
    }

    @Test
    void logProbAndEntropyAreDifferentiableInLogitsAndProbs() {
        Tensor logits = Tensor.of(new double[] {0.3, -1, 2, 0.5, 0.5, -0.2}, 2, 3);
        Tensor k = Tensor.of(new double[] {2, 0, 1, 1}, 2, 2);
        assertThat(GradientChecker.check(v -> Categorical.ofLogits(v[0]).logProb(k), logits).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> Categorical.ofLogits(v[0]).entropy(), logits).maxError()).isLessThanOrEqualTo(1e-6);
        // probabilities must stay on the simplex within 1e-6, so the stencil's step is 1e-7 (round-off ~1e-9)
        assertThat(GradientChecker.check(v -> Categorical.ofProbs(v[0]).logProb(Tensor.of(0, 2)), 1e-7, 1L, Tensor.of(0.2, 0.3, 0.5)).maxError())
                .isLessThanOrEqualTo(1e-6);
    }

    @Test
    void enumerateSupportListsEveryLabelOverTheBatch() {
        Tensor s = Categorical.ofProbs(Tensor.of(new double[] {0.5, 0.25, 0.25, 0.1, 0.1, 0.8}, 2, 3)).enumerateSupport();
        assertThat(s.shape()).containsExactly(3, 2);
        assertThat(s.toArray()).containsExactly(0, 0, 1, 1, 2, 2);
    }
}
