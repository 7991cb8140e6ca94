package io.github.elbo4j.infer.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.LowRankMultivariateNormal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuideAttempt;
import io.github.elbo4j.infer.GuidePosterior;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AutoGuide.auto()}: mean field, low rank, full rank, flow, stopping at the first whose PSIS
 * check passes. Each model is chosen so the outcome follows from theory: for a Gaussian posterior
 * and a Gaussian {@code q} with variance {@code σ_q²} against {@code σ_p² > σ_q²} along some axis,
 * the ratios {@code p/q} have the Pareto tail index {@code k = 1 - σ_q²/σ_p²} (the tail of
 * {@code exp(a x²/2)} under {@code x ~ N(0, σ_q²)}, {@code a = 1/σ_q² - 1/σ_p²}).
 */
class AutoChoiceTest {

    /** Independent coordinates: mean field is exact ({@code k = 0}), so the search stops there. */
    @Test
    void anIndependentGaussianPosteriorStopsAtMeanField() {
        Model independent = m -> {
            Var b = m.sample("b", Normal.of(Tensor.zeros(3), Tensor.ones(3)).toEvent(1));
            m.observe("y", Normal.of(b, Var.constant(Tensor.of(1.0, 0.5, 2.0))).toEvent(1), Tensor.of(0.3, -1.0, 2.0));
        };
        Fit fit = Svi.builder(independent).guide(AutoGuide.auto()).seed(1).build().run();
        assertThat(fit.attempts()).hasSize(1);
        GuideAttempt a = fit.attempts().get(0);
        assertThat(a.guide()).isEqualTo("meanfield");
        assertThat(a.passed()).isTrue();
        assertThat(a.gradientEvaluations()).isPositive();
        assertThat(a.elbo()).isEqualTo(fit.diagnostics().elbo());
        assertThat(fit.verdict().level()).isNotEqualTo(Verdict.Level.DO_NOT_TRUST);
        assertThat(fit.provenance().settings().get("guide")).isEqualTo("auto: meanfield");
        assertThat(fit.method()).startsWith("automatic guide choice: deterministic VI");
    }

    /**
     * A one-factor prior {@code β ~ N(0, 0.05 I + 9 · 11ᵀ)} in three coordinates and one noisy
     * measurement of each ({@code s = 3}): the posterior correlation is 0.98 and mean field's
     * variance along the principal axis is 1.1% of the posterior's, so {@code k ≈ 0.99} and mean
     * field fails; the posterior covariance is diagonal plus rank 1, so low rank (default rank
     * {@code round(√3) = 2}) holds it exactly and passes.
     */
    @Test
    void aCorrelatedPosteriorEscalatesPastMeanFieldToLowRank() {
        Fit fit = Svi.builder(CORRELATED).guide(AutoGuide.auto()).seed(1).build().run();
        List<GuideAttempt> attempts = fit.attempts();
        assertThat(attempts).extracting(GuideAttempt::guide).containsExactly("meanfield", "lowrank");
        assertThat(attempts).extracting(GuideAttempt::passed).containsExactly(false, true);
        assertThat(attempts.get(0).paretoK().getAsDouble()).isGreaterThanOrEqualTo(0.7);
        assertThat(attempts.get(1).elbo()).isGreaterThan(attempts.get(0).elbo());
        Tensor cov = ((GuidePosterior) fit.posterior()).moments().orElseThrow().covariance();
        assertThat(cov.sub(exactCovariance()).map(Math::abs).max().item()).isLessThan(1e-4);
        assertThat(fit.notes().get(0)).isEqualTo("automatic guide choice: tried meanfield (k-hat "
                + String.format(java.util.Locale.ROOT, "%.2f", attempts.get(0).paretoK().getAsDouble()) + "), lowrank (k-hat "
                + String.format(java.util.Locale.ROOT, "%.2f", attempts.get(1).paretoK().getAsDouble())
                + "); chose lowrank, the first that passed");
    }

    static final Model CORRELATED = m -> {
        Var b = m.sample("b", LowRankMultivariateNormal.of(Tensor.zeros(3), Tensor.of(new double[] {3, 3, 3}, 3, 1), Tensor.full(0.05, 3)));
        m.observe("y", Normal.of(b, Var.constant(Tensor.full(3.0, 3))).toEvent(1), Tensor.of(0.3, -1.0, 2.0));
    };

