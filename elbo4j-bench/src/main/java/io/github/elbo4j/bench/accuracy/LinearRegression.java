package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code linreg_collinear25} and {@code linreg_near_degenerate}, one Stan program on two data sets:
 * {@code w_k ~ N(0, 5²)} as one vector site, {@code b ~ N(0, 5²)}, {@code σ ~ HalfNormal(5)},
 * {@code y ~ N(X w + b, σ² I)}.
 *
 * <p>{@code X w} is written {@code (w ⊙ X).sum(-1)}: a draw {@code w} of shape {@code [K]} gives
 * {@code [n]}, and vectorized particles {@code [P, 1, K]} (the particle axis left of the data plate)
 * give {@code [P, n]}, so the model runs under SVI with several particles as well.
 */
final class LinearRegression {

    static final String COLLINEAR = "linreg_collinear25";
    static final String NEAR_DEGENERATE = "linreg_near_degenerate";

    private LinearRegression() {
    }

    /** 25 one-factor predictors with pairwise correlation 0.9, n = 200. */
    static ReferencePosterior collinear25() {
        return posterior(COLLINEAR, "linear regression on 25 one-factor predictors with pairwise correlation 0.9, "
                + "n = 200, 7 non-zero coefficients: correlated coefficients in 27 dimensions");
    }

    /** x1 and x2 = x1 + 0.01 z, n = 100. */
    static ReferencePosterior nearDegenerate() {
        return posterior(NEAR_DEGENERATE, "linear regression on x1 and x2 = x1 + 0.01 z, n = 100: "
                + "|corr(w[0], w[1])| > 0.999, the difference w[0] - w[1] is nearly prior-dominated");
    }

    private static ReferencePosterior posterior(String name, String description) {
        PosteriorData data = PosteriorData.load(name);
        int n = data.integer("N");
        int k = data.integer("K");
        Tensor x = data.matrix("X");
        Tensor y = data.vector("y");
        Model model = m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(k), Tensor.full(5.0, k)).toEvent(1));
            Var b = m.sample("b", Normal.of(0, 5));
            Var sigma = m.sample("sigma", HalfNormal.of(5));
            Var mean = w.mul(x).sum(-1).add(b);
            m.plate("data", n, p -> m.observe("y", Normal.of(mean, sigma), y));
        };
        return ReferencePosterior.of(name, description, model);
    }
}
