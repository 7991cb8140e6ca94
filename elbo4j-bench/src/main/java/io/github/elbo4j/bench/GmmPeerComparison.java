package io.github.elbo4j.bench;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.GmmInitialization;
import io.github.elbo4j.cavi.gmm.WeightPrior;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java side of {@code elbo4j-bench/peers/gmm_vs_sklearn.py}: fits {@link GaussianMixtureVI}
 * (K = 10, full covariance) to the peers' {@code gmm_20000x2.csv} as {@code bgmm.py} fits
 * scikit-learn, and prints one JSON line: wall time of every timed fit (validation,
 * initialization, sweeps and result, as scikit-learn's {@code fit}), sweeps, the exact ELBO and the
 * ELBO on scikit-learn's scale, weights, means, covariances and, with {@code --heldout}, the mean
 * log posterior predictive density of the held-out rows.
 *
 * <p>Options: {@code --data PATH} (required), {@code --labels PATH} (one initial label per line;
 * default k-means++), {@code --prior dirichlet|dirichletProcess}, {@code --concentration 0.1},
 * {@code --sweeps 500}, {@code --tolerance 0}, {@code --threads 2}, {@code --warmup 3},
 * {@code --repeats 5}, {@code --seed 0}, {@code --heldout PATH}.
 */
public final class GmmPeerComparison {

    private GmmPeerComparison() {
    }

    /** Runs the comparison; see the class comment for the options. */
    public static void main(String[] args) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        double[][] x = GmmBenchmarkData.read(Path.of(required(o, "data"))).x;
        double concentration = Double.parseDouble(o.getOrDefault("concentration", "0.1"));
        boolean process = o.getOrDefault("prior", "dirichlet").equals("dirichletProcess");
        var builder = GaussianMixtureVI.builder().components(10)
                .weightPrior(process ? WeightPrior.dirichletProcess(concentration) : WeightPrior.dirichlet(concentration))
                .maxSweeps(Integer.parseInt(o.getOrDefault("sweeps", "500")))
                .tolerance(Double.parseDouble(o.getOrDefault("tolerance", "0")))
                .threads(Integer.parseInt(o.getOrDefault("threads", "2")))
                .seed(Long.parseLong(o.getOrDefault("seed", "0")));
        if (o.containsKey("labels")) {
            builder.initialization(GmmInitialization.fromLabels(readLabels(Path.of(o.get("labels")))));
        }
        GaussianMixtureVI vi = builder.build();
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        int repeats = Integer.parseInt(o.getOrDefault("repeats", "5"));
        double[] wall = new double[warmup + repeats];
        double[] cpu = new double[warmup + repeats];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        GaussianMixtureResult r = null;
        for (int i = 0; i < wall.length; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            r = vi.fit(x);
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
        }
        double[] timed = Arrays.copyOfRange(wall, warmup, wall.length);
        Arrays.sort(timed);
        double median = timed[timed.length / 2];
        double[] timedCpu = Arrays.copyOfRange(cpu, warmup, cpu.length);
        Arrays.sort(timedCpu);
        StringBuilder json = new StringBuilder("{");
        field(json, "prior", '"' + (process ? "dirichletProcess" : "dirichlet") + '"');
        field(json, "init", '"' + (o.containsKey("labels") ? "labels" : "kMeansPlusPlus") + '"');
        field(json, "threads", String.valueOf(vi.threads()));
        field(json, "sweeps", String.valueOf(r.sweeps()));
        field(json, "converged", String.valueOf(r.converged()));
        field(json, "wall_ms_all", Arrays.toString(wall));
        field(json, "wall_ms_first", num(wall[0]));
        field(json, "wall_ms_median", num(median));
        field(json, "ms_per_sweep", num(median / r.sweeps()));
        field(json, "cpu_ms_median", num(timedCpu[timedCpu.length / 2]));
        field(json, "cpu_ms_per_sweep", num(timedCpu[timedCpu.length / 2] / r.sweeps()));
        field(json, "elbo", num(r.elbo()));
        field(json, "sklearn_scale_elbo", num(r.sklearnScaleElbo()));
        field(json, "dropped_constants", num(r.droppedConstants()));
        field(json, "weights", Arrays.toString(r.weights().toArray()));
        field(json, "means", Arrays.toString(r.means().toArray()));
        field(json, "covariances", Arrays.toString(r.covariances().toArray()));
        if (o.containsKey("heldout")) {
            double[] lp = r.logPredictiveDensity(GmmBenchmarkData.read(Path.of(o.get("heldout"))).x).toArray();
            field(json, "heldout_mean_log_predictive", num(Arrays.stream(lp).average().orElseThrow()));
        }
        json.setLength(json.length() - 1);
        System.out.println(json.append('}'));
    }

    private static String required(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private static int[] readLabels(Path path) {
        try {
            List<String> lines = Files.readAllLines(path);
            return lines.stream().filter(s -> !s.isBlank()).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static void field(StringBuilder json, String key, String value) {
        json.append('"').append(key).append("\": ").append(value).append(',');
    }
}
