package io.github.elbo4j.distribution.discrete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BinomialTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Binomial(10, 0.3)", Binomial.ofProbs(10, 0.3)),
                // (not p = 1/2 at n = 1: the contract's standard error of the sample variance, √((m₄ - s⁴)/n), is 0 there)
                new Named("Binomial([1, 40, 70000], [0.4, 0.02, 0.6])", Binomial.ofProbs(Tensor.of(1, 40, 70_000), Tensor.of(0.4, 0.02, 0.6))),
                new Named("Binomial(5, logits [[-1], [2]]) broadcast to [2, 1]", Binomial.ofLogits(Tensor.scalar(5), Tensor.of(new double[] {-1, 2}, 2, 1))),
                new Named("Binomial(2e9 trials, p 0.5): Knuth's beta splitting", Binomial.ofProbs(Tensor.scalar(2_000_000_000), Tensor.scalar(0.5))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Binomial.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("totalCount", "probs"), p -> Binomial.ofProbs(p[0], p[1]), Tensor.of(1, 40, 70_000), Tensor.of(0.4, 0.02, 0.6)),
                new Factory(List.of("totalCount", "logits"), p -> Binomial.ofLogits(p[0], p[1]), Tensor.of(5.0, 7.0), Tensor.of(-1.0, 2.0)));
    }

    /**
     * The int-count overloads with a differentiable parameter, as a Beta-Binomial model writes them
     * ({@code Binomial.ofProbs(10, theta)}): {@code log P(6) = log 210 + 6 log 0.3 + 4 log 0.7}
     * ({@code C(10, 6) = 210}), and {@code σ(logit 0.3) = 0.3}. Catches an overload that drops or
     * swaps the count.
     */
    @Test
    void intCountOverloadsTakeAVar() {
        double expected = Math.log(210) + 6 * Math.log(0.3) + 4 * Math.log(0.7);
        io.github.elbo4j.autodiff.Var p = io.github.elbo4j.autodiff.Var.constant(Tensor.scalar(0.3));
        io.github.elbo4j.autodiff.Var l = io.github.elbo4j.autodiff.Var.constant(Tensor.scalar(Math.log(0.3 / 0.7)));
        assertThat(Binomial.ofProbs(10, p).logProb(Tensor.scalar(6)).value().item()).isCloseTo(expected, Offset.offset(1e-12));
        assertThat(Binomial.ofLogits(10, l).logProb(Tensor.scalar(6)).value().item()).isCloseTo(expected, Offset.offset(1e-12));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Binomial.ofProbs(10, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Binomial probs must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Binomial.ofProbs(Tensor.scalar(2.5), Tensor.scalar(0.5)))
                .hasMessage("Binomial totalCount must be an integer in [0, 2147483647], got 2.5");
        assertThatThrownBy(() -> Binomial.ofProbs(-1, 0.5)).hasMessage("Binomial totalCount must be an integer in [0, 2147483647], got -1.0");
        assertThatThrownBy(() -> Binomial.ofLogits(3, Double.NaN)).hasMessage("Binomial logits must be finite, got NaN");
    }

    @Test
    void logitsAndProbsFactoriesAgree() {
        Tensor l = Tensor.of(-3, 0.2, 4);
        Tensor k = Tensor.of(0, 7, 12);
        double[] a = Binomial.ofLogits(Tensor.scalar(12), l).logProb(k).value().toArray();
        double[] b = Binomial.ofProbs(Tensor.scalar(12), l.apply(ElementwiseFunction.SIGMOID)).logProb(k).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], Offset.offset(1e-12 * Math.max(1, Math.abs(b[i]))));
        }
    }

    @Test
    void countsOutsideZeroToNHaveLogProbMinusInfinityPerElement() {
        Binomial d = Binomial.ofProbs(Tensor.of(3, 10), Tensor.scalar(0.4));
        assertThat(d.logProb(Tensor.of(4, 4)).value().toArray()).containsExactly(Double.NEGATIVE_INFINITY, d.logProb(Tensor.of(0, 4)).value().get(1));
        assertThat(d.logProb(Tensor.of(-1, 2.5)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(Binomial.ofProbs(3, 0.4)).logProb(Tensor.of(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Binomial value must lie in its support");
    }

    @Test
    void logProbAndEntropyAreDifferentiableInProbsAndLogits() {
        Tensor n = Tensor.of(4, 30, 1000);
        Tensor k = Tensor.of(0, 11, 1000);
        assertThat(GradientChecker.check(v -> Binomial.ofProbs(n, v[0]).logProb(k), Tensor.of(0.2, 0.5, 0.8)).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> Binomial.ofLogits(n, v[0]).logProb(k), Tensor.of(-3, 0.4, 6)).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> Binomial.ofProbs(n, v[0]).entropy(), Tensor.of(0.2, 0.5, 0.8)).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> Binomial.ofLogits(n, v[0]).entropy(), Tensor.of(-3, 0.4, 6)).maxError()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void gradientOfABroadcastParameterIsSummedBackToItsShape() {
        Tensor k = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(GradientChecker.check(v -> Binomial.ofProbs(Tensor.scalar(8), v[0]).logProb(k), Tensor.of(0.3, 0.6, 0.45)).maxError())
                .isLessThanOrEqualTo(1e-6);
    }

    @Test
    void enumerateSupportListsZeroToNAndNeedsOneTrialCount() {
        Tensor s = Binomial.ofProbs(Tensor.scalar(2), Tensor.of(0.1, 0.9)).enumerateSupport();
        assertThat(s.shape()).containsExactly(3, 2);
        assertThat(s.toArray()).containsExactly(0, 0, 1, 1, 2, 2);
        assertThatThrownBy(() -> Binomial.ofProbs(Tensor.of(2, 3), Tensor.scalar(0.5)).enumerateSupport())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void quantileInvertsTheCdfOnTheIntegers() {
        Binomial d = Binomial.ofProbs(40, 0.3);
        Tensor k = d.icdf(Tensor.of(0.01, 0.3, 0.77));
        Tensor atK = d.cdf(k);
        Tensor below = d.cdf(k.sub(1.0));
        double[] u = {0.01, 0.3, 0.77};
        for (int i = 0; i < u.length; i++) {
            assertThat(atK.get(i)).isGreaterThanOrEqualTo(u[i]);
            assertThat(below.get(i)).isLessThan(u[i]);
        }
    }

    @Test
    void drawsOfHugeTrialCountsKeepTheirMoments() {
        // 2e9 trials is beyond the table sampler; 400 draws, mean within 4 standard errors
        Tensor x = Binomial.ofProbs(Tensor.scalar(2_000_000_000), Tensor.scalar(1e-3)).sample(RandomStream.of(4), 400);
        double se = Math.sqrt(2e9 * 1e-3 * (1 - 1e-3) / 400);
        assertThat(x.mean().item()).isCloseTo(2e6, Offset.offset(4 * se));
    }
}
