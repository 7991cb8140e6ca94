package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Closed-form KL divergences of the multivariate families, registered from
 * {@link KlRules#registerAll}: Gaussian pairs in every parameterization (the full-rank
 * {@link MultivariateNormal}, from a scale, covariance or precision, and the
 * {@link LowRankMultivariateNormal}), which all reduce to {@link GaussianCovariance}, and
 * Dirichlet/Dirichlet.
 */
final class MultivariateKlRules {

    private MultivariateKlRules() {
    }

    static void registerAll(Map<KlRegistry.Pair, BiFunction<Distribution, Distribution, Var>> m) {
        KlRegistry.put(m, MultivariateNormal.class, MultivariateNormal.class,
                (p, q) -> gaussian(p.loc(), p.covarianceModel(), q.loc(), q.covarianceModel(), p, q));
        KlRegistry.put(m, LowRankMultivariateNormal.class, MultivariateNormal.class,
                (p, q) -> gaussian(p.loc(), p.covarianceModel(), q.loc(), q.covarianceModel(), p, q));
        KlRegistry.put(m, MultivariateNormal.class, LowRankMultivariateNormal.class,
                (p, q) -> gaussian(p.loc(), p.covarianceModel(), q.loc(), q.covarianceModel(), p, q));
        KlRegistry.put(m, LowRankMultivariateNormal.class, LowRankMultivariateNormal.class,
                (p, q) -> gaussian(p.loc(), p.covarianceModel(), q.loc(), q.covarianceModel(), p, q));
        KlRegistry.put(m, Dirichlet.class, Dirichlet.class, MultivariateKlRules::dirichlet);
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
    static Var gaussian(Var locP, GaussianCovariance covP, Var locQ, GaussianCovariance covQ, Distribution p, Distribution q) {
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

    /**
     * {@code KL(Dir(α) ‖ Dir(β)) = log Γ(α₀) - Σ log Γ(α_i) - log Γ(β₀) + Σ log Γ(β_i)
     * + Σ (α_i - β_i)(ψ(α_i) - ψ(α₀))}, from {@code E_α[log x_i] = ψ(α_i) - ψ(α₀)} (Bishop, PRML,
     * eq. B.21; Penny, "KL-divergences of Normal, Gamma, Dirichlet and Wishart densities", 2001).
     */
    static Var dirichlet(Dirichlet p, Dirichlet q) {
        Var a = p.concentration();
        Var b = q.concentration();
        if (a.shape()[a.shape().length - 1] != b.shape()[b.shape().length - 1]) {
            throw new IllegalArgumentException("KL(Dirichlet ‖ Dirichlet) needs equal numbers of categories, got "
                    + a.shape()[a.shape().length - 1] + " and " + b.shape()[b.shape().length - 1]);
        }
        Var a0 = a.sum(-1);
        int[] keep = Broadcasting.concat(a0.shape(), new int[] {1});
        Var expectedLog = a.apply(ElementwiseFunction.DIGAMMA).sub(a0.apply(ElementwiseFunction.DIGAMMA).reshape(keep));
        return a0.lgamma().sub(a.lgamma().sum(-1))
                .sub(b.sum(-1).lgamma()).add(b.lgamma().sum(-1))
                .add(a.sub(b).mul(expectedLog).sum(-1));
    }
}