    /** {@code ((0.05 I + 9 · 11ᵀ)⁻¹ + I/9)⁻¹}. */
    static Tensor exactCovariance() {
        Tensor prior = Tensor.full(9.0, 3, 3).add(Tensor.eye(3).mul(0.05));
        Tensor precision = LinearAlgebra.choleskyInverse(LinearAlgebra.cholesky(prior)).add(Tensor.eye(3).div(9));
        return LinearAlgebra.choleskyInverse(LinearAlgebra.cholesky(precision));
    }

    /**
     * Neal's funnel ({@code v ~ N(0, 3²)}, {@code x_i ~ N(0, e^v)}, nine {@code x}) has no Gaussian
     * approximation with light-enough tails: every Gaussian attempt reads {@code k̂ ≥ 0.7}. With a
     * budget of 300 steps the flow is not trained enough either (its {@code k̂} at this seed is 0.76),
     * so none passes: the fit says so (DO NOT TRUST, first reason) and is the attempt with the
     * highest ELBO.
     */
    @Test
    void theFunnelReportsThatNoGuidePassesAndReturnsTheHighestElbo() {
        Model funnel = m -> {
            Var v = m.sample("v", Normal.of(0, 3));
            m.sample("x", Normal.of(Var.constant(Tensor.zeros(9)), v.mul(0.5).exp().reshape(-1, 1)).toEvent(1));
        };
        Fit fit = Svi.builder(funnel).guide(AutoGuide.auto()).maxSteps(300).seed(1).build().run();
        List<GuideAttempt> attempts = fit.attempts();
        assertThat(attempts).extracting(GuideAttempt::guide).containsExactly("meanfield", "lowrank", "fullrank",
                AutoGuide.flow().settingsName());
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.passed()).isFalse();
            assertThat(a.paretoK().getAsDouble()).isGreaterThanOrEqualTo(0.7);
        });
        double best = attempts.stream().mapToDouble(GuideAttempt::elbo).max().orElseThrow();
        assertThat(fit.diagnostics().elbo()).isEqualTo(best);
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.DO_NOT_TRUST);
        assertThat(fit.verdict().reasons().get(0)).startsWith("no guide passed the PSIS check (k-hat below min(0.7, 1 - 1/log10 S)) "
                + "among meanfield (k-hat");
    }

    @Test
    void theAttemptsTravelWithASavedFit(@TempDir Path dir) {
        Fit fit = Svi.builder(CORRELATED).guide(AutoGuide.auto()).seed(1).build().run();
        Path file = dir.resolve("auto.json");
        fit.save(file);
        Fit loaded = Fit.load(file, CORRELATED);
        assertThat(loaded.attempts()).isEqualTo(fit.attempts());
        assertThat(loaded.summary()).isEqualTo(fit.summary());
    }

    @Test
    void theChoiceNeedsThePsisCheck() {
        assertThatThrownBy(() -> Svi.builder(CORRELATED).guide(AutoGuide.auto()).diagnosticDraws(0).build().run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AutoGuide.auto() chooses by the PSIS check, so diagnosticDraws must not be 0 (off)");
    }

    @Test
    void theChoiceIsMadeByRunNotByTheStepApi() {
        Svi svi = Svi.builder(CORRELATED).guide(AutoGuide.auto()).build();
        assertThatThrownBy(svi::init).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AutoGuide.auto() fits one guide after another: use run(), not init(), update(), advance() or resume()");
    }

    @Test
    void lowRankAndFullRankAreLeftOutWhereTheyAddNothing() {
        AutoChoice choice = new AutoChoice();
        assertThat(choice.candidates(1)).extracting(AutoGuide::familyName).containsExactly("meanfield", "flow");
        assertThat(choice.candidates(2)).extracting(AutoGuide::familyName).containsExactly("meanfield", "fullrank", "flow");
        assertThat(choice.candidates(3)).extracting(AutoGuide::familyName).containsExactly("meanfield", "lowrank", "fullrank", "flow");
    }
}
