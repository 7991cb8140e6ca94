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

class BernoulliTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Bernoulli(0.3)", Bernoulli.ofProbs(0.3)),
                new Named("Bernoulli(probs [0.01, 0.45, 0.97])", Bernoulli.ofProbs(Tensor.of(0.01, 0.45, 0.97))),
                new Named("Bernoulli(logits [[-2], [3]]) expanded to [2, 3]", Bernoulli.ofLogits(Tensor.of(new double[] {-2, 3}, 2, 1)).expand(2, 3)));
    }

    @Override
    public ParameterTable parameterTable() {
        return Bernoulli.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("probs"), p -> Bernoulli.ofProbs(p[0]), Tensor.of(0.01, 0.45, 0.97)),
                new Factory(List.of("logits"), p -> Bernoulli.ofLogits(p[0]), Tensor.of(-2.0, 3.0)));
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Bernoulli.ofProbs(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bernoulli probs must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Bernoulli.ofProbs(Double.NaN)).hasMessage("Bernoulli probs must be in [0, 1], got NaN");
        assertThatThrownBy(() -> Bernoulli.ofLogits(Double.POSITIVE_INFINITY)).hasMessage("Bernoulli logits must be finite, got Infinity");
    }

    @Test
    void logitsAndProbsFactoriesAgree() {
        Tensor l = Tensor.of(-4, -0.3, 0, 2.2, 9);
        Tensor x = Tensor.of(0, 1, 1, 0, 1);
        Tensor fromLogits = Bernoulli.ofLogits(l).logProb(x).value();
        Tensor fromProbs = Bernoulli.ofProbs(l.apply(io.github.elbo4j.tensor.ElementwiseFunction.SIGMOID)).logProb(x).value();
        double[] a = fromLogits.toArray();
        double[] b = fromProbs.toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], Offset.offset(1e-12 * Math.max(1, Math.abs(b[i]))));
        }
        assertThat(Bernoulli.ofProbs(0.25).logits().item()).isCloseTo(Math.log(1.0 / 3), Offset.offset(1e-15));
    }

    @Test
    void valuesOutsideZeroOneHaveLogProbMinusInfinityAndStrictRejectsThem() {
        Tensor lp = Bernoulli.ofProbs(0.4).logProb(Tensor.of(-1, 0.5, 2, Double.NaN)).value();
        assertThat(lp.toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(Bernoulli.ofProbs(0.4)).logProb(Tensor.of(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bernoulli value must lie in its support");
    }

    @Test
    void degenerateProbabilitiesGiveZeroOrMinusInfinityNeverNaN() {
        // (+ 0.0 turns log1p(-0) = -0.0 into 0.0 for the exact comparison)
        assertThat(Bernoulli.ofProbs(0.0).logProb(Tensor.of(0, 1)).value().add(0.0).toArray()).containsExactly(0.0, Double.NEGATIVE_INFINITY);
        assertThat(Bernoulli.ofProbs(1.0).logProb(Tensor.of(0, 1)).value().toArray()).containsExactly(Double.NEGATIVE_INFINITY, 0.0);
        assertThat(Bernoulli.ofProbs(1.0).entropy().item()).isEqualTo(0.0);
    }

    @Test
    void logProbAndEntropyAreDifferentiableInProbsAndLogits() {
        Tensor x = Tensor.of(0, 1, 1);
        assertThat(GradientChecker.check(v -> Bernoulli.ofProbs(v[0]).logProb(x), Tensor.of(0.2, 0.5, 0.8)).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> Bernoulli.ofLogits(v[0]).logProb(x), Tensor.of(-3, 0.4, 6)).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> Bernoulli.ofLogits(v[0]).entropy(), Tensor.of(-3, 0.4, 6)).maxError()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void enumerateSupportListsZeroThenOneOverTheBatch() {
        Tensor s = Bernoulli.ofProbs(Tensor.of(0.1, 0.2, 0.3)).enumerateSupport();
        assertThat(s.shape()).containsExactly(2, 3);
        assertThat(s.toArray()).containsExactly(0, 0, 0, 1, 1, 1);
    }
}
