package io.github.elbo4j.cavi.gmm;

/**
 * The variational posterior of the component parameters {@code q(μ, Λ)}: for each component
 * {@code β_k}, {@code m_k}, {@code ν_k} and the inverse scale {@code Ψ_k} (layout by covariance
 * type: full {@code [K, D, D]}, tied {@code [D, D]}, diagonal {@code [K, D]}, spherical
 * {@code [K]}), and the expectations the E-step needs: {@code E[ln |Λ_k|]} and a whitening
 * {@code P_k} (lower-triangular {@code [K, D, D]}, or diagonal {@code [K, D]}) with
 * {@code ||P_k (x - m_k)||² = E[(x - m_k)ᵀ Λ_k (x - m_k)]}. For the Wishart models {@code scale}
 * holds {@code W_k = Ψ_k⁻¹} ({@code [K, D, D]}); for the Gamma models it is empty.
 * {@code logDetInverseScale} is {@code ln det} of {@code Ψ_k} as a matrix. Immutable by
 * convention: no array is written after construction.
 */
final class GmmComponents implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    final int components;
    final int dimension;
    final double[] meanPrecision;
    final double[] mean;
    final double[] degreesOfFreedom;
    final double[] inverseScale;
    final double[] logDetInverseScale;
    final double[] expectedLogDet;
    final double[] whitening;
    final boolean diagonal;
    final double[] scale;

    GmmComponents(double[] meanPrecision, double[] mean, double[] degreesOfFreedom, double[] inverseScale,
                  double[] logDetInverseScale, double[] expectedLogDet, double[] whitening, boolean diagonal,
                  double[] scale) {
        this.components = meanPrecision.length;
        this.dimension = mean.length / meanPrecision.length;
        this.meanPrecision = meanPrecision;
        this.mean = mean;
        this.degreesOfFreedom = degreesOfFreedom;
        this.inverseScale = inverseScale;
        this.logDetInverseScale = logDetInverseScale;
        this.expectedLogDet = expectedLogDet;
        this.whitening = whitening;
        this.diagonal = diagonal;
        this.scale = scale;
    }

    /** {@code β_k = β0 + N_k} (Bishop, PRML, 2006, eq. 10.60). */
    static double[] posteriorMeanPrecision(GmmSufficientStatistics s, GmmPriors p) {
        double[] beta = new double[s.components];
        for (int k = 0; k < beta.length; k++) {
            beta[k] = p.meanPrecision() + s.counts[k];
        }
        return beta;
    }

    /** {@code m_k = (β0 m0 + N_k x̄_k) / β_k} (Bishop, PRML, 2006, eq. 10.61). */
    static double[] posteriorMean(GmmSufficientStatistics s, GmmPriors p, double[] beta) {
        int dim = s.dimension;
        double[] m = new double[s.components * dim];
        for (int k = 0; k < s.components; k++) {
            for (int d = 0; d < dim; d++) {
                m[k * dim + d] = (p.meanPrecision() * p.mean()[d] + s.counts[k] * s.means[k * dim + d]) / beta[k];
            }
        }
        return m;
    }

    /** The covariance-independent part of the M-step scatter: {@code β0 N_k / β_k (x̄_k - m0)_i (x̄_k - m0)_j}. */
    static double priorShrinkage(GmmSufficientStatistics s, GmmPriors p, double[] beta, int k, int i, int j) {
        int dim = s.dimension;
        double ei = s.means[k * dim + i] - p.mean()[i];
        double ej = s.means[k * dim + j] - p.mean()[j];
        return p.meanPrecision() * s.counts[k] / beta[k] * ei * ej;
    }
}
