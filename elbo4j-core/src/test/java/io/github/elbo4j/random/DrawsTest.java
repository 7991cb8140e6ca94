package io.github.elbo4j.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Moments of {@link Draws}: with fixed seeds, the sample mean and variance of {@value #N} draws
 * must lie within 4 Monte Carlo standard errors of the analytic values, with SE(mean) = sqrt(σ²/n)
 * and SE(variance) = sqrt((μ4 - σ⁴)/n) from the known fourth central moment μ4 (see
 * {@link SampleMoments}). Also the validation messages.
 */
class DrawsTest {

    private static final int N = 100_000;

    @Test
    void normalDrawsHaveTheRightMeanAndVariance() {
        // N(μ, σ²): μ4 = 3σ⁴.
        RandomStream s = RandomStream.of(101);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Draws.normal(s, -3, 2.5);
        }
        double v = 2.5 * 2.5;
        SampleMoments.of(x).assertWithinFourStandardErrors(-3, v, 3 * v * v);
    }

    @Test
    void gammaDrawsHaveTheRightMeanAndVarianceForSmallAndLargeShapes() {
        // Gamma(k, θ): mean kθ, variance kθ², μ4 = 3k(k + 2)θ⁴. k < 1 and k >= 1 use different
        // algorithms (Ahrens-Dieter GS, Marsaglia-Tsang).
        for (double[] kt : new double[][] {{0.3, 2.0}, {1.0, 1.0}, {4.5, 0.5}, {250.0, 0.01}}) {
            double k = kt[0];
            double theta = kt[1];
            RandomStream s = RandomStream.of(102);
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = Draws.gamma(s, k, theta);
            }
            double t4 = Math.pow(theta, 4);
            SampleMoments.of(x).assertWithinFourStandardErrors(k * theta, k * theta * theta, 3 * k * (k + 2) * t4);
        }
    }

    @Test
    void betaDrawsHaveTheRightMeanAndVariance() {
        // Beta(a, b): Cheng's BB (both > 1) and BC (otherwise) algorithms.
        for (double[] ab : new double[][] {{0.5, 0.5}, {2.0, 5.0}, {0.3, 3.0}, {40.0, 15.0}}) {
            RandomStream s = RandomStream.of(103);
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = Draws.beta(s, ab[0], ab[1]);
            }
            assertBetaMoments(x, ab[0], ab[1]);
        }
    }

    @Test
    void dirichletDrawsLieOnTheSimplexWithBetaMarginals() {
        // The i-th coordinate of Dirichlet(α) is Beta(α_i, α_0 - α_i), α_0 = Σ α.
        double[] alpha = {0.5, 2.0, 7.5};
        double total = 0.5 + 2.0 + 7.5;
        RandomStream s = RandomStream.of(104);
        double[][] columns = new double[alpha.length][N];
        for (int i = 0; i < N; i++) {
            double[] d = Draws.dirichlet(s, alpha);
            double sum = 0;
            for (int j = 0; j < alpha.length; j++) {
                assertThat(d[j]).isBetween(0.0, 1.0);
                columns[j][i] = d[j];
                sum += d[j];
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
        }
        for (int j = 0; j < alpha.length; j++) {
            assertBetaMoments(columns[j], alpha[j], total - alpha[j]);
        }
    }

    @Test
    void categoricalDrawsHaveTheRightFrequencies() {
        // Each frequency is a mean of Bernoulli(p_i) indicators: SE = sqrt(p_i (1 - p_i) / n).
        double[] p = {0.1, 0.0, 0.25, 0.6, 0.05};
        RandomStream s = RandomStream.of(105);
        int[] one = new int[N];
        for (int i = 0; i < N; i++) {
            one[i] = Draws.categorical(s, p);
        }
        assertFrequencies(one, p);
        assertFrequencies(Draws.categorical(RandomStream.of(106), p, N), p);
    }

    @Test
    void poissonDrawsHaveTheRightMeanAndVarianceForSmallAndLargeMeans() {
        // Poisson(λ): variance λ, μ4 = λ(1 + 3λ). Means below and above 40 use different algorithms.
        for (double lambda : new double[] {0.2, 3.5, 39.0, 41.0, 1e4}) {
            RandomStream s = RandomStream.of(107);
            int[] k = new int[N];
            for (int i = 0; i < N; i++) {
                k[i] = Draws.poisson(s, lambda);
            }
            SampleMoments.of(k).assertWithinFourStandardErrors(lambda, lambda, lambda * (1 + 3 * lambda));
        }
        assertThat(Draws.poisson(RandomStream.of(1), 0.0)).isZero();
    }

    @Test
    void binomialDrawsHaveTheRightMeanAndVarianceForFewAndManyTrials() {
        // Binomial(n, p): v = np(1 - p), μ4 = v (1 + 3(n - 2) p (1 - p)).
        int[][] trials = {{1}, {10}, {17}, {100}, {1000}, {1_000_000}};
        double[] probabilities = {0.3, 0.5, 0.9, 0.02, 0.999, 0.2};
        for (int c = 0; c < trials.length; c++) {
            int n = trials[c][0];
            double p = probabilities[c];
            RandomStream s = RandomStream.of(108);
            int[] k = new int[N];
            for (int i = 0; i < N; i++) {
                k[i] = Draws.binomial(s, n, p);
                assertThat(k[i]).isBetween(0, n);
            }
            double pq = p * (1 - p);
            double v = n * pq;
            SampleMoments.of(k).assertWithinFourStandardErrors(n * p, v, v * (1 + 3 * (n - 2) * pq));
        }
    }

    @Test
    void binomialWithCertainOutcomesIsExact() {
        RandomStream s = RandomStream.of(109);
        assertThat(Draws.binomial(s, 1000, 0.0)).isZero();
        assertThat(Draws.binomial(s, 1000, 1.0)).isEqualTo(1000);
        assertThat(Draws.binomial(s, 0, 0.5)).isZero();
        assertThat(Draws.binomial(s, Integer.MAX_VALUE, 1.0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void drawsAreReproducibleFromTheSeed() {
        RandomStream a = RandomStream.of(110);
        RandomStream b = RandomStream.of(110);
        for (int i = 0; i < 100; i++) {
            assertThat(Draws.gamma(a, 0.7, 1)).isEqualTo(Draws.gamma(b, 0.7, 1));
            assertThat(Draws.dirichlet(a, new double[] {1, 2})).isEqualTo(Draws.dirichlet(b, new double[] {1, 2}));
            assertThat(Draws.binomial(a, 500, 0.3)).isEqualTo(Draws.binomial(b, 500, 0.3));
        }
    }

    @Test
    void invalidParametersAreRejectedWithMessagesNamingTheValue() {
        RandomStream s = RandomStream.of(1);
        assertMessage(() -> Draws.normal(s, 0, 0), "normal sd must be > 0, got 0.0");
        assertMessage(() -> Draws.normal(s, 0, Double.POSITIVE_INFINITY), "normal sd must be finite, got Infinity");
        assertMessage(() -> Draws.normal(s, Double.NaN, 1), "normal mean must be finite, got NaN");
        assertMessage(() -> Draws.gamma(s, -1, 1), "gamma shape must be > 0, got -1.0");
        assertMessage(() -> Draws.gamma(s, 1, Double.NaN), "gamma scale must be > 0, got NaN");
        assertMessage(() -> Draws.beta(s, 0, 1), "beta alpha must be > 0, got 0.0");
        assertMessage(() -> Draws.beta(s, 1, -2), "beta beta must be > 0, got -2.0");
        assertMessage(() -> Draws.dirichlet(s, new double[] {1}), "dirichlet alpha must have at least 2 elements, got 1");
        assertMessage(() -> Draws.dirichlet(s, new double[] {1, 0}), "dirichlet alpha[1] must be > 0, got 0.0");
        assertMessage(() -> Draws.categorical(s, new double[0]), "categorical probabilities must not be empty");
        assertMessage(() -> Draws.categorical(s, new double[] {0.5, -0.1, 0.6}),
                "categorical probabilities[1] must be finite and >= 0, got -0.1");
        assertMessage(() -> Draws.categorical(s, new double[] {0.5, 0.2}),
                "categorical probabilities must sum to 1 (within 1e-9), got sum 0.7");
        assertMessage(() -> Draws.categorical(s, new double[] {1}, -1), "categorical count must be >= 0, got -1");
        assertMessage(() -> Draws.poisson(s, -0.5), "poisson mean must be >= 0, got -0.5");
        assertMessage(() -> Draws.poisson(s, 2e9), "poisson mean must be <= 1.0737418235E9, got 2.0E9");
        assertMessage(() -> Draws.binomial(s, -1, 0.5), "binomial trials must be >= 0, got -1");
        assertMessage(() -> Draws.binomial(s, 10, 1.5), "binomial probability must be in [0, 1], got 1.5");
    }

    private static void assertMessage(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static void assertBetaMoments(double[] x, double a, double b) {
        // Beta(a, b): mean a/(a+b), variance ab/((a+b)²(a+b+1)), excess kurtosis
        // 6[(a-b)²(a+b+1) - ab(a+b+2)] / [ab(a+b+2)(a+b+3)], so μ4 = σ⁴ (3 + excess kurtosis).
        double t = a + b;
        double mean = a / t;
        double variance = a * b / (t * t * (t + 1));
        double excess = 6 * ((a - b) * (a - b) * (t + 1) - a * b * (t + 2)) / (a * b * (t + 2) * (t + 3));
        SampleMoments.of(x).assertWithinFourStandardErrors(mean, variance, variance * variance * (3 + excess));
    }

    private static void assertFrequencies(int[] draws, double[] p) {
        int[] counts = new int[p.length];
        for (int k : draws) {
            counts[k]++;
        }
        for (int i = 0; i < p.length; i++) {
            double se = Math.sqrt(p[i] * (1 - p[i]) / draws.length);
            assertThat((double) counts[i] / draws.length).as("frequency of %d", i)
                    .isBetween(p[i] - 4 * se, p[i] + 4 * se);
        }
    }
}
