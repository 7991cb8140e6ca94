package io.github.elbo4j.infer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The fixed draws of deterministic VI have exactly zero mean and identity covariance. */
class FixedNoiseTest {

    @Test
    void momentMatchedDrawsHaveZeroMeanAndIdentityCovarianceExactly() {
        Tensor e = FixedNoise.momentMatched(64, 5, RandomStream.of(3));
        Tensor mean = e.sum(0).div(64);
        Tensor cov = e.transpose().matmul(e).div(64);
        for (int i = 0; i < 5; i++) {
            assertThat(mean.get(i)).isCloseTo(0.0, within(1e-14));
            for (int j = 0; j < 5; j++) {
                assertThat(cov.get(i, j)).isCloseTo(i == j ? 1.0 : 0.0, within(1e-12));
            }
        }
    }

    @Test
    void withFewerDrawsThanCoordinatesEachCoordinateIsStandardizedAlone() {
        Tensor e = FixedNoise.momentMatched(4, 10, RandomStream.of(5));
        Tensor mean = e.sum(0).div(4);
        Tensor var = e.square().sum(0).div(4);
        for (int j = 0; j < 10; j++) {
            assertThat(mean.get(j)).isCloseTo(0.0, within(1e-14));
            assertThat(var.get(j)).isCloseTo(1.0, within(1e-12));
        }
    }
}
