package io.github.elbo4j.infer.elbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.SviChainTest;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ELBO estimators on fixed models and guides, against exact quantities. The chain of seed 003
 * ({@code z1 ~ N(0,1), z2 ~ N(z1,1), x ~ N(z2,1)}) has evidence {@code x ~ N(0, 3)}, so
 * {@code log p(x=3) = log N(3; 0, √3)}. Monte Carlo comparisons use 4 standard errors.
 */
class EstimatorTest {

    private static final double X = 3.0;
    private static final double LOG_EVIDENCE = -0.5 * Math.log(2 * Math.PI * 3) - X * X / 6;
    private static final Handler NO_PARAMS = new Handler() { };

    private static final Model GUIDE = m -> {
        m.sample("z1", Normal.of(0.8, 0.8));
        m.sample("z2", Normal.of(1.7, 0.8));
    };

    private static double[] estimates(ElboEstimator e, int particles, int reps) {
        double[] out = new double[reps];
        for (int r = 0; r < reps; r++) {
            out[r] = e.estimate(new ElboInputs(SviChainTest.CHAIN, GUIDE, NO_PARAMS, RandomStream.of(r), particles, 0)).elbo();
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double standardError(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }

    @Test
    void importanceWeightedBoundRisesWithKAndStaysBelowTheEvidence() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int k : new int[] {1, 4, 16, 64}) {
            double[] est = estimates(ElboEstimator.importanceWeighted(), k, 400);
            double m = mean(est);
            double se = standardError(est);
            assertThat(m).as("IWAE K=%d", k).isGreaterThan(previous);
            assertThat(m).as("IWAE K=%d below log p(x) = %s", k, LOG_EVIDENCE).isLessThan(LOG_EVIDENCE + 4 * se);
            previous = m;
        }
        double elbo = mean(estimates(ElboEstimator.trace(), 1, 400));
        double iwae64 = mean(estimates(ElboEstimator.importanceWeighted(), 64, 400));
        assertThat(iwae64).isGreaterThan(elbo);
    }

    @Test
    void importanceWeightedBoundIsAtLeastTheElboOnEverySeed() {
        for (int seed = 0; seed < 50; seed++) {
            ElboInputs in = new ElboInputs(SviChainTest.CHAIN, GUIDE, NO_PARAMS, RandomStream.of(seed), 32, 0);
            double iwae = ElboEstimator.importanceWeighted().estimate(in).elbo();
            double elbo = ElboEstimator.trace().estimate(in).elbo();
            // log mean(w) >= mean(log w) on the same draws (Jensen), exactly.
            assertThat(iwae).isGreaterThanOrEqualTo(elbo);
        }
    }

    @Test
    void renyiBoundOfOrderZeroIsTheImportanceWeightedBound() {
        ElboInputs in = new ElboInputs(SviChainTest.CHAIN, GUIDE, NO_PARAMS, RandomStream.of(9), 16, 0);
        assertThat(ElboEstimator.renyi(0.0).estimate(in).elbo())
                .isCloseTo(ElboEstimator.importanceWeighted().estimate(in).elbo(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void traceElboIsBelowTheEvidence() {
        double[] est = estimates(ElboEstimator.trace(), 1, 2000);
        assertThat(mean(est)).isLessThan(LOG_EVIDENCE);
    }

    /** Normal–Normal: with the guide at the exact posterior, every sticking-the-landing gradient is exactly zero. */
    @Test
    void sticksTheLandingGradientVanishesAtTheExactPosterior() {
        // prior N(0,1), one observation x=2 with sd 1: posterior N(1, 1/2)
        Model model = m -> {
            Var mu = m.sample("mu", Normal.of(0, 1));
            m.observe("x", Normal.of(mu, Var.constant(1.0)), Tensor.scalar(2.0));
        };
        double stlSumSq = 0;
        double traceSumSq = 0;
        for (int seed = 0; seed < 20; seed++) {
            stlSumSq += Math.pow(gradientOfLoc(new SticksTheLandingElbo(), model, seed), 2);
            traceSumSq += Math.pow(gradientOfLoc(new TraceElbo(), model, seed), 2);
        }
        assertThat(stlSumSq).isLessThan(1e-24);
        assertThat(traceSumSq).isGreaterThan(1e-3);
    }

    private static double gradientOfLoc(ElboEstimator e, Model model, long seed) {
        Tape tape = new Tape();
        Var loc = tape.variable(1.0);
        Var scale = tape.variable(Math.sqrt(0.5));
        Model guide = m -> m.sample("mu", Normal.of(m.param("loc", Tensor.scalar(0)), m.param("scale", Tensor.scalar(1))));
        Handler params = new SubstituteHandler(Map.of("loc", loc, "scale", scale));
        ElboStep s = e.estimate(new ElboInputs(model, guide, params, RandomStream.of(seed), 1, 0));
        return tape.gradient(s.loss(), loc).get(0).item();
    }

    @Test
    void analyticKlElboHasTheSameExpectationAsTheTraceElbo() {
        Model guide = m -> {
            m.sample("z1", Normal.of(0.8, 0.8));
            m.sample("z2", Normal.of(1.7, 0.8));
        };
        double[] mc = new double[2000];
        double[] kl = new double[2000];
        for (int r = 0; r < mc.length; r++) {
            mc[r] = new TraceElbo().estimate(new ElboInputs(SviChainTest.CHAIN, guide, NO_PARAMS, RandomStream.of(r), 1, 0)).elbo();
            kl[r] = new AnalyticKlElbo().estimate(new ElboInputs(SviChainTest.CHAIN, guide, NO_PARAMS, RandomStream.of(r), 1, 0)).elbo();
        }
        double se = Math.hypot(standardError(mc), standardError(kl));
        assertThat(Math.abs(mean(mc) - mean(kl))).isLessThan(4 * se);
        // No variance claim: analytic KL is not always less noisy (near the optimum the Monte Carlo
        // terms log p(z) - log q(z) cancel the likelihood's fluctuations).
    }
}
