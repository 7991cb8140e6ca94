package io.github.elbo4j.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * One-sample Kolmogorov–Smirnov tests of {@link Draws} against the CDFs of Commons Statistics,
 * which is independent of the Commons RNG samplers under test. With fixed seeds, the statistic
 * {@code D = sup |F_n(x) - F(x)|} of {@value #N} draws must stay below the 0.1% critical value
 * {@code 1.94947 / sqrt(n)} of the limiting Kolmogorov distribution (P(sqrt(n) D > 1.94947) =
 * 0.001; Kolmogorov 1933, tabulated e.g. in Smirnov 1948, Ann. Math. Stat. 19(2)).
 */
class DrawsGoodnessOfFitTest {

    private static final int N = 100_000;
    private static final double CRITICAL = 1.94947 / Math.sqrt(N);

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
