package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.distribution.discrete.Binomial;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.elbo.ElboInputs;
import io.github.elbo4j.infer.elbo.ElboStep;
import io.github.elbo4j.infer.elbo.ScoreFunctionElbo;
import io.github.elbo4j.infer.elbo.TraceElbo;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Beta-Binomial coin of seeds 001/003 by SVI with a Beta guide drawn by implicit
 * reparameterization. Prior {@code Beta(a, b)}, {@code k} heads in {@code n} flips: the exact
 * posterior is {@code Beta(a + k, b + n - k)} and the log evidence is
 * {@code log C(n, k) + log B(a + k, b + n - k) - log B(a, b)}.
 */
class SviBetaBinomialTest {

    private static final double A = 2;
    private static final double B = 2;
    private static final int N = 20;
    private static final int K = 14;

    private static final Model COIN = m -> {
        Var theta = m.sample("theta", Beta.of(A, B));
        m.observe("k", Binomial.ofProbs(Tensor.scalar(N), theta), Tensor.scalar(K));
    };

    private static final Model BETA_GUIDE = m -> {
        Var alpha = m.param("alpha", Tensor.scalar(1.0), new Constraint.Positive());
        Var beta = m.param("beta", Tensor.scalar(1.0), new Constraint.Positive());
        m.sample("theta", Beta.of(alpha, beta));
    };

    static double logEvidence() {
        double logChoose = SpecialFunctions.lgamma(N + 1) - SpecialFunctions.lgamma(K + 1) - SpecialFunctions.lgamma(N - K + 1);
        return logChoose + SpecialFunctions.logBeta(A + K, B + N - K) - SpecialFunctions.logBeta(A, B);
    }

    @Test
    void betaGuideRecoversTheExactPosteriorAndTheElboGapCloses() {
        Fit fit = Svi.builder(COIN).guide(BETA_GUIDE)
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(4000, 0.01)))
                .numParticles(32).maxSteps(4000).seed(7).build().run();
        double alpha = fit.parameter("alpha").item();
        double beta = fit.parameter("beta").item();
        assertThat(alpha / (A + K)).as("alpha %s vs exact %s", alpha, A + K).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(beta / (B + N - K)).as("beta %s vs exact %s", beta, B + N - K).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));

        // ELBO <= log evidence for every q; with q = the exact posterior every draw's log p(x, z) - log q(z) equals log p(x).
        double[] trace = fit.elboTrace().values();
        double early = 0;
        for (int i = 0; i < 50; i++) {
            early += trace[i] / 50;
        }
        assertThat(early).isLessThan(logEvidence());
        Model exact = m -> m.sample("theta", Beta.of(A + K, B + N - K));
        Handler none = new Handler() { };
        for (int seed = 0; seed < 5; seed++) {
            double e = new TraceElbo().estimate(new ElboInputs(COIN, exact, none, RandomStream.of(seed), 16, 0)).elbo();
            assertThat(e).isCloseTo(logEvidence(), org.assertj.core.data.Offset.offset(1e-10));
        }
    }

    /**
     * A discrete latent {@code z ~ Bernoulli(0.3)}, {@code x ~ N(2z - 1, 1)} with {@code x = 0.5}
     * observed, guide {@code z ~ Bernoulli(σ(φ))}: the score-function gradient in {@code φ} with a
     * running-average baseline has a much smaller variance than without one (both unbiased).
     */
    @Test
    void baselineReducesTheScoreFunctionGradientVariance() {
        Model model = m -> {
            Var z = m.sample("z", Bernoulli.ofProbs(0.3));
            m.observe("x", Normal.of(z.mul(2.0).sub(1.0), Var.constant(1.0)), Tensor.scalar(0.5));
        };
        Model guide = m -> m.sample("z", Bernoulli.ofLogits(m.param("phi", Tensor.scalar(0.0))));
        double[] with = gradients(ScoreFunctionElbo.withBaseline(0.9), model, guide);
        double[] without = gradients(ScoreFunctionElbo.withoutBaseline(), model, guide);
        double ratio = variance(with) / variance(without);
        // Same expectation (unbiased) within 4 standard errors of the difference of means.
        double se = Math.sqrt(variance(with) / with.length + variance(without) / without.length);
        assertThat(Math.abs(mean(with) - mean(without))).isLessThan(4 * se);
        assertThat(ratio).as("variance ratio with/without baseline").isLessThan(0.2);
    }

    private static double[] gradients(ScoreFunctionElbo estimator, Model model, Model guide) {
        ElboEstimator e = estimator.fresh();
        int warmup = 200;
        double[] g = new double[4000];
        for (int r = 0; r < warmup + g.length; r++) {
            Tape tape = new Tape();
            Var phi = tape.variable(0.0);
            ElboStep s = e.estimate(new ElboInputs(model, guide, new SubstituteHandler(Map.of("phi", phi)), RandomStream.of(r), 1, 0));
            double grad = tape.gradient(s.loss(), phi).get(0).item();
            if (r >= warmup) {
                g[r - warmup] = grad;
            }
        }
        return g;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
