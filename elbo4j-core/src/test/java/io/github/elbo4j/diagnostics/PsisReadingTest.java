package io.github.elbo4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sample-size threshold and the reading of k-hat, with the exact texts users see. */
class PsisReadingTest {

    @Test
    void thresholdIsOneMinusTheInverseOfLog10OfSCappedAtSevenTenths() {
        assertThat(Psis.paretoKThreshold(10)).isEqualTo(0.0);
        assertThat(Psis.paretoKThreshold(100)).isEqualTo(0.5);
        assertThat(Psis.paretoKThreshold(1000)).isEqualTo(1 - 1 / 3.0);
        assertThat(Psis.paretoKThreshold(2000)).isEqualTo(1 - 1 / Math.log10(2000));   // 0.697
        assertThat(Psis.paretoKThreshold(2200)).isEqualTo(0.7);
        assertThat(Psis.paretoKThreshold(1_000_000)).isEqualTo(0.7);
    }

    @Test
    void readingsFollowOneHalfSevenTenthsAndTheSampleSizeThreshold() {
        assertThat(ParetoKReading.of(Double.NEGATIVE_INFINITY, 100)).isEqualTo(ParetoKReading.GOOD);
        assertThat(ParetoKReading.of(0.49, 4000)).isEqualTo(ParetoKReading.GOOD);
        assertThat(ParetoKReading.of(0.5, 4000)).isEqualTo(ParetoKReading.USABLE);
        assertThat(ParetoKReading.of(0.69, 4000)).isEqualTo(ParetoKReading.USABLE);
        assertThat(ParetoKReading.of(0.69, 1000)).isEqualTo(ParetoKReading.TOO_FEW_DRAWS);   // threshold 0.667
        assertThat(ParetoKReading.of(0.45, 50)).isEqualTo(ParetoKReading.TOO_FEW_DRAWS);     // threshold 0.41
        assertThat(ParetoKReading.of(0.7, 4000)).isEqualTo(ParetoKReading.DO_NOT_TRUST);
        assertThat(ParetoKReading.of(Double.POSITIVE_INFINITY, 100)).isEqualTo(ParetoKReading.DO_NOT_TRUST);
        assertThat(ParetoKReading.of(Double.POSITIVE_INFINITY, 20)).isEqualTo(ParetoKReading.NOT_ESTIMATED);
    }

    @Test
    void explanationsStateKTheRuleAndWhatToDo() {
        assertThat(ParetoKReading.GOOD.explain(0.123, 4000)).isEqualTo(
                "k-hat 0.12 < 0.5: the importance weights have a finite variance; the PSIS estimates are reliable");
        assertThat(ParetoKReading.USABLE.explain(0.61, 4000)).isEqualTo(
                "k-hat 0.61 is in [0.5, 0.70): the PSIS estimates are usable but converge slowly;"
                        + " report them with their MCSE");
        assertThat(ParetoKReading.TOO_FEW_DRAWS.explain(0.68, 1000)).isEqualTo(
                "k-hat 0.68 >= 0.66, the threshold for 1000 draws: too few draws for this k-hat;"
                        + " use more than 1333 draws");
        assertThat(ParetoKReading.DO_NOT_TRUST.explain(0.82, 4000)).isEqualTo(
                "k-hat 0.82 >= 0.7: the approximation's tails are too light; do not trust means or variances");
        assertThat(ParetoKReading.NOT_ESTIMATED.explain(Double.POSITIVE_INFINITY, 20)).isEqualTo(
                "k-hat not estimated: 20 draws leave 4 for the Pareto tail, which needs 5 (21 draws or more);"
                        + " do not trust the estimates");
    }

    @Test
    void printedNumbersAreRoundedSoThatThePrintedComparisonHolds() {
        // k just below 0.7 must not print as "0.70 < ..."; k just above the threshold not below it.
        assertThat(ParetoKReading.USABLE.explain(0.6999, 4000)).startsWith("k-hat 0.69 is in [0.5, 0.70)");
        assertThat(ParetoKReading.TOO_FEW_DRAWS.explain(0.6667, 1000)).startsWith("k-hat 0.66 >= 0.66,");
        assertThat(ParetoKReading.USABLE.explain(0.661, 1000)).startsWith("k-hat 0.66 is in [0.5, 0.67)");
        assertThat(ParetoKReading.GOOD.explain(Double.NEGATIVE_INFINITY, 100)).startsWith("k-hat -Infinity < 0.5");
    }

    @Test
    void theResultExplainsItsOwnParetoK() {
        double[] logRatios = new double[100];
        ParetoSmoothedWeights psis = Psis.smooth(logRatios);
        assertThat(psis.explanation()).isEqualTo(ParetoKReading.GOOD.explain(Double.NEGATIVE_INFINITY, 100));
        assertThat(psis.toString()).isEqualTo(
                "ParetoSmoothedWeights[draws=100, paretoK=-Infinity, tailLength=20, effectiveSampleSize=100.0]");
    }
}
