package io.github.elbo4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The chunked data term against the same likelihood on the tape, and its bits on 1, 2 and 4 threads.
 * 1000 rows in chunks of 64 (16 chunks, the last one short), so every thread count splits the work
 * differently.
 */
class DataTermTest {

    private static final LogisticData DATA = new LogisticData(1000, 5, 11);

    private static Fit fit(Model model, int particles, Subsampling subsampling) {
        return Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).numParticles(particles).maxSteps(40)
                .convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0).subsampling(subsampling).seed(3)
                .build().run();
    }

    private static <T> T withThreads(int threads, Function<DataTerm, T> body) {
        try (LocalRowSum sum = LocalRowSum.of(RowSource.of(DATA.rows, DATA.d + 1), threads, 64)) {
            return body.apply(DataTerm.of(LogisticRows.of(DATA.d), sum));
        }
    }

    /**
     * The log joint density and its gradient at random points: the chunked sum against the tape's
     * (one fused Bernoulli kernel over all rows, a matrix product for the logits). Only the order of
     * additions differs, so the relative difference is a few ulps times the number of chunks; 1e-12
     * catches a lost chunk, a row counted twice, a wrong sign or a gradient of the wrong particle.
     */
    @Test
    void densityAndGradientEqualTheTapes() {
        LogDensity tape = LogDensity.of(DATA.tensorModel(), RandomStream.of(1));
        withThreads(2, term -> {
            LogDensity chunked = LogDensity.of(DATA.dataTermModel(term, DATA.n), RandomStream.of(1));
            RandomStream rng = RandomStream.of(5);
            for (int trial = 0; trial < 5; trial++) {
                double[] u = new double[DATA.d];
                rng.fillGaussian(u);
                double[] g1 = new double[DATA.d];
                double[] g2 = new double[DATA.d];
                double v1 = tape.valueAndGradient(u, g1);
                double v2 = chunked.valueAndGradient(u, g2);
                assertThat(v2).isCloseTo(v1, within(1e-12 * Math.abs(v1)));
                for (int j = 0; j < DATA.d; j++) {
                    assertThat(g2[j]).as("gradient %d", j).isCloseTo(g1[j], within(1e-12 * (Math.abs(g1[j]) + 1)));
                }
            }
            return null;
        });
    }

    /** Forty steps with 4 particles: the ELBO trace and the fitted parameters of the two forms agree to 1e-12 (relative). */
    @Test
    void sviFitEqualsTheTapesFit() {
        Fit tape = fit(DATA.tensorModel(), 4, Subsampling.random());
        Fit chunked = withThreads(2, term -> fit(DATA.dataTermModel(term, DATA.n), 4, Subsampling.random()));
        double[] a = tape.elboTrace().values();
        double[] b = chunked.elboTrace().values();
        assertThat(b).hasSize(40);
        for (int t = 0; t < a.length; t++) {
            assertThat(b[t]).as("step %d", t).isCloseTo(a[t], within(1e-12 * Math.abs(a[t])));
        }
        double[] mu1 = tape.parameters().values().iterator().next().toArray();
        for (var e : tape.parameters().entrySet()) {
            double[] p1 = e.getValue().toArray();
            double[] p2 = chunked.parameters().get(e.getKey()).toArray();
            for (int j = 0; j < p1.length; j++) {
                assertThat(p2[j]).as("%s[%d]", e.getKey(), j).isCloseTo(p1[j], within(1e-12 * (Math.abs(p1[j]) + 1)));
            }
        }
        assertThat(mu1).isNotEmpty();
    }

    /**
     * Uniform random minibatches of 200 (the plate's own subsample, drawn from the same stream in
     * both models): the data term gathers the listed rows; trace and parameters agree with the tape's
     * to 1e-12. A wrong scale (the plate's 1000/200), a row gathered from the wrong index or a chunk of
     * the list lost would move the ELBO by whole rows' log-likelihoods.
     */
    @Test
    void randomMinibatchesEqualTheTapes() {
        Fit tape = fit(DATA.tensorModel(200), 2, Subsampling.random());
        Fit chunked = withThreads(2, term -> fit(DATA.dataTermModel(term, 200), 2, Subsampling.random()));
        double[] a = tape.elboTrace().values();
        double[] b = chunked.elboTrace().values();
        for (int t = 0; t < a.length; t++) {
            assertThat(b[t]).as("step %d", t).isCloseTo(a[t], within(1e-12 * Math.abs(a[t])));
        }
        double[] p1 = tape.parameters().get("auto_loc").toArray();
        double[] p2 = chunked.parameters().get("auto_loc").toArray();
        for (int j = 0; j < p1.length; j++) {
            assertThat(p2[j]).as("auto_loc[%d]", j).isCloseTo(p1[j], within(1e-12 * (Math.abs(p1[j]) + 1)));
        }
    }

    /** Full batch and windowed minibatches of 300 (windows wrap past the last row): the same bits on 1, 2 and 4 threads. */
    @Test
    void bitsDoNotDependOnTheThreadCount() {
        for (int batch : new int[] {DATA.n, 300}) {
            Fit one = withThreads(1, term -> fit(DATA.dataTermModel(term, batch), 2, Subsampling.windows()));
            for (int threads : new int[] {2, 4}) {
                Fit many = withThreads(threads, term -> fit(DATA.dataTermModel(term, batch), 2, Subsampling.windows()));
                assertThat(many.elboTrace().values()).as("batch %d, %d threads", batch, threads).isEqualTo(one.elboTrace().values());
                assertThat(many.parameters()).as("batch %d, %d threads", batch, threads).isEqualTo(one.parameters());
            }
        }
    }

    @Test
    void aPlateOfAnotherSizeIsAnError() {
        withThreads(1, term -> {
            Model wrong = m -> m.plate("rows", 999, p -> m.factor("y", term.logLikelihood(p,
                    m.sample("w", io.github.elbo4j.distribution.continuous.Normal.of(0, 1).expand(5).toEvent(1)))));
            assertThatThrownBy(() -> LogDensity.of(wrong, RandomStream.of(0)).dimension())
                    .hasStackTraceContaining("plate 'rows' has size 999 but the data term has 1000 rows");
            Model narrow = m -> m.plate("rows", 1000, p -> m.factor("y", term.logLikelihood(p,
                    m.sample("w", io.github.elbo4j.distribution.continuous.Normal.of(0, 1).expand(4).toEvent(1)))));
            assertThatThrownBy(() -> LogDensity.of(narrow, RandomStream.of(0)).dimension())
                    .hasStackTraceContaining("theta must have its last axis of length 5");
            return null;
        });
    }
}
