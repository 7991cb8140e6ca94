package io.github.elbo4j.cavi.gmm;

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
            if (dim == 2) {
                accumulateTwoDimensional(data, from, len, resp, ro, shift, k);
                continue;
            }
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

    /**
     * The sums of component {@code k} for two-dimensional data in one pass over the rows, each in
     * two interleaved partial sums (even and odd rows), the general loops over {@code D} unrolled.
     * Modifies only this object's sums.
     */
    private void accumulateTwoDimensional(GmmData data, int from, int len, double[] resp, int ro, double[] shift, int k) {
        double[] x = data.byColumn;
        int x1 = data.rows + from;
        double c0 = shift[2 * k];
        double c1 = shift[2 * k + 1];
        double n0 = 0;
        double n1 = 0;
        double s00 = 0;
        double s01 = 0;
        double s10 = 0;
        double s11 = 0;
        double t000 = 0;
        double t001 = 0;
        double t100 = 0;
        double t101 = 0;
        double t110 = 0;
        double t111 = 0;
        int n = 0;
        for (; n + 1 < len; n += 2) {
            double r = resp[ro + n];
            double d0 = x[from + n] - c0;
            double d1 = x[x1 + n] - c1;
            double rd0 = r * d0;
            double rd1 = r * d1;
            n0 += r;
            s00 += rd0;
            s10 += rd1;
            t000 += rd0 * d0;
            t100 += rd1 * d0;
            t110 += rd1 * d1;
            double rr = resp[ro + n + 1];
            double e0 = x[from + n + 1] - c0;
            double e1 = x[x1 + n + 1] - c1;
            double re0 = rr * e0;
            double re1 = rr * e1;
            n1 += rr;
            s01 += re0;
            s11 += re1;
            t001 += re0 * e0;
            t101 += re1 * e0;
            t111 += re1 * e1;
        }
        if (n < len) {
            double r = resp[ro + n];
            double d0 = x[from + n] - c0;
            double d1 = x[x1 + n] - c1;
            n0 += r;
            s00 += r * d0;
            s10 += r * d1;
            t000 += r * d0 * d0;
            t100 += r * d1 * d0;
            t110 += r * d1 * d1;
        }
        counts[k] += n0 + n1;
        first[2 * k] += s00 + s01;
        first[2 * k + 1] += s10 + s11;
        if (diagonal) {
            second[2 * k] += t000 + t001;
            second[2 * k + 1] += t110 + t111;
        } else {
            second[4 * k] += t000 + t001;
            second[4 * k + 2] += t100 + t101;
            second[4 * k + 3] += t110 + t111;
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

    /** The sums flat: {@code counts, first, second, sumRLogR} (length {@link #width}). */
    double[] toArray() {
        double[] out = new double[width(components, dimension, diagonal)];
        System.arraycopy(counts, 0, out, 0, counts.length);
        System.arraycopy(first, 0, out, counts.length, first.length);
        System.arraycopy(second, 0, out, counts.length + first.length, second.length);
        out[out.length - 1] = sumRLogR;
        return out;
    }

    /** The inverse of {@link #toArray}. */
    static GmmPartialSums fromArray(double[] flat, int components, int dimension, boolean diagonal) {
        GmmPartialSums s = new GmmPartialSums(components, dimension, diagonal);
        if (flat.length != width(components, dimension, diagonal)) {
            throw new IllegalArgumentException("sums have length " + flat.length + ", expected "
                    + width(components, dimension, diagonal) + " for K = " + components + ", D = " + dimension);
        }
        System.arraycopy(flat, 0, s.counts, 0, s.counts.length);
        System.arraycopy(flat, s.counts.length, s.first, 0, s.first.length);
        System.arraycopy(flat, s.counts.length + s.first.length, s.second, 0, s.second.length);
        s.sumRLogR = flat[flat.length - 1];
        return s;
    }

    /** {@code K + K·D + K·D·(diagonal ? 1 : D) + 1}, the length of {@link #toArray}. */
    static int width(int components, int dimension, boolean diagonal) {
        return components + components * dimension + components * dimension * (diagonal ? 1 : dimension) + 1;
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
