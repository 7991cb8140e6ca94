package io.github.elbo4j.infer.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Exp;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A base distribution pushed through a stack of layers is a density: it integrates to 1, and the
 * forward pass ({@link NormalizingFlow#push}) scores a draw as the inverse ({@link NormalizingFlow#logProb}) does.
 */
class NormalizingFlowTest {

    /** A correlated Gaussian through planar, radial and a permutation, with parameters far from the identity. */
    private static NormalizingFlow twoDimensionalFlow() {
        MultivariateNormal base = MultivariateNormal.ofScaleTril(Var.constant(Tensor.of(0.3, -0.2)),
                Var.constant(Tensor.of(new double[][] {{1.0, 0.0}, {0.6, 0.7}})));
        return NormalizingFlow.of(base,
                PlanarFlow.of(Tensor.of(1.5, -0.8), Tensor.of(1.2, 0.9), 0.4),
                Permutation.reverse(2),
                RadialFlow.of(Tensor.of(0.5, 0.5), 0.7, 1.8),
                PlanarFlow.reparameterized(Var.constant(Tensor.of(-2.0, 1.0)), Var.constant(Tensor.of(0.5, 1.5)), Var.constant(-0.3)));
    }

    /**
     * The midpoint rule over [-12, 12]² with spacing 0.03 (640,000 cells): the smooth density's
     * integral to about 1e-6, the tails beyond the box below 1e-9. A wrong sign or a missing layer
     * in the log-det moves the integral by far more than the 1e-4 allowed.
     */
    @Test
    void theDensityIntegratesToOneOverThePlane() {
        NormalizingFlow flow = twoDimensionalFlow();
        double h = 0.03;
        int n = 800;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] points = new double[2 * n];
            for (int j = 0; j < n; j++) {
                points[2 * j] = -12 + (i + 0.5) * h;
                points[2 * j + 1] = -12 + (j + 0.5) * h;
            }
            for (double lp : flow.logProb(Tensor.of(points, n, 2)).value().toArray()) {
                total += Math.exp(lp) * h * h;
            }
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void pushingForwardScoresADrawAsInvertingDoes() {
        NormalizingFlow flow = twoDimensionalFlow();
        Tensor z = FlowLaws.normal(new Random(3), 1.5, 50, 2);
        NormalizingFlow.Pushed p = flow.push(Var.constant(z));
        Tensor forward = flow.base().logProb(Var.constant(z)).sub(p.logAbsDet()).value();
        Tensor inverse = flow.logProb(p.value()).value();
        assertThat(FlowLaws.worst(forward, inverse)).isLessThanOrEqualTo(1e-10);
        assertThat(forward.shape()).containsExactly(50);
    }

    @Test
    void drawsHaveTheEventShapeAndLayersMustMapVectors() {
        NormalizingFlow flow = twoDimensionalFlow();
        assertThat(flow.sample(io.github.elbo4j.random.RandomStream.of(1), 7).shape()).containsExactly(7, 2);
        assertThat(flow.eventShape()).containsExactly(2);
        assertThatThrownBy(() -> NormalizingFlow.of(flow.base(), Exp.of())).hasMessageContaining("event rank");
        assertThatThrownBy(() -> NormalizingFlow.of(flow.base(), java.util.List.of())).hasMessageContaining("got 0 layers");
    }

    @Test
    void aPermutationIsUndoneByItsInverseAndPreservesVolume() {
        Permutation p = Permutation.of(2, 0, 3, 1);
        Tensor x = FlowLaws.normal(new Random(5), 1.0, 3, 4);
        Tensor y = p.forward(x);
        assertThat(y.get(1, 0)).isEqualTo(x.get(1, 2));
        assertThat(FlowLaws.worst(p.inverse(y), x)).isZero();
        assertThat(p.logAbsDetJacobian(Var.constant(x), Var.constant(y)).value().toArray()).containsExactly(0, 0, 0);
        assertThatThrownBy(() -> Permutation.of(0, 0, 1)).hasMessageContaining("each of 0..2 once, got [0, 0, 1]");
    }
}
