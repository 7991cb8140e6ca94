package io.github.elbo4j.cavi.gmm;

/**
 * The conjugate update and ELBO terms of one {@link CovarianceType}: the M-step
 * {@code q(μ, Λ)} from the sufficient statistics, the components' part of the exact ELBO
 * {@code E[ln p(X | Z, μ, Λ)] + E[ln p(μ, Λ)] - E[ln q(μ, Λ)]} (Bishop, PRML, 2006, eqs. 10.71,
 * 10.74, 10.77 and their Normal-Gamma counterparts), the log-normalizers scikit-learn keeps, and
 * the Student-t predictive. Implementations are stateless.
 */
abstract class GmmPrecisionModel {

    static final double LN_2PI = Math.log(2 * Math.PI);

    /** The model of {@code type}. */
    static GmmPrecisionModel of(CovarianceType type) {
        switch (type) {
            case FULL:
                return new GmmFullPrecision();
            case TIED:
                return new GmmTiedPrecision();
            case DIAGONAL:
                return new GmmDiagonalPrecision();
            case SPHERICAL:
                return new GmmSphericalPrecision();
            default:
                throw new AssertionError(type);
        }
    }

    /** True when the whitening and the scatter are diagonal. */
    abstract boolean diagonal();

    /** The coordinate-ascent update of {@code q(μ, Λ)} given the statistics of {@code q(Z)}. */
    abstract GmmComponents posterior(GmmSufficientStatistics s, GmmPriors p);

    /** {@code E[ln p(X | Z, μ, Λ)] + E[ln p(μ, Λ)] - E[ln q(μ, Λ)]}, all constants included. */
    abstract double elboTerms(GmmComponents q, GmmSufficientStatistics s, GmmPriors p);

    /**
     * The part of {@code ln ∫ p(μ, Λ) Π_n N(x_n | μ_k, Λ_k⁻¹)^{r_nk} dμ dΛ} that scikit-learn
     * keeps: per component the Gamma or Wishart log-normalizer without its {@code ln π} terms,
     * minus {@code (D/2) ln β_k}.
     */
    abstract double logNormalizer(GmmComponents q);

    /** {@link #logNormalizer} at the prior, counted as often as the prior occurs in the model. */
    abstract double priorLogNormalizer(GmmPriors p, int components);

    /** The inverse posterior mean precisions {@code E[Λ_k]⁻¹}, {@code [K, D, D]} row-major. */
    abstract double[] covariances(GmmComponents q);

    /** The shape of {@link GmmComponents#inverseScale}. */
    abstract int[] inverseScaleShape(int components, int dimension);

    /** The components' posterior predictive Student-t distributions (Bishop, PRML, eqs. 10.78-10.82). */
    abstract GmmStudentT predictive(GmmComponents q);

    /** {@code ν_k = ν0 + N_k} (Bishop, PRML, 2006, eq. 10.63). */
    static double[] posteriorDegreesOfFreedom(GmmSufficientStatistics s, GmmPriors p) {
        double[] nu = new double[s.components];
        for (int k = 0; k < nu.length; k++) {
            nu[k] = p.degreesOfFreedom() + s.counts[k];
        }
        return nu;
    }

    /** {@code Σ_k (D/2) ln β_k}. */
    static double halfDimLogBetaSum(GmmComponents q) {
        double s = 0;
        for (double b : q.meanPrecision) {
            s += Math.log(b);
        }
        return 0.5 * q.dimension * s;
    }
}
