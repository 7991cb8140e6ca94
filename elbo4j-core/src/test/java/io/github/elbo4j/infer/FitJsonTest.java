package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fit saved as JSON and loaded gives the same numbers, and a stochastic fit resumes where it stopped. */
class FitJsonTest {

    private static final Model MODEL = m -> {
        Var mu = m.sample("mu", Normal.of(0, 5));
        Var sigma = m.sample("sigma", HalfNormal.of(2));
        m.plate("data", 5, p -> m.observe("y", Normal.of(mu.reshape(-1, 1), sigma.reshape(-1, 1)), Tensor.of(1.2, 0.4, 2.2, 1.7, 0.9)));
    };

    @Test
    void aLoadedFitHasTheSameSummaryBitsDiagnosticsAndVerdict(@TempDir Path dir) {
        for (AutoGuide guide : new AutoGuide[] {AutoGuide.meanField(), AutoGuide.fullRank()}) {
            Fit fit = Svi.builder(MODEL).guide(guide).seed(5).build().run();
            Path file = dir.resolve(guide.familyName() + ".json");
            fit.save(file);
            Fit loaded = Fit.load(file, MODEL);
            assertThat(loaded.summary()).isEqualTo(fit.summary());
            assertThat(loaded.parameters()).isEqualTo(fit.parameters());
            assertThat(loaded.elboTrace()).isEqualTo(fit.elboTrace());
            assertThat(loaded.diagnostics()).isEqualTo(fit.diagnostics());
            assertThat(loaded.verdict()).isEqualTo(fit.verdict());
            assertThat(loaded.provenance()).isEqualTo(fit.provenance());
            assertThat(loaded.stopReason()).isEqualTo(fit.stopReason());
        }
    }

    @Test
    void aStochasticFitResumedFromItsSavedStateEqualsAnUninterruptedRun(@TempDir Path dir) {
        Svi first = Svi.builder(MODEL).guide(AutoGuide.meanField()).optimizer(Adam.lr(0.02)).convergence(Convergence.none())
                .maxSteps(150).seed(9).build();
        Fit half = first.run();
        Path file = dir.resolve("half.json");
        half.save(file);
        Fit resumed = Svi.builder(MODEL).guide(AutoGuide.meanField()).optimizer(Adam.lr(0.02)).convergence(Convergence.none())
                .maxSteps(300).seed(9).build().resume(Fit.load(file, MODEL));
        Fit whole = Svi.builder(MODEL).guide(AutoGuide.meanField()).optimizer(Adam.lr(0.02)).convergence(Convergence.none())
                .maxSteps(300).seed(9).build().run();
        assertThat(resumed.parameters()).isEqualTo(whole.parameters());
        double[] tail = java.util.Arrays.copyOfRange(whole.elboTrace().values(), 150, 300);
        assertThat(resumed.elboTrace().values()).containsExactly(tail);
    }

    @Test
    void aFitWithAnAutomaticGuideNeedsItsModelToLoad(@TempDir Path dir) {
        Path file = dir.resolve("fit.json");
        Svi.builder(MODEL).seed(1).build().run().save(file);
        assertThatThrownBy(() -> Fit.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the model to rebuild: Fit.load(file, model)");
    }

    @Test
    void aFileOfAnotherFormatIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"format\": \"something-else\"}");
        assertThatThrownBy(() -> Fit.load(file, MODEL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must have \"format\": \"elbo4j-fit\"");
    }

    @Test
    void savingWritesTheWholeFileOrNothing(@TempDir Path dir) throws Exception {
        Fit fit = Svi.builder(MODEL).seed(1).build().run();
        Path file = dir.resolve("fit.json");
        fit.save(file);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("fit.json");
        assertThat(Files.readString(file)).contains("\"format\" : \"elbo4j-fit\"").endsWith("}");
    }
}
