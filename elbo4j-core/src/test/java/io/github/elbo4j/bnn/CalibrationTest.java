package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /**
     * Six predictions over three classes in Guo et al.'s 15 bins of width 1/15, by hand:
     * confidences 0.95 (right, bin 15), 0.92 (wrong, bin 14), 0.5 and 0.5 (both right, bin 8),
     * 0.45 (wrong, bin 7), 0.78 (right, bin 12). Accuracy 4/6;
     * ECE = (1/6)(|1 - 0.95| + |0 - 0.92| + |0 - 0.45| + |1 - 0.78|) + (2/6)|1 - 0.5| = 2.64/6 = 0.44;
     * NLL = -(log 0.95 + log 0.03 + log 0.5 + log 0.35 + log 0.5 + log 0.78)/6.
     */
    @Test
    void handComputedExampleInFifteenBins() {
        Tensor p = Tensor.of(new double[][] {
            {0.95, 0.03, 0.02}, {0.05, 0.92, 0.03}, {0.5, 0.3, 0.2}, {0.45, 0.35, 0.2}, {0.2, 0.5, 0.3}, {0.1, 0.12, 0.78}});
        int[] y = {0, 2, 0, 1, 1, 2};
        Calibration c = Calibration.of(p, y);
        assertThat(c.accuracy()).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(c.expectedCalibrationError()).isCloseTo(0.44, within(1e-15));
        double nll = -(Math.log(0.95) + Math.log(0.03) + Math.log(0.5) + Math.log(0.35) + Math.log(0.5) + Math.log(0.78)) / 6;
        assertThat(c.negativeLogLikelihood()).isCloseTo(nll, within(1e-15));
        int[] count = new int[15];
        count[14] = 1;
        count[13] = 1;
        count[11] = 1;
        count[7] = 2;
        count[6] = 1;
        assertThat(c.binCount()).containsExactly(count);
        assertThat(c.binConfidence()[7]).isEqualTo(0.5);
        assertThat(c.binAccuracy()[7]).isEqualTo(1.0);
        assertThat(c.binAccuracy()[13]).isEqualTo(0.0);
        assertThat(c.binConfidence()[0]).isNaN();
    }

    /** Bins are closed on the right: with 4 bins a confidence of exactly 0.5 falls in (0.25, 0.5], 1.0 in (0.75, 1]. */
    @Test
    void aConfidenceOnABinEdgeFallsInTheBinBelow() {
        Tensor p = Tensor.of(new double[][] {{0.5, 0.5}, {1.0, 0.0}, {0.75, 0.25}});
        Calibration c = Calibration.of(p, new int[] {1, 0, 0}, 4);
        assertThat(c.binCount()).containsExactly(0, 1, 1, 1);
        // the tie 0.5 / 0.5 predicts class 0 (the first maximum): wrong for label 1
        assertThat(c.accuracy()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(c.expectedCalibrationError()).isCloseTo((0.5 + 0.0 + 0.25) / 3, within(1e-15));
    }

    @Test
    void badInputIsRefusedNamingTheValueAndTheRule() {
        Tensor p = Tensor.of(new double[][] {{0.6, 0.4}, {0.3, 0.7}});
        assertThatThrownBy(() -> Calibration.of(p, new int[] {0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Calibration probabilities must have shape [N, K] with N = 1 (the number of labels) >= 1, got [2, 2]");
        assertThatThrownBy(() -> Calibration.of(p, new int[] {0, 2}))
                .hasMessage("Calibration labels[1] = 2 must be in [0, 2)");
        assertThatThrownBy(() -> Calibration.of(Tensor.of(new double[][] {{0.6, 0.6}}), new int[] {0}))
                .hasMessage("Calibration probabilities row 0 sums to 1.2, must sum to 1 (within 1e-6)");
        assertThatThrownBy(() -> Calibration.of(Tensor.of(new double[][] {{1.5, -0.5}}), new int[] {0}))
                .hasMessage("Calibration probabilities[0, 0] = 1.5 must be in [0, 1]");
        assertThatThrownBy(() -> Calibration.of(p, new int[] {0, 1}, 0)).hasMessage("Calibration bins must be >= 1, got 0");
    }
}
