package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * A Normal-Wishart posterior per component (Bishop, PRML, 2006, sec. 10.2.1):
 * {@code ν_k = ν0 + N_k} and {@code Ψ_k = W_k⁻¹ = Ψ0 + N_k S_k + β0 N_k / β_k (x̄_k - m0)(x̄_k - m0)ᵀ}
 * (eqs. 10.62-10.63), with the ELBO terms of eqs. 10.71, 10.74 and 10.77.
 */
class GmmFullPrecision extends GmmPrecisionModel {

    @Override
    boolean diagonal() {
        return false;
    }

    @Override
    GmmComponents posterior(GmmSufficientStatistics s, GmmPriors p) {
        int kk = s.components;
        int dim = s.dimension;
        double[] beta = GmmComponents.posteriorMeanPrecision(s, p);
        double[] mean = GmmComponents.posteriorMean(s, p, beta);
        double[] nu = posteriorDegreesOfFreedom(s, p);
        double[] psi = new double[kk * dim * dim];
        for (int k = 0; k < kk; k++) {
            int o = k * dim * dim;
            for (int i = 0; i < dim * dim; i++) {
                psi[o + i] = p.covariance()[i] + s.scatter[o + i]
                        + GmmComponents.priorShrinkage(s, p, beta, k, i / dim, i % dim);
            }
        }
        return wishartComponents(beta, mean, nu, psi, kk);
    }

    /**
     * Components with Wishart precisions {@code W(Ψ_j⁻¹, ν_j)}: {@code psi} holds
     * {@code psiCount} matrices, component {@code k} uses matrix {@code k % psiCount}.
     */
    static GmmComponents wishartComponents(double[] beta, double[] mean, double[] nu, double[] psi, int psiCount) {
        int kk = beta.length;
        int dim = mean.length / kk;
        Tensor factor = LinearAlgebra.cholesky(Tensor.of(psi, psiCount, dim, dim));
        double[] logDetPsi = LinearAlgebra.logDetFromCholesky(factor).toArray();
        double[] inverseFactor = LinearAlgebra.triangularSolve(factor, Tensor.eye(dim), true, false).toArray();
        double[] w = LinearAlgebra.choleskyInverse(factor).toArray();
        double[] logDet = new double[kk];
        double[] expectedLogDet = new double[kk];
        double[] whitening = new double[kk * dim * dim];
        double[] scale = new double[kk * dim * dim];
        for (int k = 0; k < kk; k++) {
            int j = k % psiCount;
            logDet[k] = logDetPsi[j];
            expectedLogDet[k] = GmmWishart.expectedLogDet(nu[k], logDetPsi[j], dim);
            double root = Math.sqrt(nu[k]);
            for (int i = 0; i < dim * dim; i++) {
                whitening[k * dim * dim + i] = root * inverseFactor[j * dim * dim + i];
                scale[k * dim * dim + i] = w[j * dim * dim + i];
            }
        }
        return new GmmComponents(beta, mean, nu, psi, logDet, expectedLogDet, whitening, false, scale);
    }

    @Override
    double elboTerms(GmmComponents q, GmmSufficientStatistics s, GmmPriors p) {
        int dim = q.dimension;
        double nu0 = p.degreesOfFreedom();
        double logDetPsi0 = LinearAlgebra.logDet(Tensor.of(p.covariance(), dim, dim)).item();
        double logB0 = GmmWishart.logB(nu0, logDetPsi0, dim);
        double total = 0;
        for (int k = 0; k < q.components; k++) {
            double nu = q.degreesOfFreedom[k];
            double beta = q.meanPrecision[k];
            double lnLambda = q.expectedLogDet[k];
            total += dataTerm(q, s, k, nu, lnLambda)
                    + meanPriorTerm(q, p, k, nu, lnLambda)
                    + logB0 + 0.5 * (nu0 - dim - 1) * lnLambda - 0.5 * nu * trace(q.scale, k, p.covariance(), 0, dim)
                    - 0.5 * lnLambda - 0.5 * dim * (Math.log(beta) - LN_2PI) + 0.5 * dim
                    + GmmWishart.entropy(nu, q.logDetInverseScale[k], lnLambda, dim);
        }
        return total;
    }

