package io.github.elbo4j.cavi;

/**
 * Responsibility-weighted sums over one chunk of rows, about a per-component shift {@code c_k}
 * (the current posterior mean, so the sums stay small and the later subtraction loses little):
 * {@code N_k = Σ_n r_nk}, {@code s_k = Σ_n r_nk (x_n - c_k)} and
 * {@code T_k = Σ_n r_nk (x_n - c_k)(x_n - c_k)ᵀ} (lower triangle, or only its diagonal for the
 * diagonal and spherical models), plus {@code Σ_n Σ_k r_nk ln r_nk}. Within a chunk each sum runs
 * over the rows in four interleaved partial sums (a fixed order that keeps the adder busy);
 * chunks are combined in chunk order, so the totals do not depend on how many threads filled
 * them. Mutable: each instance is filled by one thread and then only read.
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
     * Adds the chunk of rows {@code [from, to)} with responsibilities in its block of {@code resp}
     * (the chunk layout of {@link GmmChunks}), about {@code shift} ({@code [K, D]}). Modifies only
     * this object's sums and the buffers {@code b}.
     */
    void accumulate(GmmData data, int from, int to, double[] resp, double[] shift, GmmChunkBuffers b) {
        int dim = dimension;
        int len = to - from;
        double[] dev = b.dev;
        for (int k = 0; k < components; k++) {
            int ro = from * components + k * len;
            b.deviations(data, from, to, shift, k * dim);
            counts[k] += sum(resp, ro, len);
            for (int i = 0; i < dim; i++) {
                first[k * dim + i] += dot(resp, ro, dev, i * len, len);
                if (diagonal) {
                    second[k * dim + i] += dot(resp, ro, dev, i * len, dev, i * len, len);
                    continue;
                }
                for (int j = 0; j <= i; j++) {
                    second[(k * dim + i) * dim + j] += dot(resp, ro, dev, i * len, dev, j * len, len);
                }
            }
        }
    }

    /** {@code Σ_n a_n} over {@code len} entries from {@code ao}, in four interleaved partial sums. */
    private static double sum(double[] a, int ao, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = 0;
        for (; n + 3 < len; n += 4) {
            s0 += a[ao + n];
            s1 += a[ao + n + 1];
            s2 += a[ao + n + 2];
            s3 += a[ao + n + 3];
        }
        for (; n < len; n++) {
            s0 += a[ao + n];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ_n a_n b_n}, as {@link #sum}. */
    private static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = 0;
        for (; n + 3 < len; n += 4) {
            s0 += a[ao + n] * b[bo + n];
            s1 += a[ao + n + 1] * b[bo + n + 1];
            s2 += a[ao + n + 2] * b[bo + n + 2];
            s3 += a[ao + n + 3] * b[bo + n + 3];
        }
        for (; n < len; n++) {
            s0 += a[ao + n] * b[bo + n];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ_n a_n b_n c_n}, as {@link #sum}. */
    private static double dot(double[] a, int ao, double[] b, int bo, double[] c, int co, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = 0;
        for (; n + 3 < len; n += 4) {
            s0 += a[ao + n] * b[bo + n] * c[co + n];
            s1 += a[ao + n + 1] * b[bo + n + 1] * c[co + n + 1];
            s2 += a[ao + n + 2] * b[bo + n + 2] * c[co + n + 2];
            s3 += a[ao + n + 3] * b[bo + n + 3] * c[co + n + 3];
        }
        for (; n < len; n++) {
            s0 += a[ao + n] * b[bo + n] * c[co + n];
        }
        return (s0 + s1) + (s2 + s3);
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
