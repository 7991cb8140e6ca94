package io.github.elbo4j.cavi.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.random.RandomStream;
import org.junit.jupiter.api.Test;

/** The generator of mixture data: the documented draw order, the moments, and the argument checks. */
class GaussianMixtureSampleTest {

    private static final double[] WEIGHTS = {0.3, 0.7};
    private static final double[][] MEANS = {{-5, 1}, {4, 2}};
    private static final double[][][] COVS = {{{1.0, 0.0}, {0.0, 1.0}}, {{4.0, 1.2}, {1.2, 1.0}}};

    @Test
    void eachRowIsAUniformForTheComponentThenTheCholeskyFactorTimesNormals() {
        GaussianMixtureSample sample = GaussianMixtureSample.draw(50, WEIGHTS, MEANS, COVS, RandomStream.of(3));
        RandomStream s = RandomStream.of(3);
        for (int i = 0; i < 50; i++) {
            int k = s.nextDouble() < 0.3 ? 0 : 1;
            double l00 = Math.sqrt(COVS[k][0][0]);
            double l10 = COVS[k][1][0] / l00;
            double l11 = Math.sqrt(COVS[k][1][1] - l10 * l10);
            double z0 = s.nextGaussian();
            double z1 = s.nextGaussian();
            assertThat(sample.labels()[i]).isEqualTo(k);
            assertThat(sample.x()[i]).containsExactly(MEANS[k][0] + l00 * z0, MEANS[k][1] + l10 * z0 + l11 * z1);
        }
    }

    @Test
    void theShareOfEachComponentMatchesItsWeight() {
        int n = 20_000;
        int[] labels = GaussianMixtureSample.draw(n, WEIGHTS, MEANS, COVS, RandomStream.of(8)).labels();
        int ones = 0;
        for (int label : labels) {
            ones += label;
        }
        // binomial standard error sqrt(0.7 · 0.3 / n) = 0.0032; 4 standard errors
        assertThat(ones / (double) n).isCloseTo(0.7, within(0.013));
    }

    @Test
    void invalidArgumentsAreRefusedNamingTheValue() {
        RandomStream s = RandomStream.of(1);
        assertThatThrownBy(() -> GaussianMixtureSample.draw(-1, WEIGHTS, MEANS, COVS, s))
                .hasMessage("GaussianMixtureSample n must be >= 0, got -1");
        assertThatThrownBy(() -> GaussianMixtureSample.draw(5, new double[] {0.3, -0.7}, MEANS, COVS, s))
                .hasMessage("GaussianMixtureSample weights[1] must be >= 0 and finite, got -0.7");
        assertThatThrownBy(() -> GaussianMixtureSample.draw(5, new double[] {1}, MEANS, COVS, s))
                .hasMessage("GaussianMixtureSample needs K >= 1 weights, means and covariances, got 1, 2 and 2");
        double[][][] singular = {COVS[0], {{1.0, 1.0}, {1.0, 1.0}}};
        assertThatThrownBy(() -> GaussianMixtureSample.draw(5, WEIGHTS, MEANS, singular, s))
                .hasMessage("GaussianMixtureSample covariances[1] must be positive definite, got pivot 0.0 at row 1");
    }
}
