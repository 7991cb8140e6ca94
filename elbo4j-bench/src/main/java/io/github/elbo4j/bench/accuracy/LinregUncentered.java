package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code linreg_uncentered}: {@code a ~ N(0, 20²)}, {@code b ~ N(0, 10²)}, {@code σ ~ HalfNormal(5)},
 * {@code y_i ~ N(a + b x_i, σ²)}, {@code n = 100}, {@code x ~ N(10, 1)} not centered, so that
 * {@code corr(a, b) ≈ -x̄ / √(mean x²) ≈ -0.995} a posteriori.
 */
final class LinregUncentered {

    static final String NAME = "linreg_uncentered";

    private LinregUncentered() {
    }

    static ReferencePosterior posterior() {
        PosteriorData data = PosteriorData.load(NAME);
        int n = data.integer("N");
        Tensor x = data.vector("x");
        Tensor y = data.vector("y");
        Model model = m -> {
            Var a = m.sample("a", Normal.of(0, 20));
            Var b = m.sample("b", Normal.of(0, 10));
            Var sigma = m.sample("sigma", HalfNormal.of(5));
            Var mean = b.mul(x).add(a);
            m.plate("data", n, p -> m.observe("y", Normal.of(mean, sigma), y));
        };
        return ReferencePosterior.of(NAME, "y = a + b x + noise on an uncentered x ~ N(10, 1), n = 100: corr(a, b) about -0.995", model);
    }
}
