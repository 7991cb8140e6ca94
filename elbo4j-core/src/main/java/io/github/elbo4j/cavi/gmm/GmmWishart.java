package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * Closed forms of the Wishart distribution {@code W(Λ | W, ν)} over {@code D×D} matrices in terms
 * of {@code ln|Ψ|} with {@code Ψ = W⁻¹} (Bishop, PRML, 2006, appendix B, eqs. B.78-B.82).
 */
final class GmmWishart {

    private static final double LN_2 = Math.log(2);
    private static final double LN_PI = Math.log(Math.PI);

    private GmmWishart() {
    }

    /** {@code E[ln |Λ|] = Σ_{i=1..D} ψ((ν + 1 - i)/2) + D ln 2 - ln|Ψ|} (eq. B.81). */
    static double expectedLogDet(double nu, double logDetInverseScale, int dim) {
        double s = dim * LN_2 - logDetInverseScale;
        for (int i = 1; i <= dim; i++) {
            s += SpecialFunctions.digamma((nu + 1 - i) / 2);
        }
        return s;
    }

    /**
     * {@code ln B(W, ν) = (ν/2) ln|Ψ| - (ν D/2) ln 2 - (D(D-1)/4) ln π - Σ_{i=1..D} ln Γ((ν + 1 - i)/2)},
     * the log of the Wishart's normalizing constant (eq. B.79).
     */
    static double logB(double nu, double logDetInverseScale, int dim) {
        return 0.5 * nu * logDetInverseScale - 0.5 * nu * dim * LN_2 - 0.25 * dim * (dim - 1) * LN_PI - sumLogGamma(nu, dim);
    }

    /** {@code H[W] = -ln B(W, ν) - ((ν - D - 1)/2) E[ln|Λ|] + ν D / 2} (eq. B.82). */
    static double entropy(double nu, double logDetInverseScale, double expectedLogDet, int dim) {
        return -logB(nu, logDetInverseScale, dim) - 0.5 * (nu - dim - 1) * expectedLogDet + 0.5 * nu * dim;
    }

    /**
     * {@code -ln B(W, ν) - (D(D-1)/4) ln π = -(ν/2) ln|Ψ| + (ν D/2) ln 2 + Σ_i ln Γ((ν + 1 - i)/2)}:
     * scikit-learn's {@code -_log_wishart_norm}, which drops the {@code ln π} term.
     */
    static double sklearnLogNormalizer(double nu, double logDetInverseScale, int dim) {
        return -0.5 * nu * logDetInverseScale + 0.5 * nu * dim * LN_2 + sumLogGamma(nu, dim);
    }

    private static double sumLogGamma(double nu, int dim) {
        double s = 0;
        for (int i = 1; i <= dim; i++) {
            s += SpecialFunctions.lgamma((nu + 1 - i) / 2);
        }
        return s;
    }
}
