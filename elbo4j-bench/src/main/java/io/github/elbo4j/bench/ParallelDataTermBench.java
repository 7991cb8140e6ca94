package io.github.elbo4j.bench;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.data.DataTerm;
import io.github.elbo4j.data.LocalRowSum;
import io.github.elbo4j.data.LogisticRows;
import io.github.elbo4j.data.RowFile;
import io.github.elbo4j.data.RowSource;
import io.github.elbo4j.data.RowSum;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.SviState;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times of the parallel data term ({@link DataTerm} over a {@link LocalRowSum}) for mean-field ADVI
 * of a logistic regression (Adam(0.05), one draw per step, as the PyTorch peer). Prints one JSON
 * line per measurement. Modes:
 * <ul>
 * <li>{@code rows}: ms per full-batch step against rows {@code 10^4..10^7} (20 features), on 1 and
 *     2 threads (the data in memory: {@code -Xmx4g});</li>
 * <li>{@code peer CSV}: the peers' 10000 × 20 problem, 2000 steps: the likelihood on the tape (one
 *     thread) and the data term on 1 and 2 threads;</li>
 * <li>{@code stream FILE ROWS BATCH STEPS}: writes {@code ROWS} generated rows to the row file
 *     {@code FILE} (if absent) and fits from the file in windows of {@code BATCH} rows, 2 threads,
 *     reporting ms per step, the heap's peak and the posterior mean's error (run with {@code -Xmx1g}).</li>
 * </ul>
 * Run: {@code java -Xmx4g --add-modules jdk.incubator.vector -cp elbo4j-bench/target/benchmarks.jar
 * io.github.elbo4j.bench.ParallelDataTermBench rows}.
 */
public final class ParallelDataTermBench {

    private static final int D = 20;

    private ParallelDataTermBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "rows" -> rows();
            case "peer" -> peer(Path.of(args[1]));
            case "stream" -> stream(Path.of(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
            default -> throw new IllegalArgumentException("mode must be rows, peer or stream, got " + args[0]);
        }
    }

    private static double[] truth(long seed) {
        double[] w = new double[D];
        RandomStream.of(seed).fillGaussian(w);
        return w;
    }

    /** Row {@code i} of the generated data: {@code x ~ N(0, I)} from stream {@code (seed, i)}, {@code y ~ Bernoulli(σ(x·w))}. */
    private static void row(double[] w, long seed, long i, double[] out) {
        RandomStream rng = RandomStream.of(seed).split(i);
        double l = 0;
        for (int j = 0; j < D; j++) {
            out[j] = rng.nextGaussian();
            l += out[j] * w[j];
        }
        out[D] = rng.nextDouble() < 1 / (1 + Math.exp(-l)) ? 1 : 0;
    }

    private static double[] generate(int n, long seed) {
        double[] w = truth(seed);
        double[] rows = new double[n * (D + 1)];
        double[] one = new double[D + 1];
        for (int i = 0; i < n; i++) {
            row(w, seed, i, one);
            System.arraycopy(one, 0, rows, i * (D + 1), D + 1);
        }
        return rows;
    }

