package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * A Normal-Gamma component with isotropic precision: {@code λ_k ~ Gamma(a0 = ν0 D/2, b0 = D ψ0/2)}
 * with {@code ψ0 = tr(Ψ0)/D}, and {@code μ_k | λ_k ~ N(m0, (β0 λ_k)⁻¹ I)}. Conjugacy gives
 * {@code a_k = (ν0 + N_k) D/2 = ν_k D/2} and {@code b_k = D ψ_k/2} with
 * {@code ψ_k = ψ0 + [N_k tr(S_k) + β0 N_k / β_k ||x̄_k - m0||²] / D}, so
 * {@code E[λ_k] = ν_k/ψ_k}, {@code E[ln |Λ_k|] = D (ψ(a_k) - ln b_k)}. ELBO per component
 * (Bishop, PRML, 2006, eqs. 10.71, 10.74, 10.77 with {@code Λ = λ I} and a Gamma for the Wishart):
 * {@code ½ N_k [D E ln λ - D/β_k - E[λ] (tr S_k + ||x̄_k - m_k||²) - D ln 2π]}
 * {@code + ½ [D ln(β0/2π) + D E ln λ - D β0/β_k - β0 E[λ] ||m_k - m0||²] + a0 ln b0 - ln Γ(a0)
 * + (a0 - 1) E ln λ - b0 E[λ]} {@code - ½ [D E ln λ + D ln(β_k/2π) - D] - a ln b + ln Γ(a)
 * - (a - 1) E ln λ + a}.
 */
final class GmmSphericalPrecision extends GmmPrecisionModel {

    @Override
    boolean diagonal() {
        return true;
    }

    @Override
    GmmComponents posterior(GmmSufficientStatistics s, GmmPriors p) {
        int kk = s.components;
        int dim = s.dimension;
        double psi0 = sphericalPrior(p);
        double[] beta = GmmComponents.posteriorMeanPrecision(s, p);
        double[] mean = GmmComponents.posteriorMean(s, p, beta);
        double[] nu = posteriorDegreesOfFreedom(s, p);
        double[] psi = new double[kk];
        double[] logDet = new double[kk];
        double[] expectedLogDet = new double[kk];
        double[] whitening = new double[kk * dim];
        for (int k = 0; k < kk; k++) {
            double extra = 0;
            for (int d = 0; d < dim; d++) {
                extra += s.scatter[(k * dim + d) * dim + d] + GmmComponents.priorShrinkage(s, p, beta, k, d, d);
            }
            psi[k] = psi0 + extra / dim;
            logDet[k] = dim * Math.log(psi[k]);
            expectedLogDet[k] = dim * (SpecialFunctions.digamma(nu[k] * dim / 2) - Math.log(dim * psi[k] / 2));
            double w = Math.sqrt(nu[k] / psi[k]);
            for (int d = 0; d < dim; d++) {
                whitening[k * dim + d] = w;
            }
        }
        return new GmmComponents(beta, mean, nu, psi, logDet, expectedLogDet, whitening, true, new double[0]);
    }

    /** {@code ψ0 = tr(Ψ0)/D}, scikit-learn's default {@code np.var(X, axis=0, ddof=1).mean()}. */
    static double sphericalPrior(GmmPriors p) {
        double s = 0;
        for (double v : p.covarianceDiagonal()) {
            s += v;
        }
        return s / p.mean().length;
    }

    @Override
    double elboTerms(GmmComponents q, GmmSufficientStatistics s, GmmPriors p) {
        int dim = q.dimension;
        double a0 = p.degreesOfFreedom() * dim / 2;
        double b0 = dim * sphericalPrior(p) / 2;
        double beta0 = p.meanPrecision();
        double total = 0;
        for (int k = 0; k < q.components; k++) {
            double nk = s.counts[k];
            double beta = q.meanPrecision[k];
            double a = q.degreesOfFreedom[k] * dim / 2;
            double b = dim * q.inverseScale[k] / 2;
            double lambda = a / b;
            double logLambda = SpecialFunctions.digamma(a) - Math.log(b);
            double dataQuad = 0;
            double trace = 0;
            double priorQuad = 0;
            for (int d = 0; d < dim; d++) {
                double e = s.means[k * dim + d] - q.mean[k * dim + d];
                double f = q.mean[k * dim + d] - p.mean()[d];
                dataQuad += e * e;
                trace += s.scatter[(k * dim + d) * dim + d];
                priorQuad += f * f;
            }
            if (nk > 0) {
                total += 0.5 * (nk * dim * (logLambda - 1 / beta - LN_2PI) - lambda * (trace + nk * dataQuad));
            }
            total += 0.5 * (dim * (Math.log(beta0) - LN_2PI + logLambda - beta0 / beta) - beta0 * lambda * priorQuad)
                    + a0 * Math.log(b0) - SpecialFunctions.lgamma(a0) + (a0 - 1) * logLambda - b0 * lambda;
            total -= 0.5 * dim * (logLambda + Math.log(beta) - LN_2PI - 1)
                    + a * Math.log(b) - SpecialFunctions.lgamma(a) + (a - 1) * logLambda - a;
        }
        return total;
    }

    @Override
    double logNormalizer(GmmComponents q) {
        int dim = q.dimension;
        double s = 0;
        for (int k = 0; k < q.components; k++) {
            double a = q.degreesOfFreedom[k] * dim / 2;
            s += SpecialFunctions.lgamma(a) - a * Math.log(dim * q.inverseScale[k] / 2);
        }
        return s - halfDimLogBetaSum(q);
    }

    @Override
    double priorLogNormalizer(GmmPriors p, int components) {
        int dim = p.mean().length;
        double a0 = p.degreesOfFreedom() * dim / 2;
        return components * (SpecialFunctions.lgamma(a0) - a0 * Math.log(dim * sphericalPrior(p) / 2)
                - 0.5 * dim * Math.log(p.meanPrecision()));
    }

    @Override
    double[] covariances(GmmComponents q) {
        int dim = q.dimension;
        double[] c = new double[q.components * dim * dim];
        for (int k = 0; k < q.components; k++) {
            for (int d = 0; d < dim; d++) {
                c[(k * dim + d) * dim + d] = q.inverseScale[k] / q.degreesOfFreedom[k];
            }
        }
        return c;
    }

    @Override
    int[] inverseScaleShape(int components, int dimension) {
        return new int[] {components};
    }

    /**
     * {@code St(x | m_k, λ̂_k I, 2 a_k)} with {@code λ̂_k = a_k β_k / ((1 + β_k) b_k)}: the Gamma
     * mixture of {@code N(x | m_k, (1 + 1/β_k)/λ I)} (Bishop, PRML, eqs. 2.161 and 10.78-10.82).
     */
    @Override
    GmmStudentT predictive(GmmComponents q) {
        int dim = q.dimension;
        int kk = q.components;
        double[] dof = new double[kk];
        double[] factor = new double[kk];
        double[] logConstant = new double[kk];
        for (int k = 0; k < kk; k++) {
            double nu = q.degreesOfFreedom[k];
            double beta = q.meanPrecision[k];
            dof[k] = nu * dim;
            factor[k] = beta / (1 + beta);
            logConstant[k] = GmmStudentT.logNormalizer(dof[k], dim) + 0.5 * dim * Math.log(nu * factor[k] / q.inverseScale[k]);
        }
        return new GmmStudentT(dof, factor, logConstant, false);
    }
}
