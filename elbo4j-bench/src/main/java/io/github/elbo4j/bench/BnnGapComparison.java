package io.github.elbo4j.bench;

import io.github.elbo4j.bnn.BayesianMlp;
import io.github.elbo4j.bnn.BnnFit;
import io.github.elbo4j.bnn.BnnRegression;
import io.github.elbo4j.bnn.Predictive;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bayes by Backprop on the gap regression of {@code ../shared/peers/torch_bnn.py}, in its settings:
 * 500 points {@code x ~ U(-4,-1) ∪ U(1,4)}, {@code y = x³/20 + N(0, 0.15²)}, a 1-50-1 ReLU network,
 * the {@code N(0, 1)} prior on all 151 weights and biases, {@code μ ~ N(0, 0.1²)}, {@code ρ = -5},
 * the noise sd fixed at 0.15, Adam 1e-2, 2000 full-batch steps of one draw, 2000 predictive draws
 * (seed 99) on the 1000 test points and 39 points of the gap {@code [-0.95, 0.95]}. Two variants:
 * weight sampling (the peer's estimator) and the local reparameterization trick. Each is fitted
 * once untimed, then {@code REPEATS} times (default 3, seeds 0, 1, ...); the quality is the last
 * repeat's, and {@code test_avg_log_pred_density_per_seed} holds every repeat's test log predictive density.
 * Prints one JSON line in the {@link PeerFormat}.
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.BnnGapComparison TRAIN.csv TEST.csv [REPEATS]}.
 */
public final class BnnGapComparison {

    private static final int STEPS = 2000;
    private static final double NOISE = 0.15;

    private BnnGapComparison() {
    }

    /** Reads a CSV of columns x, y (one header line): {@code [x as [N, 1], y as [N]]}. */
    static Tensor[] read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            x[i] = Double.parseDouble(f[0]);
            y[i] = Double.parseDouble(f[1]);
        }
        return new Tensor[] {Tensor.of(x, n, 1), Tensor.of(y, n)};
    }

    public static void main(String[] args) throws IOException {
        Tensor[] train = read(Path.of(args[0]));
        Tensor[] test = read(Path.of(args[1]));
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Map<String, Object>> summary = new ArrayList<>();
        for (boolean local : new boolean[] {false, true}) {
            BnnRegression reg = BnnRegression.of(BayesianMlp.of(Activation.RELU, 1, 50, 1)
                    .withLocalReparameterization(local), NOISE);
            reg.fit(train[0], train[1], STEPS, 1000L); // JIT warm-up
            double[] walls = new double[repeats];
            double[] lpds = new double[repeats];
            BnnFit fit = null;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                fit = reg.fit(train[0], train[1], STEPS, r);
                walls[r] = (System.nanoTime() - t0) / 1e9;
                lpds[r] = fit.predict(test[0], 2000, RandomStream.of(99)).averageLogPredictiveDensity(test[1]);
            }
            Map<String, Object> all = quality(fit, test);
            Map<String, Object> quality = new LinkedHashMap<>();
            for (String key : new String[] {"test_avg_log_pred_density", "test_avg_log_pred_density_se",
                "test_rmse_vs_true_f", "gap_mean_sd_epistemic"}) {
                quality.put(key, all.get(key));
            }
            Map<String, Object> variant = PeerFormat.variant(local
                    ? "BBB MLP 1-50-1 relu, local reparameterization, Adam 1e-2, full batch"
                    : "BBB MLP 1-50-1 relu, weight sampling, Adam 1e-2, full batch",
                    local ? "local reparameterization" : "pytorch", PeerFormat.median(walls), STEPS, Double.NaN, quality);
            variant.put("quality_last_seed", all);
            variant.put("test_avg_log_pred_density_per_seed", lpds);
            variant.put("wall_s_all", walls);
            summary.add(variant);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("N", train[0].dim(0));
        details.put("hidden", 50);
        details.put("noise_sd_fixed", NOISE);
        details.put("steps", STEPS);
        details.put("repeats", repeats);
        details.put("load_average", Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println(PeerFormat.line("bnn_bbb_cubic_500", "peers/data/bnn_500.csv (test: peers/data/bnn_test_1000.csv)",
                1, summary, details));
    }

    private static Map<String, Object> quality(BnnFit fit, Tensor[] test) {
        Predictive p = fit.predict(test[0], 2000, RandomStream.of(99));
        Tensor gapX = Tensor.linspace(-0.95, 0.95, 39).reshape(39, 1);
        Predictive g = fit.predict(gapX, 2000, RandomStream.of(99));
        Tensor lpd = p.logPredictiveDensity(test[1]);
        int n = lpd.size();
        double mean = lpd.mean().item();
        double se = Math.sqrt(lpd.sub(mean).square().sum().item() / (n - 1) / n);
        Tensor trueF = test[0].reshape(-1).pow(3).div(20);
        Tensor gapF = gapX.reshape(-1).pow(3).div(20);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("test_avg_log_pred_density", mean);
        q.put("test_avg_log_pred_density_se", se);
        q.put("test_rmse_vs_y", p.rmse(test[1]));
        q.put("test_rmse_vs_true_f", p.rmse(trueF));
        q.put("gap_rmse_vs_true_f", g.rmse(gapF));
        q.put("gap_mean_sd_epistemic", g.epistemicSd().mean().item());
        q.put("test_mean_sd_epistemic", p.epistemicSd().mean().item());
        return q;
    }
}
