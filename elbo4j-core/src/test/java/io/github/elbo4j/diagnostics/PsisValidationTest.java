package io.github.elbo4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad input to PSIS and its results, each with the exact message: argument, index, rule, value. */
class PsisValidationTest {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @Test
    void fewerThanTwoLogRatiosAreRefused() {
        assertThatThrownBy(() -> Psis.smooth(new double[] {0.1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS logRatios length must be >= 2, got 1");
    }

    @Test
    void aNanLogRatioIsRefusedWithItsIndex() {
        assertThatThrownBy(() -> Psis.smooth(new double[] {0.0, -1.0, Double.NaN, 2.0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS logRatios[2] must be finite or -Infinity (a zero weight), got NaN");
    }

    @Test
    void aPlusInfinityLogRatioIsRefusedWithItsIndex() {
        assertThatThrownBy(() -> Psis.smooth(new double[] {0.0, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS logRatios[1] must be finite or -Infinity (a zero weight), got Infinity");
    }

    @Test
    void logRatiosThatAreAllMinusInfinityAreRefused() {
        assertThatThrownBy(() -> Psis.smooth(new double[] {NEG_INF, NEG_INF, NEG_INF}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS logRatios must have a finite entry, got all 3 -Infinity (every weight zero)");
    }

    @Test
    void functionValuesOfTheWrongLengthAreRefused() {
        ParetoSmoothedWeights psis = Psis.smooth(new double[] {0.0, 1.0, 2.0});
        assertThatThrownBy(() -> psis.mean(new double[] {1.0, 2.0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS h length must equal the number of draws 3, got 2");
        assertThatThrownBy(() -> psis.monteCarloStandardError(new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS h length must equal the number of draws 3, got 4");
    }

    @Test
    void nonFiniteFunctionValuesAreRefusedWithTheirIndex() {
        ParetoSmoothedWeights psis = Psis.smooth(new double[] {0.0, 1.0, 2.0});
        assertThatThrownBy(() -> psis.mean(new double[] {1.0, Double.NaN, 2.0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS h[1] must be finite, got NaN");
        assertThatThrownBy(() -> psis.monteCarloStandardError(new double[] {1.0, 2.0, NEG_INF}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS h[2] must be finite, got -Infinity");
    }

    @Test
    void drawCountsBelowTheMinimumAreRefused() {
        assertThatThrownBy(() -> Psis.tailLength(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS draws must be >= 1, got 0");
        assertThatThrownBy(() -> Psis.paretoKThreshold(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS draws must be >= 2, got 1");
        assertThatThrownBy(() -> ParetoKReading.of(0.3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSIS draws must be >= 2, got 1");
    }

    @Test
    void aNanParetoKCannotBeRead() {
        assertThatThrownBy(() -> ParetoKReading.of(Double.NaN, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ParetoKReading paretoK must be a number (±Infinity allowed), got NaN");
    }
}
