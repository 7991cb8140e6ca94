package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * The components' posterior predictive densities: multivariate Student-t
 * {@code St(x | m_k, L_k, ν̃_k) = Γ((ν̃+D)/2) / Γ(ν̃/2) · |L|^{1/2} / (ν̃π)^{D/2} ·
 * (1 + Δ²/ν̃)^{-(ν̃+D)/2}} with {@code Δ² = (x - m)ᵀ L (x - m)} (Bishop, PRML, 2006, eq. 2.162),
 * or, for the diagonal model, the product of univariate ones. {@code Δ² = factor_k ||P_k (x - m_k)||²}
 * with {@code P_k} the E-step whitening; {@code logConstant_k} holds every term free of {@code x}.
 */
final class GmmStudentT {

    final double[] dof;
    final double[] factor;
    final double[] logConstant;
    final boolean univariate;

    GmmStudentT(double[] dof, double[] factor, double[] logConstant, boolean univariate) {
        this.dof = dof;
        this.factor = factor;
        this.logConstant = logConstant;
        this.univariate = univariate;
    }

    /** {@code ln Γ((ν+D)/2) - ln Γ(ν/2) - (D/2) ln(ν π)}, the normalizer of a t without {@code ½ ln|L|}. */
    static double logNormalizer(double nu, int dim) {
        return SpecialFunctions.lgamma(0.5 * (nu + dim)) - SpecialFunctions.lgamma(0.5 * nu) - 0.5 * dim * Math.log(nu * Math.PI);
    }

    /**
     * {@code ln p(x_n | X) = ln Σ_k E[π_k] St(x_n | ...)} for every row of {@code x} (Bishop, PRML,
     * eq. 10.81, with {@code E[π_k]} for {@code α_k / α̂}).
     */
    double[] logMixtureDensity(GmmData x, GmmComponents q, double[] weights) {
        int dim = q.dimension;
        int kk = q.components;
        double[] out = new double[x.rows];
        double[] terms = new double[kk];
        double[] dev = new double[dim];
        for (int n = 0; n < x.rows; n++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < kk; k++) {
                for (int d = 0; d < dim; d++) {
                    dev[d] = x.values[n * dim + d] - q.mean[k * dim + d];
                }
                double t = Math.log(weights[k]) + logConstant[k] + logKernel(q, k, dev);
                terms[k] = t;
                max = Math.max(max, t);
            }
            double s = 0;
            for (int k = 0; k < kk; k++) {
                s += Math.exp(terms[k] - max);
            }
            out[n] = max + Math.log(s);
        }
        return out;
    }

    private double logKernel(GmmComponents q, int k, double[] dev) {
        int dim = q.dimension;
        double nu = dof[k];
        if (univariate) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                double y = q.whitening[k * dim + d] * dev[d];
                s += Math.log1p(factor[k] * y * y / nu);
            }
            return -0.5 * (nu + 1) * s;
        }
        double quad = GmmResponsibilities.whitenedSquare(q, k, dev, 0);
        return -0.5 * (nu + dim) * Math.log1p(factor[k] * quad / nu);
    }
}
