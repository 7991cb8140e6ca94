package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.discrete.Binomial;
import io.github.elbo4j.distribution.discrete.Poisson;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * MAP by {@link AutoGuide#delta()}: the fitted point must be the mode of the posterior DENSITY in
 * constrained space, known exactly for conjugate models. The mode in the unconstrained coordinates
 * is a different point (the density there carries the Jacobian of the bijector), so these tests
 * catch a point-mass guide that adds the log-Jacobian (as the ADVI guides must, and MAP must not),
 * a point reported in unconstrained space, and an initial point that is never moved.
 */
class AutoDeltaTest {

    private static Fit map(Model model) {
        return Svi.builder(model).guide(AutoGuide.delta()).maxSteps(3000).seed(5)
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01))).build().run();
    }

    private static double point(Fit fit, String site) {
        Tensor draws = fit.posterior().sample(site, 3, RandomStream.of(1));
        assertThat(draws.toArray()).as("a point mass: every draw is the point").containsOnly(draws.toArray()[0]);
        return draws.toArray()[0];
    }

    /**
     * Prior {@code Beta(2, 2)}, 14 heads in 20: posterior {@code Beta(16, 8)} with mode
     * {@code (a + k - 1)/(a + b + n - 2) = 15/22 = 0.6818}. With the logit's Jacobian the maximized
     * density is that of {@code Beta(16, 8)} times {@code θ(1 - θ)}, whose mode is {@code 16/24 = 0.6667}.
     */
    @Test
    void mapOfTheBetaBinomialCoinIsThePosteriorMode() {
        Model coin = m -> {
            Var theta = m.sample("theta", Beta.of(2, 2));
            m.observe("k", Binomial.ofProbs(Tensor.scalar(20), theta), Tensor.scalar(14));
        };
        Fit fit = map(coin);
        assertThat(point(fit, "theta")).isCloseTo(15.0 / 22, offset(1e-3));
        // log p(x, θ) at the mode is the fit's objective: the last step's ELBO is log p(x, θ̂) (no entropy).
        double mode = 15.0 / 22;
        double logJoint = Beta.of(2, 2).logProb(Tensor.scalar(mode)).item()
                + Binomial.ofProbs(Tensor.scalar(20), Tensor.scalar(mode)).logProb(Tensor.scalar(14)).item();
        assertThat(fit.elboTrace().last()).isCloseTo(logJoint, offset(1e-6));
    }

    /**
     * Prior {@code Gamma(3, rate 2)}, Poisson counts 4, 7, 5, 6: posterior {@code Gamma(3 + 22, 2 + 4)}
     * with mode {@code (α + Σx - 1)/(β + n) = 24/6 = 4}. With the log's Jacobian the mode would be
     * {@code 25/6 = 4.1667}.
     */
    @Test
    void mapOfAGammaPoissonRateIsThePosteriorMode() {
        Model counts = m -> {
            Var rate = m.sample("rate", Gamma.of(3, 2));
            m.plate("data", 4, p -> m.observe("x", Poisson.of(rate), Tensor.of(4, 7, 5, 6)));
        };
        assertThat(point(map(counts), "rate")).isCloseTo(4.0, offset(1e-3));
    }
}
