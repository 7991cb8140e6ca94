package io.github.elbo4j.cavi.gmm;

/**
 * The variational E-step (Bishop, PRML, 2006, eqs. 10.46-10.49 and 10.64-10.67):
 * {@code ln ρ_nk = E[ln π_k] + ½ E[ln |Λ_k|] - (D/2) ln 2π - ½ E[(x_n - μ_k)ᵀ Λ_k (x_n - μ_k)]} with
 * {@code E[(x_n - μ_k)ᵀ Λ_k (x_n - μ_k)] = D/β_k + ||P_k (x_n - m_k)||²}, and
 * {@code r_nk = ρ_nk / Σ_j ρ_nj} computed from {@code ln ρ_nk - max_j ln ρ_nj}. Per row,
 * {@code Σ_k r_nk ln r_nk = (Σ_k e_k ln ρ_nk) / Σ_k e_k - ln Σ_k ρ_nk} with
 * {@code e_k = exp(ln ρ_nk - max_j ln ρ_nj)}, so no logarithm per entry is needed.
 */
final class GmmResponsibilities {

    private GmmResponsibilities() {
    }

    /** The row-independent part of {@code ln ρ_nk}: {@code E[ln π_k] + ½ E[ln|Λ_k|] - (D/2) ln 2π - D/(2 β_k)}. */
    static double[] offsets(GmmComponents q, double[] expectedLogWeights) {
        int dim = q.dimension;
        double[] c = new double[q.components];
        for (int k = 0; k < c.length; k++) {
            c[k] = expectedLogWeights[k] + 0.5 * q.expectedLogDet[k] - 0.5 * dim * GmmPrecisionModel.LN_2PI
                    - 0.5 * dim / q.meanPrecision[k];
        }
        return c;
    }

    /**
     * Writes {@code r_nk} for the chunk of rows {@code [from, to)} into its block of {@code resp}
     * (the chunk layout of {@link GmmChunks}) and returns {@code Σ_n Σ_k r_nk ln r_nk} over the
     * chunk. Modifies only that block of {@code resp} and the buffers {@code b}.
     */
    static double chunk(GmmData data, int from, int to, GmmComponents q, double[] offsets, double[] resp,
                        GmmChunkBuffers b) {
        int len = to - from;
        int kk = q.components;
        int base = from * kk;
        double[] max = b.max;
        double[] quad = b.quad;
        for (int k = 0; k < kk; k++) {
            int ro = base + k * len;
            if (q.dimension == 2) {
                logRhoTwoDimensional(data, from, len, q, k, offsets[k], resp, ro);
                continue;
            }
            b.deviations(data, from, to, q.mean, k * q.dimension);
            whitenedSquares(q, k, b, len);
            double o = offsets[k];
            for (int n = 0; n < len; n++) {
                resp[ro + n] = o - 0.5 * quad[n];
            }
        }
        java.util.Arrays.fill(max, 0, len, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < kk; k++) {
            int ro = base + k * len;
            for (int n = 0; n < len; n++) {
                max[n] = Math.max(max[n], resp[ro + n]);
            }
        }
        double[] sum = b.sum;
        double[] weighted = b.weighted;
        java.util.Arrays.fill(sum, 0, len, 0);
        java.util.Arrays.fill(weighted, 0, len, 0);
        for (int k = 0; k < kk; k++) {
            int ro = base + k * len;
            for (int n = 0; n < len; n++) {
                double lr = resp[ro + n];
                double e = Math.exp(lr - max[n]);
                resp[ro + n] = e;
                sum[n] += e;
                weighted[n] += e * lr;
            }
        }
        double sumRLogR = 0;
        for (int n = 0; n < len; n++) {
            double inv = 1 / sum[n];
            sumRLogR += weighted[n] * inv - (max[n] + Math.log(sum[n]));
            sum[n] = inv;
        }
        for (int k = 0; k < kk; k++) {
            int ro = base + k * len;
            for (int n = 0; n < len; n++) {
                resp[ro + n] *= sum[n];
            }
        }
        return sumRLogR;
    }

    /**
     * {@code resp[ro + n] = o - ½ ||P_k (x_{from+n} - m_k)||²} for two-dimensional data in one pass
     * (the general loops over {@code D} unrolled). Modifies only those entries of {@code resp}.
     */
    private static void logRhoTwoDimensional(GmmData data, int from, int len, GmmComponents q, int k, double o,
                                             double[] resp, int ro) {
        double[] x = data.byColumn;
        int x1 = data.rows + from;
        double m0 = q.mean[2 * k];
        double m1 = q.mean[2 * k + 1];
        double[] p = q.whitening;
        if (q.diagonal) {
            double p0 = p[2 * k];
            double p1 = p[2 * k + 1];
            for (int n = 0; n < len; n++) {
                double y0 = p0 * (x[from + n] - m0);
                double y1 = p1 * (x[x1 + n] - m1);
                resp[ro + n] = o - 0.5 * (y0 * y0 + y1 * y1);
            }
            return;
        }
        double p00 = p[4 * k];
        double p10 = p[4 * k + 2];
        double p11 = p[4 * k + 3];
        for (int n = 0; n < len; n++) {
            double d0 = x[from + n] - m0;
            double y0 = p00 * d0;
            double y1 = p10 * d0 + p11 * (x[x1 + n] - m1);
            resp[ro + n] = o - 0.5 * (y0 * y0 + y1 * y1);
        }
    }

    /** {@code b.quad[n] = ||P_k b.dev[·, n]||²} for {@code n < len}. Modifies {@code b.quad} and {@code b.partial}. */
    private static void whitenedSquares(GmmComponents q, int k, GmmChunkBuffers b, int len) {
        int dim = q.dimension;
        double[] p = q.whitening;
        double[] dev = b.dev;
        double[] quad = b.quad;
        double[] y = b.partial;
        java.util.Arrays.fill(quad, 0, len, 0);
        if (q.diagonal) {
            for (int i = 0; i < dim; i++) {
                double pi = p[k * dim + i];
                int o = i * len;
                for (int n = 0; n < len; n++) {
                    double t = pi * dev[o + n];
                    quad[n] += t * t;
                }
            }
            return;
        }
        for (int i = 0; i < dim; i++) {
            int po = (k * dim + i) * dim;
            double p0 = p[po];
            for (int n = 0; n < len; n++) {
                y[n] = p0 * dev[n];
            }
            for (int j = 1; j <= i; j++) {
                double pj = p[po + j];
                int o = j * len;
                for (int n = 0; n < len; n++) {
                    y[n] += pj * dev[o + n];
                }
            }
            for (int n = 0; n < len; n++) {
                quad[n] += y[n] * y[n];
            }
        }
    }

    /** {@code ||P_k d||²} with {@code P_k} lower-triangular {@code D×D} or diagonal, {@code d} at {@code dev[at..at+D)}. */
    static double whitenedSquare(GmmComponents q, int k, double[] dev, int at) {
        int dim = q.dimension;
        double[] p = q.whitening;
        double s = 0;
        if (q.diagonal) {
            int o = k * dim;
            for (int i = 0; i < dim; i++) {
                double y = p[o + i] * dev[at + i];
                s += y * y;
            }
            return s;
        }
        int o = k * dim * dim;
        for (int i = 0; i < dim; i++) {
            double y = 0;
            int ro = o + i * dim;
            for (int j = 0; j <= i; j++) {
                y += p[ro + j] * dev[at + j];
            }
            s += y * y;
        }
        return s;
    }
}
