package io.github.elbo4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.data.DataTerm;
import io.github.elbo4j.data.LocalRowSum;
import io.github.elbo4j.data.LogisticRows;
import io.github.elbo4j.data.RowSource;
import io.github.elbo4j.data.RowSum;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * SVI of a logistic regression whose data term is summed on Spark ({@code local[2]}) against the
 * same fit on one machine: 600 rows in blocks of 64 (10 blocks, the last short), 6 Adam steps with
 * 2 particles (every step is a Spark job: few steps and blocks built once per partition count keep
 * the module's test time small).
 */
class SparkSviTest {

    private static final int N = 600;
    private static final int D = 4;
    private static final int BLOCK = 64;
    private static final int STEPS = 6;
    /** The cached blocks of the data, one per partition count, built once for the class. */
    private static final Map<Integer, SparkRows> BLOCKS = new java.util.HashMap<>();
    private static final double[] ROWS = SharedSpark.logisticRows(N, D, 17);

    private static Model dataTermModel(DataTerm term, int batch) {
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(D), Tensor.ones(D)).toEvent(1));
            m.plate("rows", N, batch, p -> m.factor("y", term.logLikelihood(p, w)));
        };
    }

    /** The model with the likelihood on the tape, as a user writes it without a data term. */
    private static Model tensorModel() {
        double[] x = new double[N * D];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            System.arraycopy(ROWS, i * (D + 1), x, i * D, D);
            y[i] = ROWS[i * (D + 1) + D];
        }
        Var xt = Var.constant(Tensor.of(x, N, D).transpose());
        Tensor ys = Tensor.of(y);
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(D), Tensor.ones(D)).toEvent(1));
            Var logits = w.reshape(-1, D).matmul(xt);
            m.plate("rows", N, p -> m.observe("y", Bernoulli.ofLogits(logits), ys));
        };
    }

    private static Fit fit(Model model) {
        return fit(model, Subsampling.windows());
    }

    private static Fit fit(Model model, Subsampling subsampling) {
        return Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).numParticles(2).maxSteps(STEPS)
                .convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0).subsampling(subsampling)
                .seed(5).build().run();
    }

    private static Fit sparkFit(int partitions, int batch) {
        return sparkFit(partitions, batch, Subsampling.windows());
    }

    private static Fit sparkFit(int partitions, int batch, Subsampling subsampling) {
        return fit(dataTermModel(DataTerm.of(LogisticRows.of(D), blocks(partitions)), batch), subsampling);
    }

    private static SparkRows blocks(int partitions) {
        return BLOCKS.computeIfAbsent(partitions,
                k -> SparkRows.of(SharedSpark.dataset(ROWS, D, k), SharedSpark.columns(D), LogisticRows.of(D), BLOCK));
    }

    @AfterAll
    static void dropBlocks() {
        BLOCKS.values().forEach(SparkRows::close);
        BLOCKS.clear();
    }

    private static Fit localFit(int batch) {
        return localFit(batch, Subsampling.windows());
    }

    private static Fit localFit(int batch, Subsampling subsampling) {
        try (LocalRowSum rows = LocalRowSum.of(RowSource.of(ROWS, D + 1), 2, BLOCK)) {
            return fit(dataTermModel(DataTerm.of(LogisticRows.of(D), rows), batch), subsampling);
        }
    }

    private static void assertClose(Fit actual, Fit expected, double tolerance, String what) {
        double[] a = actual.elboTrace().values();
        double[] e = expected.elboTrace().values();
        assertThat(a).as(what).hasSize(STEPS);
        for (int t = 0; t < e.length; t++) {
            assertThat(a[t]).as("%s, step %d", what, t).isCloseTo(e[t], within(tolerance * Math.abs(e[t])));
        }
        for (Map.Entry<String, Tensor> p : expected.parameters().entrySet()) {
            double[] x = p.getValue().toArray();
            double[] y = actual.parameters().get(p.getKey()).toArray();
            for (int j = 0; j < x.length; j++) {
                assertThat(y[j]).as("%s, %s[%d]", what, p.getKey(), j).isCloseTo(x[j], within(tolerance * (Math.abs(x[j]) + 1)));
            }
        }
    }

    /**
     * Full batch on 1, 3 and 8 partitions: within 1e-9 of the single-machine fit with the likelihood
     * on the tape (only the order of additions differs), and bit for bit the fit of a
     * {@link LocalRowSum} with chunks of the block size (the same parts added in the same order), so
     * also the same bits on every partitioning. A lost or doubled block, a block summed with the wrong
     * particle's parameters, or parts added in arrival order would each fail one of these.
     */
    @Test
    void fullBatchEqualsTheSingleMachineFit() {
        Fit tape = fit(tensorModel());
        Fit local = localFit(N);
        for (int partitions : new int[] {1, 3, 8}) {
            Fit spark = sparkFit(partitions, N);
            assertClose(spark, tape, 1e-9, partitions + " partition(s) vs the tape");
            assertThat(spark.elboTrace().values()).as("%d partition(s) vs LocalRowSum", partitions).isEqualTo(local.elboTrace().values());
            assertThat(spark.parameters()).as("%d partition(s) vs LocalRowSum", partitions).isEqualTo(local.parameters());
        }
    }

    /**
     * Minibatches of 150 rows (cyclic windows, scaled by 600/150 by the plate): the Spark sum cuts a
     * window at block boundaries, the local one at multiples of its chunk from the window's start,
     * so they agree to rounding (1e-9), not bit for bit; 3 and 8 partitions give the same bits. A
     * window read from the wrong rows, or a part counted twice where the window wraps, would move
     * the ELBO by whole rows' log-likelihoods (order 1).
     */
    @Test
    void minibatchWindowsEqualTheSingleMachineFit() {
        Fit local = localFit(150);
        Fit three = sparkFit(3, 150);
        assertClose(three, local, 1e-9, "3 partitions, minibatch");
        assertThat(sparkFit(8, 150).elboTrace().values()).as("8 vs 3 partitions, minibatch").isEqualTo(three.elboTrace().values());
    }

    /**
     * Uniform random minibatches of 150 (Subsampling.random(), the default): the listed rows are
     * broadcast and each block sums its own; within 1e-9 of the local fit. A row of the list skipped or counted in two blocks would move the ELBO by
     * whole rows' log-likelihoods.
     */
    @Test
    void randomMinibatchesEqualTheSingleMachineFit() {
        Fit local = localFit(150, Subsampling.random());
        assertClose(sparkFit(8, 150, Subsampling.random()), local, 1e-9, "8 partitions, random minibatch");
    }

    /** Sanity of the setup: the sums are over every row exactly once (the row count and the block count). */
    @Test
    void blocksCoverEveryRow() {
        RowSum sum = blocks(3);
        assertThat(sum.rows()).isEqualTo(N);
        assertThat(blocks(3).blockCount()).isEqualTo(10);
    }
}
