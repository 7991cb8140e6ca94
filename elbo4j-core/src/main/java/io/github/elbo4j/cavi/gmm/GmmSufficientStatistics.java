package io.github.elbo4j.cavi.gmm;

/**
 * The statistics of Bishop's variational M-step (PRML, 2006, eqs. 10.51-10.53) from the
 * responsibilities of one E-step: {@code N_k = Σ_n r_nk}, {@code x̄_k = (1/N_k) Σ_n r_nk x_n} and
 * the scatter {@code N_k S_k = Σ_n r_nk (x_n - x̄_k)(x_n - x̄_k)ᵀ} (full {@code D×D}, or only its
 * diagonal), plus {@code Σ_n Σ_k r_nk ln r_nk}. A component with {@code N_k = 0} has zero scatter
 * and {@code x̄_k} set to the shift; every term that uses it is multiplied by {@code N_k}.
 * Immutable by convention: the arrays are read, never written, after construction.
 */
final class GmmSufficientStatistics {

    final int components;
    final int dimension;
    final boolean diagonal;
    final double[] counts;
    final double[] means;
    final double[] scatter;
    final double sumRLogR;

    private GmmSufficientStatistics(GmmPartialSums sums, double[] means, double[] scatter) {
        this.components = sums.components;
        this.dimension = sums.dimension;
        this.diagonal = sums.diagonal;
        this.counts = sums.counts.clone();
        this.means = means;
        this.scatter = scatter;
        this.sumRLogR = sums.sumRLogR;
    }

    /**
     * From sums about {@code c_k}: {@code x̄_k = c_k + s_k / N_k} and
     * {@code N_k S_k = T_k - s_k s_kᵀ / N_k} (the shifted-data formula; Chan, Golub and LeVeque,
     * "Algorithms for computing the sample variance", The American Statistician 37(3), 1983).
     */
    static GmmSufficientStatistics of(GmmPartialSums sums, double[] shift) {
        int dim = sums.dimension;
        int kk = sums.components;
        double[] means = new double[kk * dim];
        double[] scatter = new double[kk * dim * dim];
        for (int k = 0; k < kk; k++) {
            double nk = sums.counts[k];
            int mo = k * dim;
            for (int i = 0; i < dim; i++) {
                means[mo + i] = nk > 0 ? shift[mo + i] + sums.first[mo + i] / nk : shift[mo + i];
            }
            if (!(nk > 0)) {
                continue;
            }
            int so = mo * dim;
            for (int i = 0; i < dim; i++) {
                double si = sums.first[mo + i];
                if (sums.diagonal) {
                    scatter[so + i * dim + i] = sums.second[mo + i] - si * si / nk;
                    continue;
                }
                for (int j = 0; j <= i; j++) {
                    double v = sums.second[so + i * dim + j] - si * sums.first[mo + j] / nk;
                    scatter[so + i * dim + j] = v;
                    scatter[so + j * dim + i] = v;
                }
            }
        }
        return new GmmSufficientStatistics(sums, means, scatter);
    }

    /** {@code Σ_k N_k}. */
    double total() {
        double n = 0;
        for (double c : counts) {
            n += c;
        }
        return n;
    }
}
