package io.github.elbo4j.pathfinder;

/**
 * The thin QR factorization {@code A = Q R} of a tall matrix {@code A} ({@code n × r}, {@code r ≤ n}) by
 * Householder reflections (Golub &amp; Van Loan, "Matrix Computations", 4th ed., 2013, Algorithm
 * 5.2.1), with {@code Q} ({@code n × r}) having orthonormal columns and {@code R} ({@code r × r})
 * upper triangular. A rank-deficient {@code A} is fine: {@code R} then has zeros on its diagonal.
 *
 * @param q the orthonormal factor, {@code q[i][j]} row {@code i}, column {@code j}
 * @param r the upper-triangular factor
 */
record ThinQr(double[][] q, double[][] r) {

    /** Factors {@code a} ({@code n × r}, not modified). */
    static ThinQr of(double[][] a) {
        int n = a.length;
        int cols = a[0].length;
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            w[i] = a[i].clone();
        }
        double[][] v = new double[cols][];          // the Householder vectors, v_j on rows j..n-1
        for (int j = 0; j < cols; j++) {
            double norm = 0;
            for (int i = j; i < n; i++) {
                norm += w[i][j] * w[i][j];
            }
            norm = Math.sqrt(norm);
            double[] vj = new double[n];
            if (norm > 0) {
                double alpha = w[j][j] >= 0 ? -norm : norm;   // H x = alpha e_1, sign chosen against cancellation
                for (int i = j; i < n; i++) {
                    vj[i] = w[i][j];
                }
                vj[j] -= alpha;
                double vv = 0;
                for (int i = j; i < n; i++) {
                    vv += vj[i] * vj[i];
                }
                for (int c = j; c < cols; c++) {
                    reflect(vj, vv, w, c, j);
                }
            }
            v[j] = vj;
        }
        double[][] r = new double[cols][cols];
        for (int i = 0; i < cols; i++) {
            for (int j = i; j < cols; j++) {
                r[i][j] = w[i][j];
            }
        }
        double[][] q = new double[n][cols];            // Q = H_0 H_1 ... H_{r-1} applied to the first r columns of I
        for (int j = 0; j < cols; j++) {
            q[j][j] = 1;
        }
        for (int j = cols - 1; j >= 0; j--) {
            double vv = 0;
            for (int i = j; i < n; i++) {
                vv += v[j][i] * v[j][i];
            }
            if (vv > 0) {
                for (int c = 0; c < cols; c++) {
                    reflect(v[j], vv, q, c, j);
                }
            }
        }
        return new ThinQr(q, r);
    }

    /** Column {@code c} of {@code m} (rows {@code from..}) times {@code I - 2 v vᵀ / vᵀv}, in place. */
    private static void reflect(double[] v, double vv, double[][] m, int c, int from) {
        double dot = 0;
        for (int i = from; i < m.length; i++) {
            dot += v[i] * m[i][c];
        }
        double f = 2 * dot / vv;
        for (int i = from; i < m.length; i++) {
            m[i][c] -= f * v[i];
        }
    }
}
