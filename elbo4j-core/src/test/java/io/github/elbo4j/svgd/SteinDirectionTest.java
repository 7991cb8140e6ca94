package io.github.elbo4j.svgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The batched direction against Liu &amp; Wang's eq. 8 written term by term. */
class SteinDirectionTest {

    @Test
    void batchedDirectionEqualsTheSumOverPairs() {
        int n = 6;
        int d = 3;
        RandomStream rng = RandomStream.of(4);
        double[] x = new double[n * d];
        double[] g = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
            g[i] = rng.nextGaussian();
        }
        SteinDirection phi = SteinDirection.of(Tensor.of(x, n, d), Tensor.of(g, n, d));
        double h = phi.bandwidth();
        double[] actual = phi.direction().toArray();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    double d2 = 0;
                    for (int e = 0; e < d; e++) {
                        d2 += (x[j * d + e] - x[i * d + e]) * (x[j * d + e] - x[i * d + e]);
                    }
                    double k = Math.exp(-d2 / h);
                    // k(x_j, x_i) ∇log p(x_j) + ∂/∂x_j k(x_j, x_i) = k g_j - (2/h)(x_j - x_i) k
                    sum += k * g[j * d + c] - 2 / h * (x[j * d + c] - x[i * d + c]) * k;
                }
                assertThat(actual[i * d + c]).isCloseTo(sum / n, within(1e-12));
            }
        }
    }

    /** Three points on a line at 0, 1, 3: distances 1, 2, 3, median 2, so h = 4 / log 3. */
    @Test
    void bandwidthIsTheSquaredMedianDistanceOverLogN() {
        SteinDirection phi = SteinDirection.of(Tensor.of(new double[] {0, 1, 3}, 3, 1), Tensor.zeros(3, 1));
        assertThat(phi.bandwidth()).isCloseTo(4 / Math.log(3), within(1e-14));
        // with zero gradients only the repulsion acts: the outer points move outwards
        double[] v = phi.direction().toArray();
        assertThat(v[0]).isNegative();
        assertThat(v[2]).isPositive();
    }

    @Test
    void oneParticleIsRefused() {
        assertThatThrownBy(() -> SteinDirection.of(Tensor.zeros(1, 2), Tensor.zeros(1, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SVGD needs >= 2 particles for the median heuristic, got 1");
    }
}
