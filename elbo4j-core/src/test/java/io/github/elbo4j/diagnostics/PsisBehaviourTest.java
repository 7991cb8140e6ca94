package io.github.elbo4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.random.RandomStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * PSIS laws that hold without loo: exact importance sampling, proposals too narrow and wide
 * enough, the PSIS mean and its MCSE against known truths, and the invariances of the algorithm.
 * Stochastic tests use fixed seeds and state their margin.
 */
class PsisBehaviourTest {

    /** log N(z; mean, sd) without the {@code -log √(2π)}, which cancels in every ratio here. */
    private static double logNormal(double z, double mean, double sd) {
        double u = (z - mean) / sd;
        return -0.5 * u * u - Math.log(sd);
    }

    /** {@code S} draws {@code z ~ N(0, sd²)}. */
    private static double[] normalDraws(RandomStream stream, int s, double sd) {
        double[] z = new double[s];
        for (int i = 0; i < s; i++) {
            z[i] = sd * stream.nextGaussian();
        }
        return z;
    }

    /** Log ratios of target N(0, I_d) to proposal N(0, sd² I_d), S draws. */
    private static double[] isotropicLogRatios(long seed, int s, int d, double sd) {
        RandomStream stream = RandomStream.of(seed);
        double[] logRatios = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < d; j++) {
                double z = sd * stream.nextGaussian();
                logRatios[i] += logNormal(z, 0, 1) - logNormal(z, 0, sd);
            }
        }
        return logRatios;
    }

    /** Log ratios of target N(shift, 1) to proposal N(0, 1) at the draws z. */
    private static double[] shiftedLogRatios(double[] z, double shift) {
        double[] logRatios = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            logRatios[i] = logNormal(z[i], shift, 1) - logNormal(z[i], 0, 1);
        }
        return logRatios;
    }

    @Test
    void exactImportanceSamplingGivesEqualWeightsFullSampleSizeAndNothingToDistrust() {
        double[] logRatios = new double[1000];
        Arrays.fill(logRatios, -3.7);   // q = p: the ratio is the constant evidence
        ParetoSmoothedWeights psis = Psis.smooth(logRatios);

        assertThat(psis.paretoK()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(psis.reading()).isEqualTo(ParetoKReading.GOOD);
        assertThat(psis.effectiveSampleSize()).isCloseTo(1000, within(1e-9));
        double[] uniform = new double[1000];
        Arrays.fill(uniform, 1e-3);
        assertThat(psis.weights()).containsExactly(uniform, within(1e-17));
    }

    @Test
    void aProposalTooNarrowInTwentyDimensionsGivesParetoKAboveSevenTenths() {
        // Target N(0, I_20), proposal N(0, 0.5² I_20): the weights' tail index is 1 - 0.5² per axis
        // and compounds over axes. loo 2.5.1 on 100 other seeds gave k-hat from 0.88 to 1.69.
        ParetoSmoothedWeights psis = Psis.smooth(isotropicLogRatios(11, 4000, 20, 0.5));

        assertThat(psis.paretoK()).isGreaterThan(0.7);
        assertThat(psis.reading()).isEqualTo(ParetoKReading.DO_NOT_TRUST);
        assertThat(psis.effectiveSampleSize()).isLessThan(100);
    }

    @Test
    void aProposalWiderThanTheTargetGivesParetoKBelowOneHalf() {
        // Target N(0, I_10), proposal N(0, 1.2² I_10): bounded weights. loo on 100 seeds: k-hat <= 0.02.
        ParetoSmoothedWeights tenDimensions = Psis.smooth(isotropicLogRatios(12, 4000, 10, 1.2));
        // One dimension, proposal N(0, 1.5²): loo on 100 seeds: k-hat from -2.06 to -1.38.
        ParetoSmoothedWeights oneDimension = Psis.smooth(isotropicLogRatios(13, 4000, 1, 1.5));

        assertThat(tenDimensions.paretoK()).isLessThan(0.5);
        assertThat(tenDimensions.reading()).isEqualTo(ParetoKReading.GOOD);
        assertThat(oneDimension.paretoK()).isLessThan(0);
    }

    @Test
    void psisMeanOfAShiftedNormalIsWithinFourStandardErrorsOfTheTrueMean() {
        double[] z = normalDraws(RandomStream.of(21), 4000, 1);
        ParetoSmoothedWeights psis = Psis.smooth(shiftedLogRatios(z, 0.3));

        double mcse = psis.monteCarloStandardError(z);
        // Delta method for target N(μ, 1), proposal N(0, 1): Var ≈ e^{μ²} (1 + μ²) / S, so MCSE ≈ 0.0172.
        assertThat(mcse).isBetween(0.8 * 0.0172, 1.2 * 0.0172);
        assertThat(psis.mean(z)).isCloseTo(0.3, within(4 * mcse));
    }

    @Test
    void monteCarloStandardErrorMatchesTheSpreadOfTheEstimateOverRepetitions() {
        // Target N(1, 1), proposal N(0, 1), S = 1000, 200 independent repetitions. The shift makes the
        // weights matter: the MCSE is √(2e / S) ≈ 0.074 where the unweighted sd(h)/√S would be 0.032.
        // The sample sd of 200 estimates has a relative standard error of about 1/√400 = 5 %, so 20 %
        // is a 4-standard-error margin.
        int repetitions = 200;
        RandomStream root = RandomStream.of(31);
        double sum = 0;
        double sumOfSquares = 0;
        double sumOfSquaredMcse = 0;
        for (int r = 0; r < repetitions; r++) {
            double[] z = normalDraws(root.split(r), 1000, 1);
            ParetoSmoothedWeights psis = Psis.smooth(shiftedLogRatios(z, 1.0));
            double mean = psis.mean(z);
            double mcse = psis.monteCarloStandardError(z);
            sum += mean;
            sumOfSquares += mean * mean;
            sumOfSquaredMcse += mcse * mcse;
        }
        double average = sum / repetitions;
        double empiricalSd = Math.sqrt((sumOfSquares - repetitions * average * average) / (repetitions - 1));
        double rootMeanSquareMcse = Math.sqrt(sumOfSquaredMcse / repetitions);

        assertThat(rootMeanSquareMcse / empiricalSd).isBetween(0.8, 1.2);
        assertThat(average).isCloseTo(1.0, within(4 * empiricalSd / Math.sqrt(repetitions)));
    }

    @Test
    void minusInfinityLogRatiosGetZeroWeight() {
        double[] logRatios = normalDraws(RandomStream.of(41), 1000, 1);
        int[] zeros = {0, 17, 500, 999};
        for (int i : zeros) {
            logRatios[i] = Double.NEGATIVE_INFINITY;
        }
        ParetoSmoothedWeights psis = Psis.smooth(logRatios);

        double[] weights = psis.weights();
        for (int i = 0; i < weights.length; i++) {
            boolean zero = i == 0 || i == 17 || i == 500 || i == 999;
            assertThat(weights[i] == 0).as("weight %d", i).isEqualTo(zero);
        }
        assertThat(Double.isFinite(psis.paretoK())).isTrue();
        assertThat(LogSpace.logSumExp(psis.logWeights())).isCloseTo(0, within(1e-14));
    }

    @Test
    void shiftingEveryLogRatioByAConstantChangesNothing() {
        // ±800 overflow or underflow exp() unless the largest ratio is subtracted first.
        double[] logRatios = normalDraws(RandomStream.of(51), 1000, 2);
        ParetoSmoothedWeights psis = Psis.smooth(logRatios);
        for (double shift : new double[] {800, -800}) {
            double[] shifted = new double[logRatios.length];
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] = logRatios[i] + shift;
            }
            ParetoSmoothedWeights moved = Psis.smooth(shifted);
            assertThat(moved.paretoK()).isCloseTo(psis.paretoK(), within(1e-9));
            assertThat(moved.logWeights()).containsExactly(psis.logWeights(), within(1e-9));
        }
    }

    @Test
    void permutingTheDrawsPermutesTheWeights() {
        double[] logRatios = normalDraws(RandomStream.of(61), 1000, 2);
        double[] reversed = new double[logRatios.length];
        for (int i = 0; i < logRatios.length; i++) {
            reversed[i] = logRatios[logRatios.length - 1 - i];
        }
        double[] forward = Psis.smooth(logRatios).logWeights();
        double[] backward = Psis.smooth(reversed).logWeights();
        for (int i = 0; i < forward.length; i++) {
            assertThat(backward[forward.length - 1 - i]).as("draw %d", i).isCloseTo(forward[i], within(1e-13));
        }
    }

    @Test
    void onlyTheTailIsSmoothedItKeepsTheRanksAndIsTruncatedAtTheLargestRawRatio() {
        // Weights |t_1| (Cauchy): k near 1, so the fitted quantiles overshoot the largest raw weight.
        RandomStream stream = RandomStream.of(71);
        int s = 4000;
        double[] logRatios = new double[s];
        for (int i = 0; i < s; i++) {
            logRatios[i] = Math.log(Math.abs(stream.nextGaussian() / stream.nextGaussian()));
        }
        ParetoSmoothedWeights psis = Psis.smooth(logRatios);
        double[] lw = psis.logWeights();
        int m = psis.tailLength();
        double[] sorted = logRatios.clone();
        Arrays.sort(sorted);
        double cutoff = sorted[s - m - 1];
        double largest = sorted[s - 1];
        int body = 0;
        for (int i = 0; i < s; i++) {
            body = logRatios[i] <= cutoff ? i : body;
        }
        double shift = lw[body] - logRatios[body];   // -logsumexp: the same for every untouched draw

        int truncated = 0;
        for (int i = 0; i < s; i++) {
            if (logRatios[i] <= cutoff) {
                assertThat(lw[i] - logRatios[i]).as("untouched draw %d", i).isCloseTo(shift, within(1e-12));
            } else {
                assertThat(lw[i] - shift).as("tail draw %d", i).isLessThanOrEqualTo(largest + 1e-12)
                        .isGreaterThan(cutoff - 1e-12);
                truncated += Math.abs(lw[i] - shift - largest) < 1e-12 ? 1 : 0;
            }
            for (int j = 0; j < s; j += 97) {
                if (logRatios[i] < logRatios[j]) {
                    assertThat(lw[i]).as("rank of %d below %d", i, j).isLessThanOrEqualTo(lw[j]);
                }
            }
        }
        assertThat(psis.paretoK()).isGreaterThan(0.7);
        assertThat(truncated).as("tail draws truncated at the largest raw ratio").isPositive();
    }

    @Test
    void aTailShorterThanFiveDrawsIsLeftUnsmoothed() {
        double[] logRatios = normalDraws(RandomStream.of(81), 20, 1);
        ParetoSmoothedWeights psis = Psis.smooth(logRatios);

        assertThat(psis.tailLength()).isEqualTo(4);
        assertThat(psis.paretoK()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(psis.reading()).isEqualTo(ParetoKReading.NOT_ESTIMATED);
        double normalizer = LogSpace.logSumExp(logRatios);
        for (int i = 0; i < logRatios.length; i++) {
            assertThat(psis.logWeights()[i]).isCloseTo(logRatios[i] - normalizer, within(1e-14));
        }
    }

    @Test
    void twoDrawsAreEnough() {
        ParetoSmoothedWeights psis = Psis.smooth(new double[] {0, Math.log(3)});

        assertThat(psis.weights()).containsExactly(new double[] {0.25, 0.75}, within(1e-15));
        assertThat(psis.effectiveSampleSize()).isCloseTo(1 / (0.25 * 0.25 + 0.75 * 0.75), within(1e-12));
    }

    @Test
    void tailLengthIsTheCeilingOfTheSmallerOfOneFifthAndThreeRootsOfS() {
        assertThat(Psis.tailLength(1)).isEqualTo(1);
        assertThat(Psis.tailLength(20)).isEqualTo(4);      // 0.2 S = 4
        assertThat(Psis.tailLength(21)).isEqualTo(5);      // ⌈4.2⌉, the first S with a fitted tail
        assertThat(Psis.tailLength(225)).isEqualTo(45);    // 0.2 S = 3 √S = 45
        assertThat(Psis.tailLength(1000)).isEqualTo(95);   // ⌈94.87⌉
        assertThat(Psis.tailLength(4000)).isEqualTo(190);  // ⌈189.74⌉
    }

    @Test
    void theInputIsNotModified() {
        double[] logRatios = normalDraws(RandomStream.of(91), 500, 3);
        double[] copy = logRatios.clone();
        ParetoSmoothedWeights psis = Psis.smooth(logRatios);
        double[] returned = psis.logWeights();
        returned[0] = 42;

        assertThat(logRatios).containsExactly(copy);
        assertThat(psis.logWeights()[0]).isNotEqualTo(42);
    }
}
