package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Poisson;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code poisson_glm}: {@code α ~ N(0, 5²)}, {@code β_k ~ N(0, 1)} ({@code k < 3}),
 * {@code y_i ~ Poisson(e_i exp(α + x_iᵀ β))} with exposure {@code e_i}, {@code n = 100}.
 */
final class PoissonGlm {

    static final String NAME = "poisson_glm";

    private PoissonGlm() {
    }

    static ReferencePosterior posterior() {
        PosteriorData data = PosteriorData.load(NAME);
        int n = data.integer("N");
        int k = data.integer("K");
        Tensor x = data.matrix("X");
        double[] exposure = data.vector("exposure").toArray();
        double[] logExposure = new double[n];
        for (int i = 0; i < n; i++) {
            logExposure[i] = Math.log(exposure[i]);
        }
        Tensor offset = Tensor.of(logExposure);
        Tensor y = data.vector("y");
        Model model = m -> {
            Var alpha = m.sample("alpha", Normal.of(0, 5));
            Var beta = m.sample("beta", Normal.of(Tensor.zeros(k), Tensor.ones(k)).toEvent(1));
            Var logRate = beta.mul(x).sum(-1).add(alpha).add(offset);
            m.plate("data", n, p -> m.observe("y", Poisson.of(logRate.exp()), y));
        };
        return ReferencePosterior.of(NAME, "Poisson regression with log link and an exposure offset, n = 100, "
                + "3 predictors: a count likelihood", model);
    }
}
