package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.junit.jupiter.api.Test;

/**
 * A hand-written guide that draws only the continuous site, with the labels enumerated: the fit
 * compiles (the prototype does not ask the guide for the labels) and reaches the exact posterior
 * mean of {@code μ} in {@code μ ~ N(0, 10²)}, {@code z_i ~ Bernoulli(0.3)}, {@code x_i ~ N(μ + 3 z_i, 1)},
 * computed here by quadrature on a grid ({@code p(μ | x) ∝ N(μ | 0, 10²) Π_i [0.7 N(x_i | μ, 1) + 0.3 N(x_i | μ + 3, 1)]}).
 * With 60 points the posterior is close to Gaussian (sd 0.177), so the Gaussian guide's mean
 * is the posterior mean up to skew terms well under 0.1 sd; the last iterate of Adam annealed to 1%
 * scatters by a few percent of sd (SviConjugateTest's tolerances; measured here 0.04 sd). Tolerance 0.15 sd; a fit whose
 * labels were drawn from their prior instead of summed out would miss by about 0.9 / 0.15 = 6 sd
 * (the mean of x shifts by 3 · 0.3). The guide's scale matches the exact sd too (0.176 vs 0.177):
 * checked within 10%.
 */
class EnumeratedHandWrittenGuideTest {

    @Test
    void aHandWrittenGuideOverTheContinuousSiteReachesTheExactPosteriorMean() {
        RandomStream rng = RandomStream.of(12);
        double[] e = Normal.of(0, 1).sample(rng.split(0), 60).toArray();
        double[] u = io.github.elbo4j.distribution.continuous.Uniform.of(0, 1).sample(rng.split(1), 60).toArray();
        double[] x = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.0 + (u[i] < 0.3 ? 3.0 : 0.0) + e[i];
        }
        Model model = m -> {
            Var mu = m.sample("mu", Normal.of(0, 10));
            m.plate("data", x.length, p -> {
                Var z = m.sample("z", Bernoulli.ofProbs(0.3));
                m.observe("x", Normal.of(mu.add(z.mul(3.0)), 1.0), Tensor.of(x));
            });
        };
        Model guide = m -> {
            Var loc = m.param("loc", Tensor.scalar(0.0));
            Var scale = m.param("scale", Tensor.scalar(1.0), Constraint.positive());
            m.sample("mu", Normal.of(loc, scale));
        };
        int steps = 3000;
        Fit fit = Svi.builder(model).guide(guide).elbo(ElboEstimator.traceEnum())
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(steps, 0.01))).numParticles(4).maxSteps(steps)
                .convergence(Convergence.none()).diagnosticDraws(0).seed(2).build().run();

        double[] grid = new double[4001];
        double[] logPost = new double[grid.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < grid.length; g++) {
            grid[g] = -1.0 + 4.0 * g / (grid.length - 1);
            double lp = -0.5 * grid[g] * grid[g] / 100;
            for (double xi : x) {
                lp += Math.log(0.7 * Math.exp(-0.5 * (xi - grid[g]) * (xi - grid[g]))
                        + 0.3 * Math.exp(-0.5 * (xi - grid[g] - 3) * (xi - grid[g] - 3)));
            }
            logPost[g] = lp;
            max = Math.max(max, lp);
        }
        double z = 0;
        double m1 = 0;
        double m2 = 0;
        for (int g = 0; g < grid.length; g++) {
            double w = Math.exp(logPost[g] - max);
            z += w;
            m1 += w * grid[g];
            m2 += w * grid[g] * grid[g];
        }
        double mean = m1 / z;
        double sd = Math.sqrt(m2 / z - mean * mean);
        double loc = fit.parameter("loc").item();
        assertThat(sd).isBetween(0.1, 0.3);
        assertThat(Math.abs(loc - mean)).as("guide mean %s vs exact %s (sd %s)", loc, mean, sd).isLessThan(0.15 * sd);
        assertThat(fit.parameter("scale").item() / sd).as("guide sd over exact sd").isBetween(0.9, 1.1);
    }
}
