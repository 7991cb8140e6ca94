package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.tensor.Broadcasting;
import java.util.Arrays;

/**
 * The closed-form KL divergence between two multivariate normals, each in any of its
 * parameterizations ({@link MultivariateNormal} from a scale, covariance or precision, and
 * {@link LowRankMultivariateNormal}): the rule {@code KlDivergence.of} dispatches to for these
 * pairs, kept here because it works on the covariance parameterizations, which are not API.
 * Call it through {@link io.github.elbo4j.distribution.kl.KlDivergence#of}.
 */
public final class GaussianKl {

    private GaussianKl() {
    }

    /**
     * {@code KL(p ‖ q)} for two multivariate normals of the same dimension, shape the broadcast of
     * their batch shapes.
     *
     * @throws IllegalArgumentException when {@code p} or {@code q} is not a multivariate normal, or
     *                                  the dimensions differ
     */
    public static Var of(Distribution p, Distribution q) {
        if (!(p instanceof GaussianVector<?> gp) || !(q instanceof GaussianVector<?> gq)) {
            throw new IllegalArgumentException("GaussianKl needs two multivariate normals, got " + p.getClass().getSimpleName()
                    + " and " + q.getClass().getSimpleName());
        }
        return gaussian(gp.loc(), gp.covarianceModel(), gq.loc(), gq.covarianceModel(), p, q);
    }

    /**
     * {@code KL(N(μ_p, Σ_p) ‖ N(μ_q, Σ_q)) = ½ [tr(Σ_q⁻¹ Σ_p) + (μ_q - μ_p)ᵀ Σ_q⁻¹ (μ_q - μ_p) - d
     * + log det Σ_q - log det Σ_p]} (Bishop, PRML, exercise 2.13 / Kullback 1959). With
     * {@code Σ_p = S_p S_pᵀ}, {@code tr(Σ_q⁻¹ Σ_p) = Σ_j s_jᵀ Σ_q⁻¹ s_j} over the columns
     * {@code s_j} of {@code S_p}: both quadratic terms are {@link GaussianCovariance#inverseQuadraticRows}
     * of {@code q} (a triangular solve for a scale or covariance, a product for a precision, the
     * Woodbury identity for a low-rank {@code q}), so no inverse is formed. For a low-rank
     * {@code p}, {@code S_p = [W_p, diag(√D_p)]}.
     */
    private static Var gaussian(Var locP, GaussianCovariance covP, Var locQ, GaussianCovariance covQ, Distribution p, Distribution q) {
        int d = covP.dim();
        if (covQ.dim() != d) {
            throw new IllegalArgumentException("KL(" + p.getClass().getSimpleName() + " ‖ " + q.getClass().getSimpleName()
                    + ") needs equal dimensions, got " + d + " and " + covQ.dim());
        }
        Var trace = covQ.inverseQuadraticRows(covP.root().transpose()).sum(-1);
        Var diff = locQ.sub(locP);
        int[] ds = diff.shape();
        int[] asRow = Arrays.copyOf(ds, ds.length + 1);
        asRow[ds.length - 1] = 1;
        asRow[ds.length] = d;
        Var mahalanobis = covQ.inverseQuadraticRows(diff.reshape(asRow)).sum(-1);
        Var kl = trace.add(mahalanobis).sub(d).add(covQ.logDet()).sub(covP.logDet()).mul(0.5);
        return kl.broadcastTo(Broadcasting.shape(p.batchShape(), q.batchShape()));
    }
}
