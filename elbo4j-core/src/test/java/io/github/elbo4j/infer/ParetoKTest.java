package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfCauchy;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * PSIS {@code k̂} after every fit, by behaviour (Yao et al., ICML 2018, sec. 4): near or below 0
 * when the guide family contains the posterior; 0.7 or more when a Gaussian guide meets a funnel
 * (Neal's funnel, d = 10; centered eight schools), and then the verdict says not to trust the fit.
 */
class ParetoKTest {

    private static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
    private static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

    /** Neal (2003): v ~ N(0, 3), x_i | v ~ N(0, e^{v/2}), i = 1..9. */
    static final Model FUNNEL = m -> {
        Var v = m.sample("v", Normal.of(0, 3));
        m.plate("coordinates", 9, p -> m.sample("x", Normal.of(Var.constant(0.0), v.mul(0.5).exp())));
    };

    static final Model CENTERED_EIGHT_SCHOOLS = m -> {
        Var mu = m.sample("mu", Normal.of(0, 5));
        Var tau = m.sample("tau", HalfCauchy.of(5));
        m.plate("schools", 8, p -> {
            Var theta = m.sample("theta", Normal.of(mu, tau));
            m.observe("y", Normal.of(theta, Var.constant(Tensor.of(SIGMA))), Tensor.of(Y));
        });
    };

    @Test
    void aGuideThatContainsTheExactPosteriorGetsAGoodVerdict() {
        Model normalNormal = m -> {
            Var mu = m.sample("mu", Normal.of(0, 2));
            m.plate("data", 4, p -> m.observe("x", Normal.of(mu, Var.constant(1.0)), Tensor.of(0.3, 1.1, -0.2, 0.9)));
        };
        Fit fit = Svi.builder(normalNormal).guide(AutoGuide.meanField()).seed(3).build().run();
        assertThat(fit.paretoK().getAsDouble()).isLessThan(0.5);
        assertThat(fit.diagnostics().importanceEss()).isGreaterThan(0.99 * fit.diagnostics().draws());
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.GOOD);
    }

    /**
     * The Beta-Binomial coin (Beta(2, 2) prior, 6 heads in 10) with the default guide: q is
     * logit-normal, the posterior Beta(8, 6), whose logit has exponential tails, so the importance
     * ratios have a heavy far tail and k-hat from 1,000 draws scatters from 0.26 to 2.5 over seeds
     * although q is nearly exact (ESS 99.9 %). The verdict must not call such a fit untrustworthy:
     * the log ratios' sd stays below 0.1, KL(q || p) below 0.005 nats. Catches a verdict that reads
     * k-hat alone.
     */
    @Test
    void aNearlyExactFitWithHeavyFarTailsIsUsableNotUntrustworthy() {
        Model coin = m -> {
            Var theta = m.sample("theta", io.github.elbo4j.distribution.continuous.Beta.of(2, 2));
            m.observe("k", io.github.elbo4j.distribution.discrete.Binomial.ofProbs(Tensor.scalar(10), theta), Tensor.scalar(6));
        };
        boolean sawLargeK = false;
        for (long seed = 1; seed <= 6; seed++) {
            Fit fit = Svi.builder(coin).seed(seed).build().run();
            assertThat(fit.diagnostics().logRatioSd()).isLessThan(0.1);
            assertThat(fit.verdict().level()).as("seed %d: %s", seed, fit.verdict()).isIn(Verdict.Level.GOOD, Verdict.Level.USABLE);
            sawLargeK |= fit.paretoK().getAsDouble() >= 0.7;
        }
        assertThat(sawLargeK).as("the premise: k-hat alone would have said do not trust").isTrue();
    }

    /**
     * The same on a simplex: a Dirichlet(1, 1, 1) prior and 15 categorical observations (counts 4, 3,
     * 8), posterior Dirichlet(5, 4, 9), mean field through the stick-breaking bijector. q is near
     * exact (p[2]'s mean within 0.1 sd of 0.5, its sd within 10 % of 0.1147), k-hat from the
     * default 256 draws read 0.71 and 0.69 at seeds 1 and 3 (do not trust under the old 0.005 rule,
     * with KL estimates 0.009), 0.52 and 0.08 at seeds 2 and 4. Catches a negligible-KL rule too
     * tight for a simplex's exponential tails.
     */
    @Test
    void aNearlyExactDirichletFitIsNotFlagged() {
        double[] c = {0, 0, 1, 2, 2, 2, 1, 0, 2, 2, 2, 2, 0, 1, 2};
        Tensor y = Tensor.of(c);
        Model model = m -> {
            Var p = m.sample("p", io.github.elbo4j.distribution.multivariate.Dirichlet.of(Tensor.of(1, 1, 1)));
            m.plate("data", c.length, pl -> m.observe("y", io.github.elbo4j.distribution.discrete.Categorical.ofProbs(p), y));
        };
        boolean sawLargeK = false;
        for (long seed = 1; seed <= 4; seed++) {
            Fit fit = Svi.builder(model).guide(AutoGuide.meanField()).seed(seed).build().run();
            assertThat(fit.verdict().level()).as("seed %d: %s", seed, fit.verdict()).isIn(Verdict.Level.GOOD, Verdict.Level.USABLE);
            SiteSummary p2 = fit.summary().stream().filter(s -> s.name().equals("p[2]")).findFirst().orElseThrow();
            assertThat(p2.mean()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.1 * 0.1147));
            assertThat(p2.sd() / 0.1147).isBetween(0.9, 1.1);
            sawLargeK |= fit.paretoK().getAsDouble() >= Math.min(0.7, fit.diagnostics().threshold());
        }
        assertThat(sawLargeK).as("the premise: k-hat alone would have said do not trust").isTrue();
    }

    @Test
    void meanFieldOnNealsFunnelIsFlaggedAsNotToBeTrusted() {
        Fit fit = Svi.builder(FUNNEL).guide(AutoGuide.meanField()).seed(1).build().run();
        assertThat(fit.paretoK().getAsDouble()).isGreaterThanOrEqualTo(0.7);
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.DO_NOT_TRUST);
        assertThat(fit.verdict().isWarning()).isTrue();
        assertThat(fit.diagnostics().klEstimate()).isGreaterThan(Verdict.NEGLIGIBLE_KL);
        assertThat(fit.verdict().reasons().get(0)).startsWith("Pareto k-hat").contains("far from the posterior");
    }

    @Test
    void meanFieldOnCenteredEightSchoolsIsFlaggedAsNotToBeTrusted() {
        Fit fit = Svi.builder(CENTERED_EIGHT_SCHOOLS).guide(AutoGuide.meanField()).seed(1).build().run();
        assertThat(fit.paretoK().getAsDouble()).isGreaterThanOrEqualTo(0.7);
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.DO_NOT_TRUST);
    }
}
