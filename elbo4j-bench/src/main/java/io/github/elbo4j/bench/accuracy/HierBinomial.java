package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Binomial;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code hier_binomial}, Efron &amp; Morris's baseball data (JASA 70(350), 1975, table 1: hits in the
 * first 45 at-bats of 1970): {@code μ ~ N(-1, 1)}, {@code τ ~ HalfNormal(1)}, {@code z_j ~ N(0, 1)},
 * {@code α = μ + τ z}, {@code y_j ~ Binomial(45, logit⁻¹(α_j))}; {@code alpha} and
 * {@code p = logit⁻¹(alpha)} are deterministic.
 */
final class HierBinomial {

    static final String NAME = "hier_binomial";

    private HierBinomial() {
    }

    static ReferencePosterior posterior() {
        PosteriorData data = PosteriorData.load(NAME);
        int j = data.integer("J");
        Tensor atBats = data.vector("n");
        Tensor hits = data.vector("y");
        Model model = m -> {
            Var mu = m.sample("mu", Normal.of(-1, 1));
            Var tau = m.sample("tau", HalfNormal.of(1));
            m.plate("players", j, p -> {
                Var z = m.sample("z", Normal.of(0, 1).expand(j));
                Var alpha = m.deterministic("alpha", mu.add(tau.mul(z)));
                m.deterministic("p", alpha.sigmoid());
                m.observe("y", Binomial.ofLogits(atBats, alpha), hits);
            });
        };
        return ReferencePosterior.of(NAME, "Efron-Morris baseball, 18 players' hits in 45 at-bats, non-centered "
                + "logit abilities: strong pooling, the scale tau has mass near 0", model);
    }
}
