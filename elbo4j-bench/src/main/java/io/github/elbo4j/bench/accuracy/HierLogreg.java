package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code hier_logreg}: {@code μ_α ~ N(0, 2²)}, {@code σ_α ~ HalfNormal(1)}, {@code z_j ~ N(0, 1)}
 * ({@code j < J = 8}), {@code β_k ~ N(0, 2²)} ({@code k < 2}), {@code α = μ_α + σ_α z},
 * {@code y_n ~ Bernoulli(logit⁻¹(α_{g(n)} + x_nᵀ β))}, 40 observations per group. The data's
 * {@code group} is Stan's 1-based index.
 *
 * <p>{@code α_{g(n)}} and {@code x_nᵀ β} are written as {@code (α ⊙ G).sum(-1)} with the 0/1 group
 * membership matrix {@code G} and {@code (β ⊙ X).sum(-1)}: a draw of shape {@code [K]} gives
 * {@code [n]}, vectorized particles {@code [P, 1, K]} give {@code [P, n]}; the scalars
 * {@code μ_α, σ_α} get a trailing axis before they meet {@code z}.
 */
final class HierLogreg {

    static final String NAME = "hier_logreg";

    private HierLogreg() {
    }

    static ReferencePosterior posterior() {
        PosteriorData data = PosteriorData.load(NAME);
        int n = data.integer("N");
        int j = data.integer("J");
        int k = data.integer("K");
        int[] group = data.integers("group");
        double[] membership = new double[n * j];
        for (int i = 0; i < n; i++) {
            membership[i * j + group[i] - 1] = 1.0;
        }
        Tensor groupOf = Tensor.of(membership, n, j);
        Tensor x = data.matrix("X");
        Tensor y = data.vector("y");
        Model model = m -> {
            Var muAlpha = m.sample("mu_alpha", Normal.of(0, 2));
            Var sigmaAlpha = m.sample("sigma_alpha", HalfNormal.of(1));
            Var z = m.sample("z", Normal.of(0, 1).expand(j).toEvent(1));
            Var beta = m.sample("beta", Normal.of(Tensor.zeros(k), Tensor.full(2.0, k)).toEvent(1));
            Var alpha = m.deterministic("alpha", withTrailingAxis(muAlpha).add(withTrailingAxis(sigmaAlpha).mul(z)));
            Var logits = alpha.mul(groupOf).sum(-1).add(beta.mul(x).sum(-1));
            m.plate("data", n, p -> m.observe("y", Bernoulli.ofLogits(logits), y));
        };
        return ReferencePosterior.of(NAME, "hierarchical logistic regression, 8 groups x 40, 2 predictors, "
                + "non-centered intercepts: a weakly identified group scale", model);
    }

    /** {@code v} with a trailing axis of size 1, so a scalar latent ({@code [P, 1]} under particles) meets {@code z}'s event axis. */
    private static Var withTrailingAxis(Var v) {
        int[] shape = Arrays.copyOf(v.shape(), v.shape().length + 1);
        shape[shape.length - 1] = 1;
        return v.reshape(shape);
    }
}
