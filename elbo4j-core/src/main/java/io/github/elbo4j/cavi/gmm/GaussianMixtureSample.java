package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.random.RandomStream;
import java.util.Objects;

/**
 * Rows drawn from a known Gaussian mixture, with the component each came from: the data of
 * simulation studies, tests and benchmarks of {@link GaussianMixtureVI}. Row {@code i} takes
 * {@code u ~ Uniform(0, 1)} and the first component {@code k} whose cumulative weight
 * {@code w_0 + ... + w_k} exceeds {@code u} (the last one if none does), then
 * {@code x_i = μ_k + L_k ε} with {@code ε ~ N(0, I)} and {@code L_k L_kᵀ = Σ_k} the Cholesky factor;
 * the stream gives {@code u} and then the {@code D} normals, row after row, so the same stream
 * state gives the same rows.
 *
 * @param x the rows {@code [N][D]}
 * @param labels the component of each row, {@code 0 <= labels[i] < K}
 */
public record GaussianMixtureSample(double[][] x, int[] labels) {

    /**
     * Draws {@code n} rows.
     *
     * @param weights the mixing weights {@code [K]}, each {@code >= 0} (their sum is taken to be 1)
     * @param means the component means {@code [K][D]}
     * @param covariances the component covariances {@code [K][D][D]}, symmetric positive definite
     * @throws IllegalArgumentException if {@code n < 0}, the shapes disagree, a weight is negative or
     *     not finite, or a covariance is not positive definite, naming the argument and the value
     */
    public static GaussianMixtureSample draw(int n, double[] weights, double[][] means, double[][][] covariances,
                                             RandomStream stream) {
        Objects.requireNonNull(stream, "stream");
        double[][][] factors = validate(n, weights, means, covariances);
        int dim = means[0].length;
        double[][] x = new double[n][dim];
        int[] labels = new int[n];
        double[] eps = new double[dim];
        for (int i = 0; i < n; i++) {
            double u = stream.nextDouble();
            int k = 0;
            double cumulative = weights[0];
            while (u >= cumulative && k < weights.length - 1) {
                k++;
                cumulative += weights[k];
            }
            labels[i] = k;
            for (int d = 0; d < dim; d++) {
                eps[d] = stream.nextGaussian();
            }
            for (int d = 0; d < dim; d++) {
                double v = means[k][d];
                for (int j = 0; j <= d; j++) {
                    v += factors[k][d][j] * eps[j];
                }
                x[i][d] = v;
            }
        }
        return new GaussianMixtureSample(x, labels);
    }

    /** Checks the arguments and returns the Cholesky factors of the covariances. */
    private static double[][][] validate(int n, double[] weights, double[][] means, double[][][] covariances) {
        if (n < 0) {
            throw new IllegalArgumentException("GaussianMixtureSample n must be >= 0, got " + n);
        }
        int k = weights.length;
        if (k == 0 || means.length != k || covariances.length != k) {
            throw new IllegalArgumentException("GaussianMixtureSample needs K >= 1 weights, means and covariances, got "
                    + k + ", " + means.length + " and " + covariances.length);
        }
        int dim = means[0].length;
        double[][][] factors = new double[k][][];
        for (int c = 0; c < k; c++) {
            if (!(weights[c] >= 0) || weights[c] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("GaussianMixtureSample weights[" + c + "] must be >= 0 and finite, got "
                        + weights[c]);
            }
            if (means[c].length != dim || covariances[c].length != dim) {
                throw new IllegalArgumentException("GaussianMixtureSample component " + c + " must have dimension " + dim
                        + " like component 0, got a mean of " + means[c].length + " and a covariance of "
                        + covariances[c].length + " rows");
            }
            factors[c] = cholesky(covariances[c], c);
        }
        return factors;
    }

    /** The lower Cholesky factor {@code L}, {@code L Lᵀ = a} (Cholesky–Banachiewicz, row by row). */
    private static double[][] cholesky(double[][] a, int component) {
        int dim = a.length;
        double[][] l = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            if (a[i].length != dim) {
                throw new IllegalArgumentException("GaussianMixtureSample covariances[" + component + "] must be "
                        + dim + "×" + dim + ", got a row of " + a[i].length);
            }
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int p = 0; p < j; p++) {
                    s -= l[i][p] * l[j][p];
                }
                if (i == j && !(s > 0)) {
                    throw new IllegalArgumentException("GaussianMixtureSample covariances[" + component
                            + "] must be positive definite, got pivot " + s + " at row " + i);
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }
}
