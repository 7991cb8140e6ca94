package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Sgd;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SviFailureTest {

    private static final Model MODEL = m -> {
        Var mu = m.sample("mu", Normal.of(0, 1));
        m.observe("x", Normal.of(mu, Var.constant(0.1)), Tensor.of(1.0, 1.2, 0.9));
    };

    @Test
    void anExplodingStepSizeStopsTheFitWithTheStepAndTheSite() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Svi.builder(MODEL)
                .guide(AutoGuide.meanField())
                .optimizer(Sgd.lr(1e6))
                .maxSteps(100)
                .seed(1).build()
                .run());
        assertThat(thrown).isInstanceOf(DivergenceException.class);
        DivergenceException d = (DivergenceException) thrown;
        assertThat(d.step()).isGreaterThan(0);
        assertThat(d.site()).isNotBlank();
        assertThat(d.getMessage()).contains("diverged at step " + d.step());
        assertThat(Double.isFinite(d.lastFiniteElbo())).isTrue();
        assertThat(d.lastGoodParameters().get("auto_loc").allFinite()).isTrue();
        assertThat(d.lastGoodParameters()).containsOnlyKeys("auto_loc", "auto_scale");
        assertThat(d.lastGoodParameters().get("auto_scale").allFinite()).isTrue();
    }

    @Test
    void severalParticlesWithoutAPlateExplainTheFix() {
        assertThatThrownBy(() -> Svi.builder(MODEL).method(Svi.Method.STOCHASTIC).numParticles(8).maxSteps(5).build().run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with 8 particles").hasMessageContaining("m.plate(...)");
    }

    @Test
    void convergenceStopsBeforeTheBudgetAndSaysSo() {
        Model plated = m -> {
            Var mu = m.sample("mu", Normal.of(0, 1));
            m.plate("data", 3, p -> m.observe("x", Normal.of(mu, Var.constant(0.1)), Tensor.of(1.0, 1.2, 0.9)));
        };
        Fit fit = Svi.builder(plated).guide(AutoGuide.meanField()).numParticles(8).maxSteps(20_000)
                .convergence(Convergence.relative(0.01)).seed(2).build().run();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.steps()).isLessThan(20_000);
        assertThat(fit.elboTrace().values()).hasSize((int) fit.steps());
    }

    @Test
    void invalidSettingsNameTheArgument() {
        assertThatThrownBy(() -> Svi.builder(MODEL).numParticles(0)).hasMessage("numParticles must be >= 1, got 0");
        assertThatThrownBy(() -> Svi.builder(MODEL).maxSteps(0)).hasMessage("maxSteps must be >= 1, got 0");
        assertThatThrownBy(() -> Sgd.lr(-1)).hasMessage("Sgd learningRate must be finite and > 0, got -1.0");
    }

    @Test
    void posteriorDrawsHaveTheSiteShapeAndTheSummaryListsEveryLatent() {
        Fit fit = Svi.builder(MODEL).guide(AutoGuide.meanField()).maxSteps(50).seed(4).build().run();
        assertThat(fit.posterior().sample("mu", 100, io.github.elbo4j.random.RandomStream.of(1)).shape()).containsExactly(100);
        assertThat(fit.summary()).extracting(SiteSummary::name).containsExactly("mu");
    }
}
