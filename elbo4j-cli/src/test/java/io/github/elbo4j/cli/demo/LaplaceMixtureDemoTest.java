package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LaplaceMixtureDemoTest {

    @Test
    void everyPointIsItsOwnDrawUnlikeTheSeedsGenerator() {
        LaplaceMixtureDemo.Data d = LaplaceMixtureDemo.data(42);
        assertThat(Arrays.stream(d.y()).distinct().count()).isEqualTo(LaplaceMixtureDemo.N);
        for (int i = 0; i < d.y().length; i++) {
            // a Laplace draw lies within 12 scales of its mean with probability 1 - e^-12
            int k = d.source()[i];
            assertThat(Math.abs(d.y()[i] - d.means()[k])).isLessThan(12 * d.scales()[k]);
        }
    }

    @Test
    void theMixtureFitsTheDataFarBetterAndItsPredictiveDensityIntegratesToOne() {
        LaplaceMixtureDemo.Data d = LaplaceMixtureDemo.data(42);
        Fit single = LaplaceMixtureDemo.fit(LaplaceMixtureDemo.gaussian(d.y()), 42);
        Fit mix = LaplaceMixtureDemo.fit(LaplaceMixtureDemo.mixture(d.y()), 42);
        // The mixture nests the single Gaussian; with seed 42 it earns about 33 nats more (measured), 20 asserted.
        assertThat(mix.finalElbo()).isGreaterThan(single.finalElbo() + 20);
        Tensor grid = Tensor.linspace(-40, 60, 4001);
        double h = 100.0 / 4000;
        for (double[] density : new double[][] {
            LaplaceMixtureDemo.predictive(single, grid, false, 1), LaplaceMixtureDemo.predictive(mix, grid, true, 1)}) {
            double mass = Arrays.stream(density).sum() * h;
            assertThat(mass).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        }
    }
}
