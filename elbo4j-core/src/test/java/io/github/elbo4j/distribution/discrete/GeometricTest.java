package io.github.elbo4j.distribution.discrete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GeometricTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Geometric(0.3)", Geometric.ofProbs(0.3)),
                new Named("Geometric(probs [0.02, 0.5, 0.9])", Geometric.ofProbs(Tensor.of(0.02, 0.5, 0.9))),
                new Named("Geometric(logits [[-1], [2]]) expanded to [2, 2]", Geometric.ofLogits(Tensor.of(new double[] {-1, 2}, 2, 1)).expand(2, 2)));
    }

    @Override
    public ParameterTable parameterTable() {
        return Geometric.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("probs"), p -> Geometric.ofProbs(p[0]), Tensor.of(0.02, 0.5, 0.9)),
                new Factory(List.of("logits"), p -> Geometric.ofLogits(p[0]), Tensor.of(-1.0, 2.0)));
    }

    @Test
    void probabilityZeroIsRejectedBecauseNoSuccessWouldEverCome() {
        assertThatThrownBy(() -> Geometric.ofProbs(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Geometric probs must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> Geometric.ofProbs(1.5)).hasMessage("Geometric probs must be in (0, 1], got 1.5");
    }

    @Test
    void itCountsFailuresBeforeTheFirstSuccess() {
        // P(K = 0) = p, P(K = 2) = (1 - p)² p
        Geometric d = Geometric.ofProbs(0.25);
        assertThat(d.logProb(Tensor.of(0, 2)).value().toArray()).containsExactly(Math.log(0.25), Math.log(0.75 * 0.75 * 0.25));
        assertThat(d.mean().item()).isEqualTo(3.0);
    }

    @Test
    void logitsAndProbsFactoriesAgreeAndNonCountsHaveLogProbMinusInfinity() {
        Tensor l = Tensor.of(-3, 0.2, 4);
        Tensor k = Tensor.of(0, 7, 12);
        double[] a = Geometric.ofLogits(l).logProb(k).value().toArray();
        double[] b = Geometric.ofProbs(l.apply(ElementwiseFunction.SIGMOID)).logProb(k).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], Offset.offset(1e-12 * Math.max(1, Math.abs(b[i]))));
        }
        assertThat(Geometric.ofProbs(0.5).logProb(Tensor.of(-1, 0.5)).value().toArray()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(Geometric.ofProbs(0.5)).logProb(Tensor.of(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Geometric value must lie in its support");
    }

    @Test
    void logProbAndEntropyAreDifferentiable() {
        Tensor k = Tensor.of(0, 3, 40);
        assertThat(GradientChecker.check(v -> Geometric.ofProbs(v[0]).logProb(k), Tensor.of(0.2, 0.5, 0.8)).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> Geometric.ofLogits(v[0]).logProb(k), Tensor.of(-3, 0.4, 6)).maxError()).isLessThanOrEqualTo(1e-6);
        assertThat(GradientChecker.check(v -> Geometric.ofProbs(v[0]).entropy(), Tensor.of(0.2, 0.5, 0.8)).maxError()).isLessThanOrEqualTo(1e-6);
    }
}
