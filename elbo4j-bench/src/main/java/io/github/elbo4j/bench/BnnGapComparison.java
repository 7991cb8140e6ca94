package io.github.elbo4j.bench;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.bnn.BayesianMlp;
import io.github.elbo4j.bnn.BnnFit;
import io.github.elbo4j.bnn.BnnRegression;
import io.github.elbo4j.bnn.Predictive;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.InitStrategy;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.optim.Adam;
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
 * three times untimed (JIT warm-up: after one, the timed fits still got faster), then
 * {@code REPEATS} times (default 3, seeds 0, 1, ...); the quality is the last
 * repeat's, and {@code test_avg_log_pred_density_per_seed} holds every repeat's test log predictive density.
 * A third variant times the same network written as a model ({@code m.sample} sites for the four
 * weight tensors) and fitted by the generic {@code Svi} with {@code AutoGuide.meanField}, the same
 * initial means and the analytic KL: what the lean loop of {@code BnnRegression} saves per step.
 * With {@code --posteriors}, two more rows in the same settings: the matrix-variate Gaussian posterior
 * (Louizos &amp; Welling 2016, local reparameterization, {@link WeightPosterior#MATRIX_GAUSSIAN}) and MC
 * dropout ({@code p = 0.1}, weight decay for the {@code N(0, 1)} prior, PyTorch's initialization); each
 * one untimed fit, then {@code REPEATS} fits. Every row gives the test log-likelihood and the RMSE against
 * {@code y} as mean ± standard error over the repeats ({@code *_over_seeds}).
 * Prints one JSON line in the {@link PeerFormat}.
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.BnnGapComparison TRAIN.csv TEST.csv [REPEATS] [--posteriors]}.
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
        boolean posteriors = java.util.Arrays.asList(args).contains("--posteriors");
        List<Map<String, Object>> summary = new ArrayList<>();
        for (boolean local : new boolean[] {false, true}) {
            BnnRegression reg = BnnRegression.of(BayesianMlp.of(Activation.RELU, 1, 50, 1)
                    .withLocalReparameterization(local), NOISE);
            for (int w = 0; w < 3; w++) { // JIT warm-up: one 1-second fit is not enough for C2 on a loaded machine
                reg.fit(train[0], train[1], STEPS, 1000L + w);
            }
            double[] walls = new double[repeats];
            double[] lpds = new double[repeats];
            double[] rmses = new double[repeats];
            BnnFit fit = null;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                fit = reg.fit(train[0], train[1], STEPS, r);
                walls[r] = (System.nanoTime() - t0) / 1e9;
                Predictive p = fit.predict(test[0], 2000, RandomStream.of(99));
                lpds[r] = p.averageLogPredictiveDensity(test[1]);
                rmses[r] = p.rmse(test[1]);
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
            putOverSeeds(variant, lpds, rmses);
            variant.put("wall_s_all", walls);
            summary.add(variant);
        }
        summary.add(generic(train, repeats));
        if (posteriors) {
            summary.addAll(GapPosteriors.rows(train, test, repeats));
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

    /** Mean and standard error over the repeats of the test log-likelihood and RMSE vs y. */
    static void putOverSeeds(Map<String, Object> variant, double[] lpds, double[] rmses) {
        variant.put("test_avg_log_pred_density_over_seeds", new double[] {BnnUciComparison.mean(lpds), BnnUciComparison.se(lpds)});
        variant.put("test_rmse_vs_y_over_seeds", new double[] {BnnUciComparison.mean(rmses), BnnUciComparison.se(rmses)});
    }

    static Map<String, Object> quality(BnnFit fit, Tensor[] test) {
        Tensor gapX = Tensor.linspace(-0.95, 0.95, 39).reshape(39, 1);
        return quality(fit.predict(test[0], 2000, RandomStream.of(99)), fit.predict(gapX, 2000, RandomStream.of(99)), test);
    }

    /** The quality of predictive {@code p} at the test inputs and {@code g} at 39 points of the gap. */
    static Map<String, Object> quality(Predictive p, Predictive g, Tensor[] test) {
        Tensor gapX = Tensor.linspace(-0.95, 0.95, 39).reshape(39, 1);
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

    /** The BNN as a model with four weight sites, fitted by the generic Svi loop (for its time per step). */
    private static Map<String, Object> generic(Tensor[] train, int repeats) {
        int n = train[0].dim(0);
        int h = 50;
        Var x = Var.constant(train[0]);
        Tensor y = train[1];
        Model model = m -> {
            Var w1 = m.sample("w1", Normal.of(Tensor.zeros(1, h), Tensor.ones(1, h)).toEvent(2));
            Var b1 = m.sample("b1", Normal.of(Tensor.zeros(h), Tensor.ones(h)).toEvent(1));
            Var w2 = m.sample("w2", Normal.of(Tensor.zeros(h, 1), Tensor.ones(h, 1)).toEvent(2));
            Var b2 = m.sample("b2", Normal.of(Tensor.zeros(1), Tensor.ones(1)).toEvent(1));
            Var hidden = Activation.RELU.apply(x.matmul(w1.reshape(-1, 1, h)).add(b1.reshape(-1, 1, h)));
            Var f = hidden.matmul(w2.reshape(-1, h, 1)).add(b2.reshape(-1, 1, 1)).reshape(-1, n);
            m.plate("rows", n, p -> m.observe("y", Normal.of(f, Var.constant(NOISE)), y));
        };
        List<Tensor> init = BayesianMlp.of(Activation.RELU, 1, 50, 1).init(0);
        Map<String, Tensor> values = Map.of("w1", init.get(0), "b1", init.get(2), "w2", init.get(4), "b2", init.get(6));
        Svi svi = Svi.builder(model).guide(AutoGuide.meanField(Math.log1p(Math.exp(-5)))).optimizer(Adam.lr(1e-2))
                .elbo(ElboEstimator.analyticKl()).init(InitStrategy.values(values)).maxSteps(STEPS)
                .convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0).seed(0).build();
        PeerFormat.Timed<Fit> timed = PeerFormat.timed(svi::run, repeats);
        Fit fit = timed.result();
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("final_elbo_200mc", fit.posterior().elbo(model, 200, RandomStream.of(5)).value());
        return PeerFormat.variant("same BBB as a model: generic Svi + AutoGuide.meanField, analytic KL (time reference)",
                "generic svi", timed.medianSeconds(), fit.steps(), Double.NaN, quality);
    }
}
