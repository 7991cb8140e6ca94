package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.random.RandomStream;

/**
 * Data sets drawn in the tests with fixed seeds. {@link #peers} follows the generating mixture of
 * the peers' {@code gmm_20000x2.csv} ({@code shared/peers/bgmm.py}, {@code gmm_20000x2_truth.json}):
 * weights {@code (0.30, 0.25, 0.20, 0.15, 0.10)}, the means and covariances below; the draws
 * differ from numpy's, the distribution is the same.
 */
public final class GmmTestData {

    static final double[] TRUE_WEIGHTS = {0.30, 0.25, 0.20, 0.15, 0.10};
    static final double[][] TRUE_MEANS = {{-6, -6}, {-6, 6}, {0, 0}, {6, -6}, {6, 6}};
    static final double[][][] TRUE_COVARIANCES = {
        {{1.0, 0.0}, {0.0, 1.0}},
        {{2.0, 0.8}, {0.8, 1.0}},
        {{1.5, -0.6}, {-0.6, 1.0}},
        {{0.5, 0.0}, {0.0, 2.0}},
        {{1.0, 0.5}, {0.5, 1.0}},
    };

    public final double[][] x;
    final int[] labels;

    private GmmTestData(double[][] x, int[] labels) {
        this.x = x;
        this.labels = labels;
    }

    /** {@code n} rows of the peers' mixture: {@code z ~ Categorical(w)}, {@code x = μ_z + L_z ε}, {@code L_z L_zᵀ = Σ_z}. */
    static GmmTestData peers(int n, long seed) {
        return draw(n, seed, TRUE_WEIGHTS, TRUE_MEANS, TRUE_COVARIANCES);
    }

    /** {@code n} rows of three overlapping three-dimensional clusters with correlated, unequal spreads. */
    public static GmmTestData threeClusters(int n, long seed) {
        double[][] means = {{0, 0, 0}, {3, 1, -1}, {-2, 3, 2}};
        double[][][] covs = {
            {{1.0, 0.3, 0.0}, {0.3, 0.5, 0.1}, {0.0, 0.1, 2.0}},
            {{0.4, 0.0, 0.1}, {0.0, 1.5, -0.5}, {0.1, -0.5, 1.0}},
            {{2.0, -0.7, 0.0}, {-0.7, 1.0, 0.0}, {0.0, 0.0, 0.3}},
        };
        return draw(n, seed, new double[] {0.5, 0.3, 0.2}, means, covs);
    }

    private static GmmTestData draw(int n, long seed, double[] weights, double[][] means, double[][][] covs) {
        GaussianMixtureSample sample = GaussianMixtureSample.draw(n, weights, means, covs, RandomStream.of(seed));
        return new GmmTestData(sample.x(), sample.labels());
    }
}
