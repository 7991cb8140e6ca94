package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * SVI against exact posteriors. Normal–Normal with known variance (Bishop, PRML, eqs.
 * 2.141–2.142): prior {@code μ ~ N(μ₀, τ₀²)}, data {@code x_i ~ N(μ, σ²)}, posterior
 * {@code N(μ_n, τ_n²)} with {@code 1/τ_n² = 1/τ₀² + n/σ²}, {@code μ_n = τ_n² (μ₀/τ₀² + Σx/σ²)}.
 */
class SviConjugateTest {

    private static final double[] X = {2.1, 3.4, 1.7, 2.9, 4.2, 0.8, 2.5, 3.1, 1.9, 2.6, 3.8, 2.2};
    private static final double MU0 = 1.0;
    private static final double TAU0 = 3.0;
    private static final double SIGMA = 2.0;

    /** The data in a plate, so that vectorized particles broadcast against it (Pyro's rule). */
    private static final Model NORMAL_NORMAL = m -> {
        Var mu = m.sample("mu", Normal.of(MU0, TAU0));
        m.plate("data", X.length, p -> m.observe("x", Normal.of(mu, Var.constant(SIGMA)), Tensor.of(X)));
    };

    @Test
    void meanFieldRecoversTheExactNormalPosterior() {
        double precision = 1 / (TAU0 * TAU0) + X.length / (SIGMA * SIGMA);
        double tauN = Math.sqrt(1 / precision);
        double sum = 0;
        for (double v : X) {
            sum += v;
        }
        double muN = (MU0 / (TAU0 * TAU0) + sum / (SIGMA * SIGMA)) / precision;

        Fit fit = Svi.of(NORMAL_NORMAL)
                .guide(AutoGuide.meanField())
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01)))
                .numParticles(16)
                .maxSteps(3000)
                .convergence(Convergence.none())       // the whole cosine schedule, as asked
                .seed(1)
                .run();

        GuidePosterior q = (GuidePosterior) fit.posterior();
        double loc = q.location("mu").item();
        double scale = q.scale("mu").item();
        assertThat(Math.abs(loc - muN)).as("posterior mean %s vs exact %s", loc, muN).isLessThan(0.02 * tauN);
        assertThat(Math.abs(scale / tauN - 1)).as("posterior sd %s vs exact %s", scale, tauN).isLessThan(0.03);
    }

    @Test
    void stansStepSizeSearchPicksAScaleAndReachesThePosterior() {
        double precision = 1 / (TAU0 * TAU0) + X.length / (SIGMA * SIGMA);
        double tauN = Math.sqrt(1 / precision);
        Fit fit = Svi.of(NORMAL_NORMAL).guide(AutoGuide.meanField()).numParticles(16).adaptStepSize(50).maxSteps(3000).seed(2).run();
        assertThat(fit.adaptedStepSize()).isPresent();
        assertThat(fit.adaptedStepSize().getAsDouble()).isIn(100.0, 10.0, 1.0, 0.1, 0.01);
        assertThat(((GuidePosterior) fit.posterior()).scale("mu").item() / tauN).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.1));
    }
}
