package io.github.elbo4j.random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample mean and variance of a set of draws, compared with the analytic moments within 4
 * Monte Carlo standard errors: for {@code n} independent draws with variance {@code σ²} and fourth
 * central moment {@code μ4}, {@code SE(mean) = sqrt(σ² / n)} and {@code SE(sample variance) ≈
 * sqrt((μ4 - σ⁴) / n)} (the large-sample variance of the sample variance; Cramér, "Mathematical
 * Methods of Statistics", 1946).
 */
record SampleMoments(int n, double mean, double variance) {

    static SampleMoments of(double[] draws) {
        double sum = 0;
        for (double x : draws) {
            sum += x;
        }
        double mean = sum / draws.length;
        double squares = 0;
        for (double x : draws) {
            squares += (x - mean) * (x - mean);
        }
        return new SampleMoments(draws.length, mean, squares / (draws.length - 1));
    }

    static SampleMoments of(int[] draws) {
        double[] x = new double[draws.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = draws[i];
        }
        return of(x);
    }

    void assertWithinFourStandardErrors(double expectedMean, double expectedVariance, double fourthCentralMoment) {
        double seMean = Math.sqrt(expectedVariance / n);
        double seVariance = Math.sqrt((fourthCentralMoment - expectedVariance * expectedVariance) / n);
        assertThat(mean).as("sample mean (SE %.3g)", seMean)
                .isBetween(expectedMean - 4 * seMean, expectedMean + 4 * seMean);
        assertThat(variance).as("sample variance (SE %.3g)", seVariance)
                .isBetween(expectedVariance - 4 * seVariance, expectedVariance + 4 * seVariance);
    }
}
