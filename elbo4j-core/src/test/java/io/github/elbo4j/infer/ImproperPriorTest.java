package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ImproperUniform;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.junit.jupiter.api.Test;

/**
 * Flat improper priors as latent sites of automatic guides. With {@code μ} flat and
 * {@code y_i ~ N(μ, σ²)}, {@code σ = 2} known, the posterior is exactly {@code N(ȳ, σ²/n)}
 * (Gelman et al., BDA3, sec. 2.5, the limit of the conjugate normal as the prior precision goes to 0).
 */
class ImproperPriorTest {

    private static final double[] Y = {2.1, 3.4, 1.7, 2.9, 4.2, 0.8, 2.5, 3.1, 1.9, 2.6, 3.8, 2.2};
    private static final double SIGMA = 2.0;

    @Test
    void aFlatPriorOnTheMeanGivesTheExactPosteriorOfTheMean() {
        Model model = m -> {
            Var mu = m.sample("mu", ImproperUniform.of(Constraint.real()));
            m.plate("data", Y.length, p -> m.observe("y", Normal.of(mu, Var.constant(SIGMA)), Tensor.of(Y)));
        };
        double mean = 0;
        for (double v : Y) {
            mean += v / Y.length;
        }
        double sd = SIGMA / Math.sqrt(Y.length);
        Fit fit = Svi.builder(model).guide(AutoGuide.meanField())
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01)))
                .numParticles(16).maxSteps(3000).convergence(Convergence.none()).seed(1).build().run();
        double loc = ((GuidePosterior) fit.posterior()).location("mu").item();
        double scale = ((GuidePosterior) fit.posterior()).scale("mu").item();
        // tolerances as SviConjugateTest: the last iterates of Adam scatter by about 1% of sd
        assertThat(Math.abs(loc - mean)).as("posterior mean %s vs exact %s", loc, mean).isLessThan(0.03 * sd);
        assertThat(Math.abs(scale / sd - 1)).as("posterior sd %s vs exact %s", scale, sd).isLessThan(0.03);
    }

    /**
     * {@code μ ~ N(0, 5²) I(μ_0 < μ_1)} written as a flat prior on ordered pairs plus a factor;
     * ten observations {@code N(μ_k, 1)} per component. The components are 4 apart with posterior
     * sds about 0.32, so the ordering truncates a mass below 1e-15 and the exact posterior is the
     * untruncated one: {@code μ_k ~ N(Σ y_k / (10 + 1/25), 1 / (10 + 1/25))}. Full-rank guide, 8
     * particles; posterior means from 4000 draws (MC error about 0.005), tolerance 0.05.
     */
    @Test
    void anOrderedFlatPriorWithANormalFactorFitsWithParticles() {
        double[] y = new double[20];
        for (int i = 0; i < 10; i++) {
            y[2 * i] = -2 + 0.7 * Math.sin(3.1 * i);
            y[2 * i + 1] = 2 + 0.7 * Math.cos(1.7 * i);
        }
        Tensor data = Tensor.of(y, 10, 2);
        Model model = m -> {
            Var mu = m.sample("mu", ImproperUniform.of(Constraint.ordered(), 2));
            m.factor("mu_prior", Normal.of(0, 5).logProb(mu).sum(-1));
            m.plate("obs", 10, p -> m.observe("y", Normal.of(mu, Var.constant(1.0)).toEvent(1), data));
        };
        Fit fit = Svi.builder(model).guide(AutoGuide.fullRank())
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01)))
                .numParticles(8).maxSteps(3000).seed(2).build().run();
        double[] draws = fit.posterior().sample("mu", 4000, io.github.elbo4j.random.RandomStream.of(9)).toArray();
        double precision = 10 + 1 / 25.0;
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += y[2 * i + k];
            }
            double exact = sum / precision;
            double mean = 0;
            for (int i = 0; i < 4000; i++) {
                mean += draws[2 * i + k] / 4000;
            }
            assertThat(Math.abs(mean - exact)).as("mu[%d] posterior mean %s vs exact %s", k, mean, exact).isLessThan(0.05);
        }
        for (int i = 0; i < 4000; i++) {
            assertThat(draws[2 * i]).isLessThan(draws[2 * i + 1]);
        }
    }
}
