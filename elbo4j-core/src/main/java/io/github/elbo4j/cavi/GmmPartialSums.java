package io.github.elbo4j.cavi;

/**
 * Responsibility-weighted sums over one chunk of rows, about a per-component shift {@code c_k}
 * (the current posterior mean, so the sums stay small and the later subtraction loses little):
 * {@code N_k = Σ_n r_nk}, {@code s_k = Σ_n r_nk (x_n - c_k)} and
 * {@code T_k = Σ_n r_nk (x_n - c_k)(x_n - c_k)ᵀ} (lower triangle, or only its diagonal for the
 * diagonal and spherical models), plus {@code Σ_n Σ_k r_nk ln r_nk}. Chunks are combined in chunk
 * order, so the totals do not depend on how many threads filled them. Mutable: each instance is
 * filled by one thread and then only read.
 */
final class GmmPartialSums {

    final int components;
    final int dimension;
    final boolean diagonal;
    final double[] counts;
    final double[] first;
    final double[] second;
    double sumRLogR;

    GmmPartialSums(int components, int dimension, boolean diagonal) {
        this.components = components;
        this.dimension = dimension;
        this.diagonal = diagonal;
        this.counts = new double[components];
        this.first = new double[components * dimension];
        this.second = new double[components * dimension * (diagonal ? 1 : dimension)];
    }

    /**
     * Adds rows {@code [from, to)} of {@code x} ({@code [N, D]} row-major) with responsibilities
     * {@code resp} ({@code [N, K]}) about {@code shift} ({@code [K, D]}). Modifies only this
     * object's sums and the scratch {@code dev} ({@code [D]}).
     */
    void accumulate(double[] x, int from, int to, double[] resp, double[] shift, double[] dev) {
        int dim = dimension;
        int k0 = components;
        for (int n = from; n < to; n++) {
            int xo = n * dim;
            int ro = n * k0;
            for (int k = 0; k < k0; k++) {
                double r = resp[ro + k];
                if (r == 0) {
                    continue;
                }
                counts[k] += r;
                int mo = k * dim;
                for (int i = 0; i < dim; i++) {
                    double di = x[xo + i] - shift[mo + i];
                    dev[i] = di;
                    first[mo + i] += r * di;
                }
                if (diagonal) {
                    for (int i = 0; i < dim; i++) {
                        second[mo + i] += r * dev[i] * dev[i];
                    }
                } else {
                    int so = mo * dim;
                    for (int i = 0; i < dim; i++) {
                        double ri = r * dev[i];
                        for (int j = 0; j <= i; j++) {
                            second[so + i * dim + j] += ri * dev[j];
                        }
                    }
                }
            }
        }
    }

    /** Adds {@code other}'s sums to this one's. */
    void add(GmmPartialSums other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        for (int i = 0; i < first.length; i++) {
            first[i] += other.first[i];
        }
        for (int i = 0; i < second.length; i++) {
            second[i] += other.second[i];
        }
        sumRLogR += other.sumRLogR;
    }

    /** The chunks' sums added in chunk order. */
    static GmmPartialSums combine(GmmPartialSums[] chunks) {
        GmmPartialSums total = new GmmPartialSums(chunks[0].components, chunks[0].dimension, chunks[0].diagonal);
        for (GmmPartialSums c : chunks) {
            total.add(c);
        }
        return total;
    }

    /** The sufficient statistics these sums (taken about {@code shift}) stand for. */
    GmmSufficientStatistics finish(double[] shift) {
        return GmmSufficientStatistics.of(this, shift);
    }

    /** True when every sum is finite. */
    boolean allFinite() {
        if (!Double.isFinite(sumRLogR)) {
            return false;
        }
        for (double[] a : new double[][] {counts, first, second}) {
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
