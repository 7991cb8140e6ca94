package io.github.elbo4j.bench;

import io.github.elbo4j.cavi.gmm.GaussianMixtureSample;
import io.github.elbo4j.random.RandomStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data of the peers' {@code bgmm.py}: 5 two-dimensional Gaussians with weights
 * {@code (0.30, 0.25, 0.20, 0.15, 0.10)} (the true parameters of {@code gmm_20000x2_truth.json}),
 * either drawn here with a seeded stream ({@code x = μ_k + L_k z}, {@code L_k} the Cholesky factor
 * of {@code Σ_k}) or read from the peers' CSV ({@code x1,x2,label}).
 */
final class GmmBenchmarkData {

    static final double[] WEIGHTS = {0.30, 0.25, 0.20, 0.15, 0.10};
    static final double[][] MEANS = {{-6, -6}, {-6, 6}, {0, 0}, {6, -6}, {6, 6}};
    static final double[][][] COVARIANCES = {
        {{1.0, 0.0}, {0.0, 1.0}},
        {{2.0, 0.8}, {0.8, 1.0}},
        {{1.5, -0.6}, {-0.6, 1.0}},
        {{0.5, 0.0}, {0.0, 2.0}},
        {{1.0, 0.5}, {0.5, 1.0}},
    };

    final double[][] x;
    final int[] labels;

    private GmmBenchmarkData(double[][] x, int[] labels) {
        this.x = x;
        this.labels = labels;
    }

    /** {@code n} rows drawn from the mixture with {@code RandomStream.of(seed)} ({@link GaussianMixtureSample}). */
    static GmmBenchmarkData generate(int n, long seed) {
        GaussianMixtureSample sample = GaussianMixtureSample.draw(n, WEIGHTS, MEANS, COVARIANCES, RandomStream.of(seed));
        return new GmmBenchmarkData(sample.x(), sample.labels());
    }

    /** The rows of a peers' CSV with header {@code x1,x2,label}. */
    static GmmBenchmarkData read(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            double[][] x = new double[lines.size() - 1][2];
            int[] labels = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                String[] f = lines.get(i + 1).split(",");
                x[i][0] = Double.parseDouble(f[0]);
                x[i][1] = Double.parseDouble(f[1]);
                labels[i] = Integer.parseInt(f[2].trim());
            }
            return new GmmBenchmarkData(x, labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
