package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PredictiveTest {

    // 3 draws at 2 points
    private static final Tensor F = Tensor.of(new double[] {0.0, 1.0, 0.5, 2.0, 1.0, 3.0}, 3, 2);
    private static final Predictive P = Predictive.of(F, 0.5);

    private static double normal(double y, double m, double s) {
        return Math.exp(-0.5 * (y - m) * (y - m) / (s * s)) / (s * Math.sqrt(2 * Math.PI));
    }

    @Test
    void momentsByHand() {
        assertThat(P.mean().toArray()).containsExactly(new double[] {0.5, 2.0}, within(1e-15));
        // draws at point 0: 0, 0.5, 1 -> sample variance 0.25; at point 1: 1, 2, 3 -> 1
        assertThat(P.epistemicSd().toArray()).containsExactly(new double[] {0.5, 1.0}, within(1e-15));
        assertThat(P.totalSd().toArray()).containsExactly(new double[] {Math.sqrt(0.5), Math.sqrt(1.25)}, within(1e-15));
    }

    @Test
    void logPredictiveDensityAndRmseByHand() {
        Tensor y = Tensor.of(0.2, 4.0);
        double l0 = Math.log((normal(0.2, 0, 0.5) + normal(0.2, 0.5, 0.5) + normal(0.2, 1, 0.5)) / 3);
        double l1 = Math.log((normal(4, 1, 0.5) + normal(4, 2, 0.5) + normal(4, 3, 0.5)) / 3);
        assertThat(P.logPredictiveDensity(y).toArray()).containsExactly(new double[] {l0, l1}, within(1e-12));
        assertThat(P.averageLogPredictiveDensity(y)).isCloseTo((l0 + l1) / 2, within(1e-12));
        assertThat(P.rmse(y)).isCloseTo(Math.sqrt((0.09 + 4.0) / 2), within(1e-15));
    }

    /** In units scaled by a, the density of a y + c is the density of y divided by |a|. */
    @Test
    void affineMapsUnitsAndDensity() {
        Tensor y = Tensor.of(0.2, 4.0);
        Predictive q = P.affine(-3.0, 10.0);
        assertThat(q.noiseSd()).isEqualTo(1.5);
        assertThat(q.averageLogPredictiveDensity(y.mul(-3.0).add(10.0)))
                .isCloseTo(P.averageLogPredictiveDensity(y) - Math.log(3.0), within(1e-12));
        assertThat(q.rmse(y.mul(-3.0).add(10.0))).isCloseTo(3 * P.rmse(y), within(1e-12));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> Predictive.of(Tensor.zeros(1, 4), 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Predictive draws must have shape [S, N] with S >= 2, got [1, 4]");
        assertThatThrownBy(() -> Predictive.of(F, -1.0)).hasMessage("Predictive noiseSd must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> P.rmse(Tensor.zeros(3))).hasMessage("Predictive targets must have shape [2], got [3]");
        assertThatThrownBy(() -> P.affine(0.0, 1.0))
                .hasMessage("Predictive affine needs a finite a != 0 and a finite c, got a = 0.0, c = 1.0");
    }
}