    /**
     * {@code ½ N_k [E ln|Λ_k| - D/β_k - ν_k tr(S_k W_k) - ν_k (x̄_k - m_k)ᵀ W_k (x̄_k - m_k) - D ln 2π]}
     * (Bishop, PRML, eq. 10.71) for component {@code k} with precision parameters {@code nu, lnLambda}.
     */
    static double dataTerm(GmmComponents q, GmmSufficientStatistics s, int k, double nu, double lnLambda) {
        double nk = s.counts[k];
        if (!(nk > 0)) {
            return 0;
        }
        int dim = q.dimension;
        double quad = quadratic(q.scale, k, s.means, k * dim, q.mean, k * dim, dim);
        double tr = trace(q.scale, k, s.scatter, k * dim * dim, dim);
        return 0.5 * (nk * (lnLambda - dim / q.meanPrecision[k] - dim * LN_2PI) - nu * (tr + nk * quad));
    }

    /**
     * {@code ½ [D ln(β0/2π) + E ln|Λ_k| - D β0/β_k - β0 ν_k (m_k - m0)ᵀ W_k (m_k - m0)]}, the
     * {@code E[ln N(μ_k | m0, (β0 Λ_k)⁻¹)]} part of Bishop's eq. 10.74.
     */
    static double meanPriorTerm(GmmComponents q, GmmPriors p, int k, double nu, double lnLambda) {
        int dim = q.dimension;
        double beta0 = p.meanPrecision();
        double quad = quadratic(q.scale, k, q.mean, k * dim, p.mean(), 0, dim);
        return 0.5 * (dim * (Math.log(beta0) - LN_2PI) + lnLambda - dim * beta0 / q.meanPrecision[k] - beta0 * nu * quad);
    }

    /**
     * {@code (a - b)ᵀ W_k (a - b)} for the vectors at {@code a[ao..]} and {@code b[bo..]}, with
     * {@code W_k} the {@code k}-th matrix of {@code w}.
     */
    static double quadratic(double[] w, int k, double[] a, int ao, double[] b, int bo, int dim) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            double ei = a[ao + i] - b[bo + i];
            for (int j = 0; j < dim; j++) {
                s += ei * w[k * dim * dim + i * dim + j] * (a[ao + j] - b[bo + j]);
            }
        }
        return s;
    }

    /** {@code tr(W_k M)} for the symmetric {@code D×D} matrix {@code M} at {@code m[offset..]}. */
    static double trace(double[] w, int k, double[] m, int offset, int dim) {
        double s = 0;
        for (int i = 0; i < dim * dim; i++) {
            s += w[k * dim * dim + i] * m[offset + i];
        }
        return s;
    }

    @Override
    double logNormalizer(GmmComponents q) {
        double s = 0;
        for (int k = 0; k < q.components; k++) {
            s += GmmWishart.sklearnLogNormalizer(q.degreesOfFreedom[k], q.logDetInverseScale[k], q.dimension);
        }
        return s - halfDimLogBetaSum(q);
    }

    @Override
    double priorLogNormalizer(GmmPriors p, int components) {
        int dim = p.mean().length;
        double logDetPsi0 = LinearAlgebra.logDet(Tensor.of(p.covariance(), dim, dim)).item();
        return components * (GmmWishart.sklearnLogNormalizer(p.degreesOfFreedom(), logDetPsi0, dim)
                - 0.5 * dim * Math.log(p.meanPrecision()));
    }

    @Override
    double[] covariances(GmmComponents q) {
        int dim = q.dimension;
        int per = q.inverseScale.length / (dim * dim);
        double[] c = new double[q.components * dim * dim];
        for (int k = 0; k < q.components; k++) {
            for (int i = 0; i < dim * dim; i++) {
                c[k * dim * dim + i] = q.inverseScale[(k % per) * dim * dim + i] / q.degreesOfFreedom[k];
            }
        }
        return c;
    }

    @Override
    int[] inverseScaleShape(int components, int dimension) {
        return new int[] {components, dimension, dimension};
    }

    /**
     * {@code St(x | m_k, L_k, ν_k + 1 - D)} with {@code L_k = (ν_k + 1 - D) β_k / (1 + β_k) W_k}
     * (Bishop, PRML, eqs. 10.81-10.82); {@code ||P_k d||² = ν_k dᵀ W_k d} gives the factor.
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
            dof[k] = nu + 1 - dim;
            double c = dof[k] * beta / (1 + beta);
            factor[k] = c / nu;
            logConstant[k] = GmmStudentT.logNormalizer(dof[k], dim) + 0.5 * dim * Math.log(c) - 0.5 * q.logDetInverseScale[k];
        }
        return new GmmStudentT(dof, factor, logConstant, false);
    }
}
