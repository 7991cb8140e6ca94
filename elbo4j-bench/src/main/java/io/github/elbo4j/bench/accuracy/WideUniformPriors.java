package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code wide_uniform_priors}: {@code μ ~ U(-10⁶, 10⁶)}, {@code σ ~ U(0, 1000)},
 * {@code y_i ~ N(μ, σ²)}, {@code n = 20} standardized to mean 2.5 and sd 2.5. Up to the
 * negligible truncation, the posterior of {@code μ} is Student's t with {@code n - 2} degrees of
 * freedom, location {@code ȳ} and scale {@code s √((n - 1) / (n (n - 2)))} ≈ 0.574 (flat priors on
 * {@code μ} and {@code σ}).
 */
final class WideUniformPriors {

    static final String NAME = "wide_uniform_priors";

    private WideUniformPriors() {
    }

    static ReferencePosterior posterior() {
        PosteriorData data = PosteriorData.load(NAME);
        int n = data.integer("N");
        Tensor y = data.vector("y");
        Model model = m -> {
            Var mu = m.sample("mu", Uniform.of(-1e6, 1e6));
            Var sigma = m.sample("sigma", Uniform.of(0, 1000));
            m.plate("data", n, p -> m.observe("y", Normal.of(mu, sigma), y));
        };
        return ReferencePosterior.of(NAME, "normal data, n = 20, with wide proper uniform priors: "
                + "the interval transforms put the posterior mass in a tiny corner of the unconstrained space", model);
    }
}
