package io.github.elbo4j.distribution.kl;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.multivariate.Dirichlet;
import io.github.elbo4j.distribution.multivariate.GaussianKl;
import io.github.elbo4j.distribution.multivariate.LowRankMultivariateNormal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Closed-form KL divergences of the multivariate families, registered from
 * {@link KlRules#registerAll}: Gaussian pairs in every parameterization (the full-rank
 * {@link MultivariateNormal}, from a scale, covariance or precision, and the
 * {@link LowRankMultivariateNormal}), which all reduce to their covariance parameterization
 * ({@link GaussianKl}, next to those parameterizations), and Dirichlet/Dirichlet.
 */
final class MultivariateKlRules {

    private MultivariateKlRules() {
    }

    static void registerAll(Map<KlRegistry.Pair, BiFunction<Distribution, Distribution, Var>> m) {
        KlRegistry.put(m, MultivariateNormal.class, MultivariateNormal.class, GaussianKl::of);
        KlRegistry.put(m, LowRankMultivariateNormal.class, MultivariateNormal.class, GaussianKl::of);
        KlRegistry.put(m, MultivariateNormal.class, LowRankMultivariateNormal.class, GaussianKl::of);
        KlRegistry.put(m, LowRankMultivariateNormal.class, LowRankMultivariateNormal.class, GaussianKl::of);
        KlRegistry.put(m, Dirichlet.class, Dirichlet.class, MultivariateKlRules::dirichlet);
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