    private static Model model(DataTerm term, int n, int batch) {
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(D), Tensor.ones(D)).toEvent(1));
            m.plate("rows", n, batch, p -> m.factor("y", term.logLikelihood(p, w)));
        };
    }

    private static Svi svi(Model model, long steps) {
        return Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).maxSteps(steps)
                .convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0).subsampling(Subsampling.windows())
                .seed(0).build();
    }

    /**
     * The wall-clock ms per step (median over {@code repeats} runs of {@code steps} steps, after one
     * untimed run) and the process's CPU ms per step (all threads, the same median run's): on a
     * shared machine the CPU time shows the work, the wall time the load.
     */
    private static String msPerStep(Svi svi, long steps, int repeats) {
        SviState start = svi.init();
        svi.advance(start, steps, (s, e, g, ns) -> { });
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] t = new double[repeats][];
        for (int r = 0; r < repeats; r++) {
            long cpu = os.getProcessCpuTime();
            long began = System.nanoTime();
            svi.advance(start, steps, (s, e, g, ns) -> { });
            t[r] = new double[] {(System.nanoTime() - began) / 1e6 / steps, (os.getProcessCpuTime() - cpu) / 1e6 / steps};
        }
        Arrays.sort(t, (a, b) -> Double.compare(a[0], b[0]));
        return String.format(Locale.ROOT, "\"ms_per_step\": %.4f, \"cpu_ms_per_step\": %.4f, \"load\": %.2f", t[repeats / 2][0],
                t[repeats / 2][1], os.getSystemLoadAverage());
    }

    private static void rows() {
        for (int n : new int[] {10_000, 100_000, 1_000_000, 10_000_000}) {
            double[] data = generate(n, 1);
            long steps = Math.max(5, 20_000_000L / n);
            for (int threads = 1; threads <= 2; threads++) {
                try (LocalRowSum sum = LocalRowSum.of(RowSource.of(data, D + 1), threads)) {
                    String ms = msPerStep(svi(model(DataTerm.of(LogisticRows.of(D), sum), n, n), steps), steps, 3);
                    System.out.printf(Locale.ROOT, "{\"mode\": \"rows\", \"rows\": %d, \"features\": %d, \"threads\": %d, %s}%n",
                            n, D, threads, ms);
                }
            }
        }
    }

    private static void peer(Path csv) throws IOException {
        Tensor[] xy = LogisticAdviComparison.read(csv);
        int n = xy[0].dim(0);
        double[] x = xy[0].toArray();
        double[] y = xy[1].toArray();
        double[] rows = new double[n * (D + 1)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * D, rows, i * (D + 1), D);
            rows[i * (D + 1) + D] = y[i];
        }
        Svi tape = Svi.builder(LogisticAdviComparison.model(xy[0], xy[1])).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05))
                .maxSteps(2000).convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0).seed(0).build();
        System.out.printf(Locale.ROOT, "{\"mode\": \"peer\", \"form\": \"tape\", \"threads\": 1, %s}%n",
                msPerStep(tape, 2000, 3));
        for (int threads = 1; threads <= 2; threads++) {
            try (LocalRowSum sum = LocalRowSum.of(RowSource.of(rows, D + 1), threads, 2500)) {
                Svi svi = svi(model(DataTerm.of(LogisticRows.of(D), sum), n, n), 2000);
                System.out.printf(Locale.ROOT, "{\"mode\": \"peer\", \"form\": \"data term, chunks of 2500\", \"threads\": %d, %s}%n",
                        threads, msPerStep(svi, 2000, 3));
            }
        }
    }

    private static void stream(Path file, long n, int batch, long steps) throws IOException {
        if (!Files.exists(file)) {
            double[] w = truth(2);
            double[] one = new double[D + 1];
            try (RowFile.Writer out = RowFile.create(file, D + 1)) {
                for (long i = 0; i < n; i++) {
                    row(w, 2, i, one);
                    out.append(one);
                }
            }
        }
        try (RowFile rows = RowFile.open(file); LocalRowSum sum = LocalRowSum.of(rows, 2)) {
            int total = (int) rows.rows();
            RowSum s = sum;
            long began = System.nanoTime();
            Fit fit = svi(model(DataTerm.of(LogisticRows.of(D), s), total, batch), steps).run();
            double ms = (System.nanoTime() - began) / 1e6 / steps;
            double[] mean = fit.parameters().entrySet().stream().filter(e -> e.getKey().contains("loc")).findFirst().orElseThrow()
                    .getValue().toArray();
            double[] w = truth(2);
            double se = 0;
            for (int j = 0; j < D; j++) {
                se += (mean[j] - w[j]) * (mean[j] - w[j]);
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "{\"mode\": \"stream\", \"rows\": %d, \"batch\": %d, \"steps\": %d, \"threads\": 2, "
                            + "\"ms_per_step\": %.4f, \"file_mb\": %d, \"max_heap_mb\": %d, \"peak_heap_used_mb\": %d, \"rmse_mean_vs_w_true\": %.4f, "
                            + "\"params\": \"%s\"}%n", total, batch, steps, ms, Files.size(file) >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    peak >> 20, Math.sqrt(se / D), fit.parameters().keySet());
        }
    }
}
