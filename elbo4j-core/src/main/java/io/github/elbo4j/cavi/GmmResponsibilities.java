package io.github.elbo4j.cavi;

/**
 * The variational E-step (Bishop, PRML, 2006, eqs. 10.46-10.49 and 10.64-10.67):
 * {@code ln ρ_nk = E[ln π_k] + ½ E[ln |Λ_k|] - (D/2) ln 2π - ½ E[(x_n - μ_k)ᵀ Λ_k (x_n - μ_k)]} with
 * {@code E[(x_n - μ_k)ᵀ Λ_k (x_n - μ_k)] = D/β_k + ||P_k (x_n - m_k)||²}, and
 * {@code r_nk = ρ_nk / Σ_j ρ_nj} computed from {@code ln ρ_nk - max_j ln ρ_nj}.
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
     * Writes {@code r_nk} for rows {@code [from, to)} of {@code x} into {@code resp} ({@code [N, K]}
     * row-major) and returns {@code Σ_n Σ_k r_nk ln r_nk} over those rows. Modifies only those rows
     * of {@code resp} and the scratch arrays {@code logRho} ({@code [K]}) and {@code dev}
     * ({@code [D]}); {@code resp} must not alias {@code x}.
     */
    static double compute(double[] x, int from, int to, GmmComponents q, double[] offsets, double[] resp,
                          double[] logRho, double[] dev) {
        int dim = q.dimension;
        int kk = q.components;
        double[] mean = q.mean;
        double sumRLogR = 0;
        for (int n = from; n < to; n++) {
            int xo = n * dim;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < kk; k++) {
                int mo = k * dim;
                for (int i = 0; i < dim; i++) {
                    dev[i] = x[xo + i] - mean[mo + i];
                }
                double lr = offsets[k] - 0.5 * whitenedSquare(q, k, dev);
                logRho[k] = lr;
                if (lr > max) {
                    max = lr;
                }
            }
            int ro = n * kk;
            double sum = 0;
            for (int k = 0; k < kk; k++) {
                double e = Math.exp(logRho[k] - max);
                resp[ro + k] = e;
                sum += e;
            }
            double logNorm = max + Math.log(sum);
            double inv = 1 / sum;
            for (int k = 0; k < kk; k++) {
                double r = resp[ro + k] * inv;
                resp[ro + k] = r;
                if (r > 0) {
                    sumRLogR += r * (logRho[k] - logNorm);
                }
            }
        }
        return sumRLogR;
    }

    /** {@code ||P_k d||²} with {@code P_k} lower-triangular {@code D×D} or diagonal. */
    static double whitenedSquare(GmmComponents q, int k, double[] dev) {
        int dim = q.dimension;
        double[] p = q.whitening;
        double s = 0;
        if (q.diagonal) {
            int o = k * dim;
            for (int i = 0; i < dim; i++) {
                double y = p[o + i] * dev[i];
                s += y * y;
            }
            return s;
        }
        int o = k * dim * dim;
        for (int i = 0; i < dim; i++) {
            double y = 0;
            int ro = o + i * dim;
            for (int j = 0; j <= i; j++) {
                y += p[ro + j] * dev[j];
            }
            s += y * y;
        }
        return s;
    }
}
