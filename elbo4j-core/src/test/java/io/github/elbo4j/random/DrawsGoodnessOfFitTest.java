package io.github.elbo4j.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * One-sample Kolmogorov–Smirnov tests of {@link Draws} against the CDFs of Commons Statistics,
 * which is independent of the Commons RNG samplers under test (and a chi-square test of the
 * binomial counts, a discrete law). With fixed seeds, the statistic
 * {@code D = sup |F_n(x) - F(x)|} of {@value #N} draws must stay below the 0.1% critical value
 * {@code 1.94947 / sqrt(n)} of the limiting Kolmogorov distribution (P(sqrt(n) D > 1.94947) =
 * 0.001; Kolmogorov 1933, tabulated e.g. in Smirnov 1948, Ann. Math. Stat. 19(2)).
 */
class DrawsGoodnessOfFitTest {

    private static final int N = 100_000;
    private static final double CRITICAL = 1.94947 / Math.sqrt(N);
    private static final double MIN_EXPECTED = 20;

    @Test
    void normalDrawsPassKolmogorovSmirnov() {
        RandomStream s = RandomStream.of(201);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Draws.normal(s, 1.5, 0.7);
        }
        NormalDistribution f = NormalDistribution.of(1.5, 0.7);
        assertThat(statistic(x, f::cumulativeProbability)).isLessThan(CRITICAL);
    }

    @Test
    void gammaDrawsPassKolmogorovSmirnovOnBothSidesOfShapeOne() {
        for (double shape : new double[] {0.4, 3.2}) {
            RandomStream s = RandomStream.of(202);
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = Draws.gamma(s, shape, 2.0);
            }
            GammaDistribution f = GammaDistribution.of(shape, 2.0);
            assertThat(statistic(x, f::cumulativeProbability)).as("shape %s", shape).isLessThan(CRITICAL);
        }
    }

    @Test
    void betaDrawsPassKolmogorovSmirnovForBothOfChengsAlgorithms() {
        for (double[] ab : new double[][] {{0.6, 0.8}, {2.5, 9.0}}) {
            RandomStream s = RandomStream.of(203);
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = Draws.beta(s, ab[0], ab[1]);
            }
            BetaDistribution f = BetaDistribution.of(ab[0], ab[1]);
            assertThat(statistic(x, f::cumulativeProbability)).as("beta%s", Arrays.toString(ab)).isLessThan(CRITICAL);
        }
    }

    @Test
    void theTestRejectsASlightlyWrongDistribution() {
        // Power check: gamma(3.2) draws against a gamma(3.3) CDF must fail at this sample size.
        RandomStream s = RandomStream.of(204);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Draws.gamma(s, 3.2, 2.0);
        }
        GammaDistribution wrong = GammaDistribution.of(3.3, 2.0);
        assertThat(statistic(x, wrong::cumulativeProbability)).isGreaterThan(CRITICAL);
    }

    /**
     * The one beta-splitting binomial sampler, on both sides of its switch to inversion at 64
     * trials and deep into the splitting (10⁶ trials): Pearson's chi-square over the counts, with
     * adjacent counts pooled until each cell expects at least {@value #MIN_EXPECTED} draws, must
     * stay below the 0.1% critical value of the chi-square law with (cells - 1) degrees of freedom
     * (Commons Statistics, independent of the sampler).
     */
    @Test
    void binomialDrawsPassChiSquareOnBothSidesOfTheInversionLimit() {
        int[] trials = {10, 64, 65, 1000, 1_000_000};
        double[] probabilities = {0.3, 0.9, 0.5, 0.02, 0.2};
        for (int c = 0; c < trials.length; c++) {
            RandomStream s = RandomStream.of(205);
            int[] k = new int[N];
            for (int i = 0; i < N; i++) {
                k[i] = Draws.binomial(s, trials[c], probabilities[c]);
            }
            BinomialDistribution f = BinomialDistribution.of(trials[c], probabilities[c]);
            double[] test = chiSquare(k, f);
            assertThat(test[0]).as("Binomial(%s, %s), %s cells", trials[c], probabilities[c], test[1] + 1).isLessThan(test[2]);
        }
    }

    @Test
    void theChiSquareTestRejectsASlightlyWrongBinomial() {
        // Power check: Binomial(1000, 0.3) draws against Binomial(1000, 0.31) must fail at this size.
        RandomStream s = RandomStream.of(206);
        int[] k = new int[N];
        for (int i = 0; i < N; i++) {
            k[i] = Draws.binomial(s, 1000, 0.3);
        }
        double[] test = chiSquare(k, BinomialDistribution.of(1000, 0.31));
        assertThat(test[0]).isGreaterThan(test[2]);
    }

    /**
     * {@code {X², degrees of freedom, 0.1% critical value}} of Pearson's test of the counts against
     * {@code f}, with cells pooled from the left until each expects {@value #MIN_EXPECTED} draws (the
     * last cell takes the upper tail).
     */
    private static double[] chiSquare(int[] draws, BinomialDistribution f) {
        int n = f.getNumberOfTrials();
        long[] observed = new long[n + 1];
        for (int k : draws) {
            observed[k]++;
        }
        double statistic = 0;
        int cells = 0;
        double expected = 0;
        long seen = 0;
        double assigned = 0;
        for (int k = 0; k <= n; k++) {
            expected += N * f.probability(k);
            seen += observed[k];
            boolean last = k == n;
            if (expected >= MIN_EXPECTED && N - assigned - expected >= MIN_EXPECTED || last) {
                if (last) {
                    expected = N - assigned;
                }
                statistic += (seen - expected) * (seen - expected) / expected;
                assigned += expected;
                cells++;
                expected = 0;
                seen = 0;
            }
        }
        int df = cells - 1;
        return new double[] {statistic, df, ChiSquaredDistribution.of(df).inverseSurvivalProbability(0.001)};
    }

    /** {@code D = max_i max(i/n - F(x_(i)), F(x_(i)) - (i-1)/n)} over the sorted draws. */
    private static double statistic(double[] draws, DoubleUnaryOperator cdf) {
        double[] x = draws.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }
}
