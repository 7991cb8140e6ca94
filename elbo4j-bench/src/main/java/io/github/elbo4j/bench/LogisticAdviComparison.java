package io.github.elbo4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuidePosterior;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.GaussianMoments;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ADVI on Bayesian logistic regression (10000 × 20, the peers' data), in the settings of the two
 * peers, printing one JSON line:
 * <ul>
 * <li>{@code torch_like}: mean-field, 1 particle, Adam(0.05), 2000 steps from loc 0 and sd 1 (as
 * {@code torch_advi_logreg.py}); ms per step, the final ELBO from 2000 draws, and q's mean/sd
 * against the NUTS reference;</li>
 * <li>{@code stan_like}: Stan's step-size search (50 steps per η) and stopping rule
 * (tol_rel_obj 0.01, every 100 steps), as {@code rstan::vb} with defaults; wall time to
 * convergence;</li>
 * <li>the same with a full-rank guide, as {@code rstan::vb(algorithm = "fullrank")}.</li>
 * </ul>
 * Each variant is fitted once untimed, then {@code REPEATS} times (default 3); the wall time is the median.
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.LogisticAdviComparison DATA.csv REFERENCE.json [REPEATS]}.
 */
public final class LogisticAdviComparison {

    private LogisticAdviComparison() {
    }

    static Model model(Tensor x, Tensor y) {
        int n = x.dim(0);
        int d = x.dim(1);
        Var xt = Var.constant(x.transpose()); // transposed once, outside the step loop
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            // [P, n] for P particles of w (shape [P, 1, d]), [1, n] for a single draw
            Var logits = w.reshape(-1, d).matmul(xt);
            m.plate("rows", n, p -> m.observe("y", Bernoulli.ofLogits(logits), y));
        };
    }

    /** Reads the peers' CSV: columns x1..xD then y. */
    static Tensor[] read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        int d = lines.get(0).split(",").length - 1;
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Double.parseDouble(f[j]);
            }
            y[i] = Double.parseDouble(f[d]);
        }
        return new Tensor[] {Tensor.of(x, n, d), Tensor.of(y)};
    }

    public static void main(String[] args) throws IOException {
        Tensor[] data = read(Path.of(args[0]));
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Map<String, double[]> reference = new LinkedHashMap<>();
        if (args.length > 1) {
            JsonNode ref = new ObjectMapper().readTree(Path.of(args[1]).toFile());
            for (String key : new String[] {"mean", "sd"}) {
                double[] v = new double[ref.get(key).size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = ref.get(key).get(i).asDouble();
                }
                reference.put(key, v);
            }
        }
        Model model = model(data[0], data[1]);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("peer", "elbo4j");
        out.put("peer_version", "elbo4j " + Runtime.version());
        out.put("task", "logreg_advi_10000x20");
        out.put("threads", 1);
        out.put("repeats", repeats);

        // each variant: one untimed warm-up fit (JIT; the SIMD kernels need C2), then the median of `repeats`
        Svi torchSvi = Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).maxSteps(2000)
                .convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0).seed(0).build();
        PeerFormat.Timed<Fit> torchLike = PeerFormat.timed(torchSvi::run, repeats);
        Map<String, Object> torch = summary(torchLike, model, reference, AutoGuide.meanField());
        torch.put("variant", "meanfield ADVI, Adam 0.05, 2000 steps, 1 particle (torch settings)");
        torch.put("pair", "pytorch");

        Map<String, Object> stan = stanSettings(model, AutoGuide.meanField(), reference, repeats);
        stan.put("variant", "meanfield ADVI, Stan eta search + tol_rel_obj 0.01 (rstan vb settings)");
        stan.put("pair", "rstan vb meanfield");
        Map<String, Object> full = stanSettings(model, AutoGuide.fullRank(), reference, repeats);
        full.put("variant", "full-rank ADVI, Stan eta search + tol_rel_obj 0.01 (rstan vb fullrank settings)");
        full.put("pair", "rstan vb fullrank");
        out.put("summary", List.of(torch, stan, full));
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }

    /** {@code rstan::vb}'s defaults: η search over 50 steps per candidate, tol_rel_obj 0.01 checked every 100 steps. */
    private static Map<String, Object> stanSettings(Model model, AutoGuide guide, Map<String, double[]> reference,
                                                    int repeats) {
        Svi svi = Svi.builder(model).guide(guide).adaptStepSize(50).maxSteps(10_000)
                .convergence(Convergence.relative(0.01)).warmStart(WarmStart.none()).diagnosticDraws(0).seed(0).build();
        PeerFormat.Timed<Fit> timed = PeerFormat.timed(svi::run, repeats);
        Map<String, Object> s = summary(timed, model, reference, guide);
        s.put("eta", timed.result().adaptedStepSize().orElse(Double.NaN));
        s.put("converged", timed.result().converged());
        return s;
    }

    private static Map<String, Object> summary(PeerFormat.Timed<Fit> timed, Model model,
                                               Map<String, double[]> reference, AutoGuide family) {
        Fit fit = timed.result();
        double seconds = timed.medianSeconds();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("wall_s", seconds);
        s.put("iters", fit.steps());
        s.put("per_iter_ms", 1000 * seconds / fit.steps());
        GaussianMoments moments = ((GuidePosterior) fit.posterior()).moments().orElseThrow();
        double[] loc = moments.mean().toArray();
        double[] sd = moments.marginalSd().toArray();
        double elbo = fit.posterior().elbo(model, 2000, RandomStream.of(99)).value();
        s.put("final_elbo", elbo);
        Map<String, Object> quality = new LinkedHashMap<>();
        s.put("quality", quality);
        if (reference.containsKey("mean")) {
            double[] rm = reference.get("mean");
            double[] rs = reference.get("sd");
            double maxErr = 0;
            double maxErrSd = 0;
            double minRatio = Double.POSITIVE_INFINITY;
            double maxRatio = 0;
            for (int j = 0; j < loc.length; j++) {
                maxErr = Math.max(maxErr, Math.abs(loc[j] - rm[j]));
                maxErrSd = Math.max(maxErrSd, Math.abs(loc[j] - rm[j]) / rs[j]);
                minRatio = Math.min(minRatio, sd[j] / rs[j]);
                maxRatio = Math.max(maxRatio, sd[j] / rs[j]);
            }
            quality.put("mean_abs_err_max", maxErr);
            quality.put("mean_err_over_nuts_sd_max", maxErrSd);
            quality.put("sd_ratio_min_max", String.format(Locale.ROOT, "%.2f-%.2f", minRatio, maxRatio));
        }
        return s;
    }
}
