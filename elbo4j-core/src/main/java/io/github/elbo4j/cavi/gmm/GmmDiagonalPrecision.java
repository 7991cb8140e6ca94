package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * Independent Normal-Gamma coordinates: {@code λ_kd ~ Gamma(a0 = ν0/2, b0_d = Ψ0_dd/2)} (shape,
 * rate) and {@code μ_kd | λ_kd ~ N(m0_d, (β0 λ_kd)⁻¹)}. Conjugacy gives
 * {@code q(λ_kd) = Gamma(a_k, b_kd)} with {@code a_k = ν_k/2}, {@code ν_k = ν0 + N_k} and
 * {@code b_kd = ψ_kd/2}, {@code ψ_kd = Ψ0_dd + N_k S_k,dd + β0 N_k / β_k (x̄_kd - m0_d)²} (Bishop,
 * PRML, 2006, eqs. 2.150-2.154 and 10.60-10.63 in one dimension), so {@code E[λ] = a/b},
 * {@code E[ln λ] = ψ(a) - ln b} (eq. B.30 and its log-moment). ELBO per coordinate:
 * {@code E[ln p(x | z, μ, λ)] = ½ N_k [E ln λ - 1/β_k - E[λ] (S_k,dd + (x̄_kd - m_kd)²) - ln 2π]},
 * {@code E[ln p(μ, λ)] = ½ [ln(β0/2π) + E ln λ - β0/β_k - β0 E[λ] (m_kd - m0_d)²]
 * + a0 ln b0 - ln Γ(a0) + (a0 - 1) E ln λ - b0 E[λ]} and
 * {@code E[ln q(μ, λ)] = ½ [E ln λ + ln(β_k/2π) - 1] + a ln b - ln Γ(a) + (a - 1) E ln λ - a}.
 */
final class GmmDiagonalPrecision extends GmmPrecisionModel {

    @Override
    boolean diagonal() {
        return true;
    }

    @Override
    GmmComponents posterior(GmmSufficientStatistics s, GmmPriors p) {
        int kk = s.components;
        int dim = s.dimension;
        double[] beta = GmmComponents.posteriorMeanPrecision(s, p);
        double[] mean = GmmComponents.posteriorMean(s, p, beta);
        double[] nu = posteriorDegreesOfFreedom(s, p);
        double[] psi = new double[kk * dim];
        double[] logDet = new double[kk];
        double[] expectedLogDet = new double[kk];
        double[] whitening = new double[kk * dim];
        for (int k = 0; k < kk; k++) {
            double psiA = SpecialFunctions.digamma(nu[k] / 2);
            for (int d = 0; d < dim; d++) {
                double v = p.covariance()[d * dim + d] + s.scatter[(k * dim + d) * dim + d]
                        + GmmComponents.priorShrinkage(s, p, beta, k, d, d);
                psi[k * dim + d] = v;
                logDet[k] += Math.log(v);
                expectedLogDet[k] += psiA - Math.log(v / 2);
                whitening[k * dim + d] = Math.sqrt(nu[k] / v);
            }
        }
        return new GmmComponents(beta, mean, nu, psi, logDet, expectedLogDet, whitening, true, new double[0]);
    }

    @Override
    double elboTerms(GmmComponents q, GmmSufficientStatistics s, GmmPriors p) {
        int dim = q.dimension;
        double a0 = p.degreesOfFreedom() / 2;
        double beta0 = p.meanPrecision();
        double lgammaA0 = SpecialFunctions.lgamma(a0);
        double total = 0;
        for (int k = 0; k < q.components; k++) {
            double nk = s.counts[k];
            double beta = q.meanPrecision[k];
            double a = q.degreesOfFreedom[k] / 2;
            double psiA = SpecialFunctions.digamma(a);
            double lgammaA = SpecialFunctions.lgamma(a);
            for (int d = 0; d < dim; d++) {
                double b = q.inverseScale[k * dim + d] / 2;
                double b0 = p.covariance()[d * dim + d] / 2;
                double lambda = a / b;
                double logLambda = psiA - Math.log(b);
                double m = q.mean[k * dim + d];
                if (nk > 0) {
                    double e = s.means[k * dim + d] - m;
                    total += 0.5 * (nk * (logLambda - 1 / beta - LN_2PI)
                            - lambda * (s.scatter[(k * dim + d) * dim + d] + nk * e * e));
                }
                double f = m - p.mean()[d];
                total += 0.5 * (Math.log(beta0) - LN_2PI + logLambda - beta0 / beta - beta0 * lambda * f * f)
                        + a0 * Math.log(b0) - lgammaA0 + (a0 - 1) * logLambda - b0 * lambda;
                total -= 0.5 * (logLambda + Math.log(beta) - LN_2PI - 1)
                        + a * Math.log(b) - lgammaA + (a - 1) * logLambda - a;
            }
        }
        return total;
    }

    @Override
    double logNormalizer(GmmComponents q) {
        int dim = q.dimension;
        double s = 0;
        for (int k = 0; k < q.components; k++) {
            double a = q.degreesOfFreedom[k] / 2;
            double lgammaA = SpecialFunctions.lgamma(a);
            for (int d = 0; d < dim; d++) {
                s += lgammaA - a * Math.log(q.inverseScale[k * dim + d] / 2);
            }
        }
        return s - halfDimLogBetaSum(q);
    }

    @Override
    double priorLogNormalizer(GmmPriors p, int components) {
        int dim = p.mean().length;
        double a0 = p.degreesOfFreedom() / 2;
        double s = -0.5 * dim * Math.log(p.meanPrecision());
        for (int d = 0; d < dim; d++) {
            s += SpecialFunctions.lgamma(a0) - a0 * Math.log(p.covariance()[d * dim + d] / 2);
        }
        return components * s;
    }

    @Override
    double[] covariances(GmmComponents q) {
        int dim = q.dimension;
        double[] c = new double[q.components * dim * dim];
        for (int k = 0; k < q.components; k++) {
            for (int d = 0; d < dim; d++) {
                c[(k * dim + d) * dim + d] = q.inverseScale[k * dim + d] / q.degreesOfFreedom[k];
            }
        }
        return c;
    }

    @Override
    int[] inverseScaleShape(int components, int dimension) {
        return new int[] {components, dimension};
    }

    /**
     * The product over coordinates of {@code St(x_d | m_kd, λ̂_kd, 2 a_k)} with
     * {@code λ̂_kd = a_k β_k / ((1 + β_k) b_kd)}: the Normal-Gamma predictive (Bishop, PRML, eq. 2.159
     * with the mean integrated out, as in eqs. 10.78-10.82).
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
            dof[k] = nu;
            factor[k] = beta / (1 + beta);
            logConstant[k] = dim * GmmStudentT.logNormalizer(nu, 1) + 0.5 * dim * Math.log(nu * factor[k])
                    - 0.5 * q.logDetInverseScale[k];
        }
        return new GmmStudentT(dof, factor, logConstant, true);
    }
}
