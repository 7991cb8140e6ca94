package io.github.elbo4j.cavi.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Predictions and restarts: the Student-t mixture is a density, responsibilities are distributions, the best restart is kept. */
class GaussianMixturePredictionTest {

    private static final GmmTestData DATA = GmmTestData.threeClusters(400, 21);

    @ParameterizedTest(name = "the {0} posterior predictive of one-dimensional data integrates to one")
    @EnumSource(CovarianceType.class)
    void posteriorPredictiveIntegratesToOne(CovarianceType type) {
        double[][] x = new double[DATA.x.length][1];
        for (int n = 0; n < x.length; n++) {
            x[n][0] = DATA.x[n][0];
        }
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(3).covarianceType(type).threads(1).build().fit(x);
        int points = 40_001;
        double from = -60;
        double step = 120.0 / (points - 1);
        double[][] grid = new double[points][1];
        for (int i = 0; i < points; i++) {
            grid[i][0] = from + i * step;
        }
        double[] logDensity = r.logPredictiveDensity(grid).toArray();
        double integral = 0;
        for (int i = 0; i < points; i++) {
            integral += (i == 0 || i == points - 1 ? 0.5 : 1) * Math.exp(logDensity[i]) * step;
        }
        // the Student-t tails beyond ±60 hold well under 1e-6 of the mass here; the trapezoid error is far smaller
        assertThat(integral).isCloseTo(1, offset(1e-6));
    }

    @Test
    void predictedResponsibilitiesAreDistributionsAndPredictTakesTheirArgmax() {
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(4).threads(1).build().fit(DATA.x);
        double[] p = r.predictProba(DATA.x).toArray();
        int[] labels = r.predict(DATA.x);
        for (int n = 0; n < DATA.x.length; n++) {
            double sum = 0;
            int best = 0;
            for (int k = 0; k < 4; k++) {
                assertThat(p[n * 4 + k]).isBetween(0.0, 1.0);
                sum += p[n * 4 + k];
                if (p[n * 4 + k] > p[n * 4 + best]) {
                    best = k;
                }
            }
            assertThat(sum).isCloseTo(1, offset(1e-12));
            assertThat(labels[n]).isEqualTo(best);
        }
    }

    @Test
    void theRestartWithTheHighestFinalElboIsKept() {
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(6).restarts(4).seed(8).threads(1).build().fit(DATA.x);
        double[] finals = r.restartElbos();
        assertThat(finals).hasSize(4);
        double best = Double.NEGATIVE_INFINITY;
        for (double f : finals) {
            best = Math.max(best, f);
        }
        assertThat(r.elbo()).isEqualTo(best);
        assertThat(finals[r.restart()]).isEqualTo(best);
    }

    @Test
    void theSameSeedGivesTheSameFitAndTheResultNamesItsSettings() {
        GaussianMixtureVI vi = GaussianMixtureVI.builder().components(3).seed(42).threads(1).build();
        GaussianMixtureResult a = vi.fit(DATA.x);
        GaussianMixtureResult b = vi.fit(DATA.x);
        assertThat(b.elboTrace().values()).isEqualTo(a.elboTrace().values());
        assertThat(b.dataHash()).isEqualTo(a.dataHash());
        assertThat(a.settings().seed()).isEqualTo(42);
        assertThat(a.toString()).contains("seed=42", "weightPrior=dirichletProcess(0.3333333333333333)");
    }
}
