package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.random.RandomStream;
import java.util.Arrays;

/**
 * How a {@link GaussianMixtureVI} fit starts: initial responsibilities {@code r_nk}, from which
 * the first M-step computes {@code q(π)} and {@code q(μ, Λ)} before the first sweep (as
 * scikit-learn's {@code _initialize}). Either k-means++ followed by Lloyd's iterations (random;
 * each restart draws its own seeds) or given labels or responsibilities (fixed; one restart).
 */
public final class GmmInitialization {

    private final int[] labels;
    private final double[][] responsibilities;

    private GmmInitialization(int[] labels, double[][] responsibilities) {
        this.labels = labels;
        this.responsibilities = responsibilities;
    }

    /**
     * One-hot responsibilities from k-means (Arthur and Vassilvitskii, SODA 2007): k-means++
     * seeding, then Lloyd's iterations to convergence (at most 300).
     */
    public static GmmInitialization kMeansPlusPlus() {
        return new GmmInitialization(new int[0], new double[0][]);
    }

    /**
     * One-hot responsibilities {@code r_nk = [labels[n] = k]}, e.g. the labels of a k-means run
     * made elsewhere. Checked against the data and the number of components at fit time.
     */
    public static GmmInitialization fromLabels(int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must hold one label per data row, got "
                    + (labels == null ? "null" : "0 labels"));
        }
        return new GmmInitialization(labels.clone(), new double[0][]);
    }

    /**
     * Given responsibilities {@code [N][K]}: each row non-negative, finite and summing to 1 (within
     * {@code 1e-9}). Checked against the data and the number of components at fit time.
     */
    public static GmmInitialization fromResponsibilities(double[][] responsibilities) {
        if (responsibilities == null || responsibilities.length == 0) {
            throw new IllegalArgumentException("responsibilities must hold one row per data row, got "
                    + (responsibilities == null ? "null" : "0 rows"));
        }
        double[][] copy = new double[responsibilities.length][];
        for (int n = 0; n < copy.length; n++) {
            copy[n] = responsibilities[n].clone();
        }
        return new GmmInitialization(new int[0], copy);
    }

    /** True for k-means++, whose result depends on the random stream. */
    public boolean isRandom() {
        return labels.length == 0 && responsibilities.length == 0;
    }

    /** The initial responsibilities {@code [N, K]} row-major for {@code data}, drawing from {@code rng} if random. */
    double[] responsibilities(GmmData data, int components, RandomStream rng) {
        int n = data.rows;
        double[] r = new double[n * components];
        int[] hard = labels;
        if (isRandom()) {
            hard = KMeansPlusPlus.labels(data, components, rng);
        }
        if (hard.length > 0) {
            if (hard.length != n) {
                throw new IllegalArgumentException("initial labels has " + hard.length + " labels, the data has " + n + " rows");
            }
            for (int i = 0; i < n; i++) {
                if (hard[i] < 0 || hard[i] >= components) {
                    throw new IllegalArgumentException("initial labels[" + i + "] must be in [0, " + components + "), got " + hard[i]);
                }
                r[i * components + hard[i]] = 1;
            }
            return r;
        }
        if (responsibilities.length != n) {
            throw new IllegalArgumentException("initial responsibilities has " + responsibilities.length
                    + " rows, the data has " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            double[] row = responsibilities[i];
            if (row.length != components) {
                throw new IllegalArgumentException("initial responsibilities row " + i + " has " + row.length
                        + " columns, expected components = " + components);
            }
            double sum = 0;
            for (int k = 0; k < components; k++) {
                if (!(row[k] >= 0) || Double.isInfinite(row[k])) {
                    throw new IllegalArgumentException("initial responsibilities[" + i + "][" + k
                            + "] must be finite and >= 0, got " + row[k]);
                }
                sum += row[k];
                r[i * components + k] = row[k];
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("initial responsibilities row " + i + " must sum to 1, got " + sum);
            }
        }
        return r;
    }

    @Override
    public String toString() {
        if (isRandom()) {
            return "kMeansPlusPlus()";
        }
        return labels.length > 0 ? "fromLabels(" + labels.length + " labels, hash " + Arrays.hashCode(labels) + ")"
                : "fromResponsibilities(" + responsibilities.length + " rows)";
    }
}
