package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The house idiom for {@link Svi}: {@code Svi.builder(model)} collects and validates the settings,
 * {@code build()} fixes them in an immutable fitter. What each test catches: a built fit that
 * still reads its builder, a fit whose runs share state (a second run or a second thread seeing
 * the first one's parameters), a shortcut that differs from the builder's defaults, and a null
 * setting that fails late without naming the argument.
 */
class SviBuilderTest {

    private static final Model MODEL = m -> {
        Var mu = m.sample("mu", Normal.of(0, 1));
        m.observe("x", Normal.of(mu, Var.constant(0.5)), io.github.elbo4j.tensor.Tensor.of(1.0, 1.2, 0.9));
    };

    private static Svi.Builder stochastic() {
        return Svi.builder(MODEL).guide(AutoGuide.meanField()).optimizer(Adam.lr(0.05)).convergence(Convergence.none())
                .maxSteps(60).diagnosticDraws(0);
    }

    @Test
    void aBuiltFitKeepsItsSettingsWhenTheBuilderChangesLater() {
        Svi.Builder b = stochastic().seed(4);
        Svi svi = b.build();
        b.seed(5).maxSteps(10);
        Fit fit = svi.run();
        assertThat(fit.seed()).isEqualTo(4);
        assertThat(fit.elboTrace().values()).containsExactly(stochastic().seed(4).build().run().elboTrace().values());
    }

    @Test
    void oneFitRunTwiceOrFromTwoThreadsGivesTheSameBits() throws Exception {
        Svi svi = stochastic().seed(7).build();
        double[] first = svi.run().elboTrace().values();
        assertThat(svi.run().elboTrace().values()).containsExactly(first);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Fit> a = pool.submit(svi::run);
            Future<Fit> b = pool.submit(svi::run);
            assertThat(a.get().elboTrace().values()).containsExactly(first);
            assertThat(b.get().elboTrace().values()).containsExactly(first);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void ofIsTheBuilderWithEveryDefault() {
        Fit shortcut = Svi.of(MODEL).run();
        Fit built = Svi.builder(MODEL).build().run();
        assertThat(shortcut.parameters()).isEqualTo(built.parameters());
        assertThat(shortcut.provenance().settings()).isEqualTo(built.provenance().settings());
    }

    @Test
    void aNullSettingNamesTheArgument() {
        assertThatThrownBy(() -> Svi.builder(null)).hasMessage("model must not be null");
        assertThatThrownBy(() -> Svi.builder(MODEL).guide((AutoGuide) null)).hasMessage("guide must not be null");
        assertThatThrownBy(() -> Svi.builder(MODEL).optimizer(null)).hasMessage("optimizer must not be null");
        assertThatThrownBy(() -> Svi.builder(MODEL).convergence(null)).hasMessage("convergence must not be null");
        assertThatThrownBy(() -> Svi.builder(MODEL).diagnosticDraws(50))
                .hasMessage("diagnosticDraws must be 0 (off) or >= 100, got 50");
    }
}
