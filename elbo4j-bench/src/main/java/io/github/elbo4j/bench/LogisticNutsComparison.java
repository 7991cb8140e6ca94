package io.github.elbo4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.mcmc.Nuts;
import io.github.elbo4j.mcmc.ParameterSummary;
import io.github.elbo4j.mcmc.Samples;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NUTS on Bayesian logistic regression (10000 × 20, the peers' data), in rstan's settings
 * ({@code stan_advi_logreg.R nuts}: 4 chains × (1000 warm-up + 1000 draws), 2 at a time, Stan's
 * defaults otherwise), printing one JSON line: wall time, the bulk ESS of the slowest coordinate and
 * effective samples per second (that ESS / wall time), max R-hat, divergences, gradient evaluations,
 * and the posterior means and sds against the stored NUTS reference. One untimed warm-up run (JIT)
 * with another seed, then {@code REPEATS} timed runs (default 1); the reported run is the median's.
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.LogisticNutsComparison DATA.csv REFERENCE.json [REPEATS] [THREADS]}.
 */
public final class LogisticNutsComparison {

    private LogisticNutsComparison() {
    }

    /** The JVM's CPU time so far (all threads), or -1 where the platform does not say. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    public static void main(String[] args) throws IOException {
        Tensor[] data = LogisticAdviComparison.read(Path.of(args[0]));
        JsonNode ref = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Model model = LogisticAdviComparison.model(data[0], data[1]);
        Nuts.of(model).chains(2).warmup(150).draws(100).threads(threads).seed(99).run();   // JIT warm-up, untimed
        double[] walls = new double[repeats];
        double[] cpus = new double[repeats];
        Samples samples = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            samples = Nuts.of(model).chains(4).warmup(1000).draws(1000).threads(threads).seed(1234 + r).run();
            walls[r] = (System.nanoTime() - t0) / 1e9;
            cpus[r] = (processCpuNanos() - c0) / 1e9;
        }
        double wall = PeerFormat.median(walls);
        List<ParameterSummary> rows = samples.summary();
        double minEss = Double.POSITIVE_INFINITY;
        double minEssMean = Double.POSITIVE_INFINITY;
        double maxRhat = 0;
        double maxErrOverSd = 0;
        double maxErrOverSe = 0;
        double minRatio = Double.POSITIVE_INFINITY;
        double maxRatio = 0;
        for (int j = 0; j < rows.size(); j++) {
            ParameterSummary p = rows.get(j);
            minEss = Math.min(minEss, p.essBulk());
            String site = samples.latentNames().get(0);
            minEssMean = Math.min(minEssMean, io.github.elbo4j.diagnostics.ChainDiagnostics.essMean(samples.chainDraws(site, j)));
            maxRhat = Math.max(maxRhat, p.rhat());
            double m = ref.get("mean").get(j).asDouble();
            double sd = ref.get("sd").get(j).asDouble();
            double se = ref.get("se_mean").get(j).asDouble();
            maxErrOverSd = Math.max(maxErrOverSd, Math.abs(p.mean() - m) / sd);
            maxErrOverSe = Math.max(maxErrOverSe, Math.abs(p.mean() - m) / Math.hypot(se, p.mcseMean()));
            minRatio = Math.min(minRatio, p.sd() / sd);
            maxRatio = Math.max(maxRatio, p.sd() / sd);
        }
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("max_Rhat", maxRhat);
        quality.put("min_ess_bulk", minEss);
        quality.put("min_ess_mean", minEssMean);
        quality.put("divergent", samples.divergences());
        quality.put("mean_err_over_nuts_sd_max", maxErrOverSd);
        quality.put("mean_diff_over_se_max", maxErrOverSe);
        quality.put("sd_ratio_min_max", String.format(java.util.Locale.ROOT, "%.3f-%.3f", minRatio, maxRatio));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("variant", "NUTS 4x(1000+1000), diagonal metric, " + threads + " threads (rstan sampling settings)");
        v.put("pair", "rstan NUTS");
        v.put("wall_s", wall);
        v.put("iters", 4L * 2000);
        v.put("per_iter_ms", 1000 * wall / (4 * 2000));
        v.put("cpu_s", PeerFormat.median(cpus));
        v.put("cpu_note", "CPU seconds of the JVM (all threads, JIT and GC included) during the timed run: on a shared machine, the cost that load does not inflate");
        v.put("ess_per_s", minEss / wall);
        v.put("ess_note", "bulk ESS (rank-normalized); rstan's summary reports its classic n_eff, comparable to min_ess_mean here");
        v.put("gradient_evaluations", samples.gradientEvaluations());
        v.put("tree_depth_saturations", samples.treeDepthSaturations());
        v.put("step_sizes", samples.stepSizes());
        v.put("quality", quality);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("peer", "elbo4j");
        out.put("peer_version", "elbo4j " + Runtime.version());
        out.put("task", "logreg_nuts_10000x20");
        out.put("threads", threads);
        out.put("repeats", repeats);
        out.put("summary", List.of(v));
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }
}
