package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * One Wishart precision {@code Λ ~ W(Ψ0⁻¹, ν0)} shared by all components, each mean
 * {@code μ_k | Λ ~ N(m0, (β0 Λ)⁻¹)}. The optimal {@code q(Λ) Π_k q(μ_k | Λ)}, derived as Bishop
 * derives eqs. 10.59-10.63 (PRML, 2006) but collecting every component's terms in one
 * {@code ln q(Λ)}: {@code ν = ν0 + Σ_k N_k} and
 * {@code Ψ = Ψ0 + Σ_k [N_k S_k + β0 N_k / β_k (x̄_k - m0)(x̄_k - m0)ᵀ]}; {@code β_k}, {@code m_k} as
 * for the full model. The ELBO has eq. 10.71 and the Gaussian parts of eqs. 10.74 and 10.77 once
 * per component, and the Wishart parts once.
 */
final class GmmTiedPrecision extends GmmFullPrecision {

    @Override
    GmmComponents posterior(GmmSufficientStatistics s, GmmPriors p) {
        int kk = s.components;
        int dim = s.dimension;
        double[] beta = GmmComponents.posteriorMeanPrecision(s, p);
        double[] mean = GmmComponents.posteriorMean(s, p, beta);
        double nuShared = p.degreesOfFreedom() + s.total();
        double[] nu = new double[kk];
        java.util.Arrays.fill(nu, nuShared);
        double[] psi = p.covariance().clone();
        for (int k = 0; k < kk; k++) {
            for (int i = 0; i < dim * dim; i++) {
                psi[i] += s.scatter[k * dim * dim + i] + GmmComponents.priorShrinkage(s, p, beta, k, i / dim, i % dim);
            }
        }
        return wishartComponents(beta, mean, nu, psi, 1);
    }

    @Override
    double elboTerms(GmmComponents q, GmmSufficientStatistics s, GmmPriors p) {
        int dim = q.dimension;
        double nu0 = p.degreesOfFreedom();
        double logDetPsi0 = LinearAlgebra.logDet(Tensor.of(p.covariance(), dim, dim)).item();
        double nu = q.degreesOfFreedom[0];
        double lnLambda = q.expectedLogDet[0];
        double total = GmmWishart.logB(nu0, logDetPsi0, dim) + 0.5 * (nu0 - dim - 1) * lnLambda
                - 0.5 * nu * trace(q.scale, 0, p.covariance(), 0, dim)
                + GmmWishart.entropy(nu, q.logDetInverseScale[0], lnLambda, dim);
        for (int k = 0; k < q.components; k++) {
            total += dataTerm(q, s, k, nu, lnLambda) + meanPriorTerm(q, p, k, nu, lnLambda)
                    - 0.5 * lnLambda - 0.5 * dim * (Math.log(q.meanPrecision[k]) - LN_2PI) + 0.5 * dim;
        }
        return total;
    }

    @Override
    double logNormalizer(GmmComponents q) {
        return GmmWishart.sklearnLogNormalizer(q.degreesOfFreedom[0], q.logDetInverseScale[0], q.dimension)
                - halfDimLogBetaSum(q);
    }

    @Override
    double priorLogNormalizer(GmmPriors p, int components) {
        int dim = p.mean().length;
        double logDetPsi0 = LinearAlgebra.logDet(Tensor.of(p.covariance(), dim, dim)).item();
        return GmmWishart.sklearnLogNormalizer(p.degreesOfFreedom(), logDetPsi0, dim)
                - components * 0.5 * dim * Math.log(p.meanPrecision());
    }

    @Override
    int[] inverseScaleShape(int components, int dimension) {
        return new int[] {dimension, dimension};
    }
}
