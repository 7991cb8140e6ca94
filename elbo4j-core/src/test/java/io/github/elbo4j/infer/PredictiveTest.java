package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Sgd;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Posterior predictive draws: Normal-Normal with known noise, {@code μ ~ N(0, 2²)},
 * {@code x_i ~ N(μ, 1)}. The posterior is {@code N(μ_N, τ_N²)}; a new observation is
 * {@code N(μ_N, 1 + τ_N²)} (Gelman et al., BDA3, sec. 2.5). A deterministic site {@code 2μ} is drawn too.
 */
class PredictiveTest {

    private static final double[] X = {0.3, 1.1, -0.2, 0.9};

    private static final Model MODEL = m -> {
        Var mu = m.sample("mu", Normal.of(0, 2));
        m.deterministic("twice", mu.mul(2));
        m.plate("data", X.length, p -> m.observe("x", Normal.of(mu.reshape(-1, 1), Var.constant(1.0)), Tensor.of(X)));
    };

    @Test
    void predictiveDrawsHaveThePosteriorPredictiveMoments() {
        double precision = 1 / 4.0 + X.length;
        double tau2 = 1 / precision;
        double muN = (0.3 + 1.1 - 0.2 + 0.9) / precision;
        Fit fit = Svi.builder(MODEL).guide(AutoGuide.meanField()).seed(4).build().run();
        int n = 100_000;
        Map<String, Tensor> draws = fit.posterior().predictive(MODEL, n, RandomStream.of(8));
        assertThat(draws.get("x").shape()).containsExactly(n, X.length);
        assertThat(draws.get("twice").shape()).containsExactly(n);
        double[] x0 = draws.get("x").slice(1, 0, 1).toArray();
        double mean = 0;
        for (double v : x0) {
            mean += v / n;
        }
        double var = 0;
        for (double v : x0) {
            var += (v - mean) * (v - mean) / (n - 1);
        }
        double sd = Math.sqrt(1 + tau2);
        // 4 standard errors of the mean and of the variance (sd² √(2/n))
        assertThat(mean).isCloseTo(muN, within(4 * sd / Math.sqrt(n)));
        assertThat(var).isCloseTo(1 + tau2, within(4 * (1 + tau2) * Math.sqrt(2.0 / n)));
        double[] mu = draws.get("mu").toArray();
        double[] twice = draws.get("twice").toArray();
        for (int i = 0; i < 10; i++) {
            assertThat(twice[i]).isEqualTo(2 * mu[i]);
        }
    }

    @Test
    void aFitStoppedByItsBudgetSaysSoInItsVerdict() {
        Fit fit = Svi.builder(MODEL).guide(AutoGuide.meanField()).optimizer(Sgd.lr(1e-4)).maxSteps(50).seed(1).build().run();
        assertThat(fit.stopReason()).isEqualTo(StopReason.BUDGET);
        assertThat(fit.verdict().isWarning()).isTrue();
        assertThat(fit.verdict().reasons().get(0)).startsWith("not converged: the budget ran out").contains("raise the step budget");
    }
}
