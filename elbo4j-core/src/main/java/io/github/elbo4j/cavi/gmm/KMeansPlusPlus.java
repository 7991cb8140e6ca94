package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.random.RandomStream;

/**
 * k-means++ (Arthur and Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007,
 * sec. 2.2): the first centre is a uniformly drawn row; each further centre is row {@code n} with
 * probability {@code D(x_n)² / Σ_m D(x_m)²}, {@code D} the distance to the nearest centre chosen
 * so far; then Lloyd's iterations (assign each row to its nearest centre, move each centre to
 * the mean of its rows; a centre with no rows stays) until no assignment changes, the centres
 * move less than scikit-learn's {@code KMeans} rule {@code Σ_k ||Δc_k||² <= 1e-4 · mean_d Var(x_d)},
 * or {@link #MAX_ITERATIONS} is reached. Serial and deterministic given the stream.
 */
final class KMeansPlusPlus {

    static final int MAX_ITERATIONS = 300;
    static final double RELATIVE_TOLERANCE = 1e-4;

    private KMeansPlusPlus() {
    }

    /** The cluster label of every row of {@code data} for {@code k} clusters, drawing from {@code rng}. */
    static int[] labels(GmmData data, int k, RandomStream rng) {
        double[] centres = seed(data, k, rng);
        int[] labels = new int[data.rows];
        assign(data, centres, k, labels);
        double tolerance = RELATIVE_TOLERANCE * meanVariance(data);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double shift = move(data, centres, k, labels);
            if (assign(data, centres, k, labels) == 0 || shift <= tolerance) {
                break;
            }
        }
        return labels;
    }

    /** The {@code k} seeding centres, {@code [k, D]} row-major. */
    static double[] seed(GmmData data, int k, RandomStream rng) {
        int n = data.rows;
        int dim = data.columns;
        double[] x = data.values;
        double[] centres = new double[k * dim];
        double[] nearest = new double[n];
        int first = rng.nextInt(n);
        System.arraycopy(x, first * dim, centres, 0, dim);
        double total = 0;
        for (int i = 0; i < n; i++) {
            nearest[i] = squaredDistance(x, i * dim, centres, 0, dim);
            total += nearest[i];
        }
        for (int c = 1; c < k; c++) {
            int chosen = total > 0 ? draw(nearest, total, rng.nextDouble()) : rng.nextInt(n);
            System.arraycopy(x, chosen * dim, centres, c * dim, dim);
            total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(x, i * dim, centres, c * dim, dim));
                total += nearest[i];
            }
        }
        return centres;
    }

    private static int draw(double[] weights, double total, double u) {
        double target = u * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                cumulative += weights[i];
                last = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last;
    }

    private static int assign(GmmData data, double[] centres, int k, int[] labels) {
        int dim = data.columns;
        int changed = 0;
        for (int i = 0; i < data.rows; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dist = squaredDistance(data.values, i * dim, centres, c * dim, dim);
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            if (labels[i] != best) {
                changed++;
                labels[i] = best;
            }
        }
        return changed;
    }

    private static double meanVariance(GmmData data) {
        double[] mean = data.columnMeans();
        double s = 0;
        for (int i = 0; i < data.rows; i++) {
            for (int d = 0; d < data.columns; d++) {
                double e = data.values[i * data.columns + d] - mean[d];
                s += e * e;
            }
        }
        return s / ((double) data.rows * data.columns);
    }

    /** Moves each centre to the mean of its rows; returns {@code Σ_k ||Δc_k||²}. */
    private static double move(GmmData data, double[] centres, int k, int[] labels) {
        int dim = data.columns;
        double[] sums = new double[k * dim];
        int[] counts = new int[k];
        for (int i = 0; i < data.rows; i++) {
            counts[labels[i]]++;
            for (int d = 0; d < dim; d++) {
                sums[labels[i] * dim + d] += data.values[i * dim + d];
            }
        }
        double shift = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                for (int d = 0; d < dim; d++) {
                    double next = sums[c * dim + d] / counts[c];
                    shift += (next - centres[c * dim + d]) * (next - centres[c * dim + d]);
                    centres[c * dim + d] = next;
                }
            }
        }
        return shift;
    }

    private static double squaredDistance(double[] a, int ao, double[] b, int bo, int dim) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double e = a[ao + d] - b[bo + d];
            s += e * e;
        }
        return s;
    }
}
