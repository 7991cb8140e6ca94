package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code ar2}: {@code α ~ N(0, 10²)}, {@code β_k ~ N(0, 1)}, {@code σ ~ HalfNormal(2)},
 * {@code y_t ~ N(α + β_0 y_{t-1} + β_1 y_{t-2}, σ²)} for {@code t >= 2} (0-based), conditional on the
 * first two observations; {@code T = 200} from {@code α = 0.5, β = (0.6, -0.3), σ = 1}.
 */
final class Ar2 {

    static final String NAME = "ar2";

    private Ar2() {
    }

    static ReferencePosterior posterior() {
        PosteriorData data = PosteriorData.load(NAME);
        int t = data.integer("T");
        double[] y = data.vector("y").toArray();
        double[] lags = new double[(t - 2) * 2];
        double[] current = new double[t - 2];
        for (int i = 2; i < t; i++) {
            lags[(i - 2) * 2] = y[i - 1];
            lags[(i - 2) * 2 + 1] = y[i - 2];
            current[i - 2] = y[i];
        }
        Tensor lagged = Tensor.of(lags, t - 2, 2);
        Tensor observed = Tensor.of(current);
        Model model = m -> {
            Var alpha = m.sample("alpha", Normal.of(0, 10));
            Var beta = m.sample("beta", Normal.of(Tensor.zeros(2), Tensor.ones(2)).toEvent(1));
            Var sigma = m.sample("sigma", HalfNormal.of(2));
            Var mean = beta.mul(lagged).sum(-1).add(alpha);
            m.plate("time", t - 2, p -> m.observe("y", Normal.of(mean, sigma), observed));
        };
        return ReferencePosterior.of(NAME, "AR(2), T = 200, conditional on the first two values: "
                + "correlated autoregressive coefficients", model);
    }
}
