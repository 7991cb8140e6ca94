package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code funnel10}, Neal's funnel in 10 dimensions (Neal, Ann. Statist. 31(3), 2003, sec. 8):
 * {@code v ~ N(0, 3²)}, {@code x_i ~ N(0, e^v)} for {@code i = 0..8}, no data. Its reference is
 * exact: {@code v ~ N(0, 3²)}; {@code x_i} has mean 0 and sd {@code e^{9/4}}.
 */
final class Funnel10 {

    static final String NAME = "funnel10";
    private static final int D = 9;

    private Funnel10() {
    }

    static ReferencePosterior posterior() {
        Var origin = Var.constant(Tensor.zeros(D));
        Model model = m -> {
            Var v = m.sample("v", Normal.of(0, 3));
            m.plate("coordinates", D, p -> m.sample("x", Normal.of(origin, v.mul(0.5).exp())));
        };
        return ReferencePosterior.of(NAME, "Neal's funnel, d = 10: the scale of x varies over orders of magnitude "
                + "with v; uncorrelated but strongly dependent; exact reference", model);
    }
}
