package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GmmDemoTest {

    @Test
    void dirichletProcessKeepsThreeComponentsNearTheTruthAndTheElboNeverDecreases() {
        GaussianMixtureResult r = GmmDemo.fit(GmmDemo.data(42), 500, 42);
        double[] w = r.weights().toArray();
        double[] m = r.means().toArray();
        double big = Arrays.stream(w).filter(v -> v >= 0.01).sum();
        assertThat(Arrays.stream(w).filter(v -> v >= 0.01).count()).isEqualTo(3);
        assertThat(big).isGreaterThan(0.99);
        for (int t = 0; t < GmmDemo.MEANS.length; t++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < w.length; k++) {
                if (w[k] >= 0.01) {
                    best = Math.min(best, Math.hypot(m[2 * k] - GmmDemo.MEANS[t][0], m[2 * k + 1] - GmmDemo.MEANS[t][1]));
                }
            }
            // 300+ points per component: the mean's standard error is below 0.1; 0.25 asserted
            assertThat(best).as("true component %d", t).isLessThan(0.25);
        }
        double[] h = r.elboTrace().values();
        for (int i = 1; i < h.length; i++) {
            assertThat(h[i]).isGreaterThanOrEqualTo(h[i - 1] - 1e-10 * Math.abs(h[i - 1]));
        }
    }

    @Test
    void ellipseIsTwoStandardDeviationsAlongTheAxes() {
        double[][] e = GmmDemo.ellipse(1, 2, 4, 0, 9);
        assertThat(e[0][0]).isCloseTo(1 + 2 * 2, offset(1e-12));
        assertThat(e[1][25]).isCloseTo(2 + 2 * 3, offset(1e-12));
    }
}
