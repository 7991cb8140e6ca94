package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ImproperUniform;
import io.github.elbo4j.distribution.MixtureSameFamily;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.LogNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * {@code mixture2}: {@code y_i ~ π N(μ_0, σ_0²) + (1 - π) N(μ_1, σ_1²)} with the labels summed out,
 * {@code μ_0 < μ_1} with the prior of the order statistics of two i.i.d. {@code N(0, 5²)}
 * ({@code 2 N(μ_0) N(μ_1)} on the ordered set), {@code σ_k ~ LogNormal(0, 1)}, {@code π ~ Beta(2, 2)};
 * {@code n = 200} from {@code 0.3 N(-1, 0.7²) + 0.7 N(2, 1)}.
 *
 * <p>The site {@code mu} is a flat prior on the ordered vectors ({@link ImproperUniform}, so
 * automatic guides use the ordering bijector) and the factor {@code mu_ordered_prior} adds
 * {@code log 2 + Σ_k log N(μ_k; 0, 5²)}, the density Stan adds, at every ordered {@code μ}.
 *
 * <p>The mixture's batch shape is that of {@code π} ({@code []}, or {@code [P, 1]} under vectorized
 * particles); the 200 observations broadcast against it.
 */
final class Mixture2 {

    static final String NAME = "mixture2";
    private static final double LOG_2 = Math.log(2.0);

    private Mixture2() {
    }

    static ReferencePosterior posterior() {
        PosteriorData data = PosteriorData.load(NAME);
        int n = data.integer("N");
        Tensor y = data.vector("y");
        Normal meanPrior = Normal.of(0, 5);
        Model model = m -> {
            Var mu = m.sample("mu", ImproperUniform.of(Constraint.ordered(), 2));
            m.factor("mu_ordered_prior", meanPrior.logProb(mu).sum(-1).add(LOG_2));
            Var sigma = m.sample("sigma", LogNormal.of(Tensor.zeros(2), Tensor.ones(2)).toEvent(1));
            Var pi = m.sample("pi", Beta.of(2, 2));
            int[] column = Arrays.copyOf(pi.shape(), pi.shape().length + 1);
            column[column.length - 1] = 1;
            Var logWeights = Var.concat(-1, pi.log().reshape(column), pi.neg().log1p().reshape(column));
            m.plate("data", n, p -> m.observe("y", MixtureSameFamily.ofLogits(logWeights, Normal.of(mu, sigma)), y));
        };
        return ReferencePosterior.of(NAME, "two-component normal mixture with ordered means, n = 200: "
                + "a mixture likelihood, an ordered constraint, skewed weight and scales", model);
    }
}
