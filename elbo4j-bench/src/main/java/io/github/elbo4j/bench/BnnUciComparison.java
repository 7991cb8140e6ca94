package io.github.elbo4j.bench;

import io.github.elbo4j.bnn.BayesianMlp;
import io.github.elbo4j.bnn.BnnRegression;
import io.github.elbo4j.bnn.BnnFit;
import io.github.elbo4j.bnn.McDropout;
import io.github.elbo4j.bnn.Predictive;
import io.github.elbo4j.bnn.WeightPosterior;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bayes by Backprop on the diabetes data in the split protocol of {@code ../shared/peers/torch_bnn_uci.py}
 * (Hernández-Lobato &amp; Adams, ICML 2015): 20 random 90/10 splits (the peer's permutations, written by
 * {@code elbo4j-bench/peers/diabetes_splits.py} to {@code diabetes-splits.txt}; test = the first 45),
 * features and target standardised with the training split's mean and sd (ddof 0), a 10-50-1 ReLU
 * network, the {@code N(0, 1)} prior, {@code μ ~ N(0, 0.1²)}, {@code ρ = -5}, the noise sd a point
 * estimate from 0.5, Adam 1e-2, 3000 full-batch steps of one draw, 1000 predictive draws (seed 99);
 * test RMSE and log-likelihood per point on the original scale, mean and standard error over splits.
 * One untimed warm-up fit first; the wall time is the median over splits.
 * With {@code --posteriors}, two more rows on the same splits and scaling: the matrix-variate Gaussian
 * posterior ({@link WeightPosterior#MATRIX_GAUSSIAN}, local reparameterization, otherwise as above) and
 * MC dropout ({@code p = 0.05} as in Gal &amp; Ghahramani's UCI runs, weight decay for the {@code N(0, 1)}
 * prior, the noise sd a point estimate from 0.5, Adam 1e-2, 3000 steps, 1000 passes).
 * Prints one JSON line in the {@link PeerFormat}.
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.BnnUciComparison DIABETES.csv [SPLITS] [--posteriors]}.
 */
public final class BnnUciComparison {

    private static final int STEPS = 3000;
    private static final int TEST = 45;

    private BnnUciComparison() {
    }

    public static void main(String[] args) throws IOException {
        Tensor[] data = LogisticAdviComparison.read(Path.of(args[0]));
        int splits = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 20;
        boolean posteriors = java.util.Arrays.asList(args).contains("--posteriors");
        List<int[]> perms = permutations();
        BnnRegression reg = BnnRegression.of(BayesianMlp.of(Activation.RELU, 10, 50, 1), 0.5).withLearnedNoise(0.5);
        List<Map<String, Object>> variants = new ArrayList<>();
        List<Object> perSplitAll = new ArrayList<>();
        variants.add(variant("BBB 10-50-1 ReLU, N(0,1) prior, Adam 1e-2, 3000 full-batch steps, float64", "pytorch",
                bbb(reg), data, perms, splits, perSplitAll));
        if (posteriors) {
            BnnRegression mvg = BnnRegression.of(BayesianMlp.of(Activation.RELU, 10, 50, 1)
                    .withPosterior(WeightPosterior.MATRIX_GAUSSIAN).withLocalReparameterization(true), 0.5).withLearnedNoise(0.5);
            variants.add(variant("matrix Gaussian 10-50-1 ReLU, local reparameterization, N(0,1) prior, Adam 1e-2, 3000 full-batch steps",
                    "matrix gaussian", bbb(mvg), data, perms, splits, perSplitAll));
            McDropout dropout = McDropout.of(Activation.RELU, 0.05, 0.5, 10, 50, 1).withLearnedNoise(0.5);
            variants.add(variant("MC dropout 10-50-1 ReLU, p = 0.05, N(0,1) weight decay, Adam 1e-2, 3000 full-batch steps",
                    "mc dropout", (x, y, seed) -> {
                        List<Tensor> w = dropout.fit(x, y, STEPS, seed);
                        return xt -> dropout.predict(w, xt, 1000, RandomStream.of(99));
                    },
                    data, perms, splits, perSplitAll));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("per_split", perSplitAll.size() == 1 ? perSplitAll.get(0) : perSplitAll);
        details.put("load_average", Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println(PeerFormat.line("bnn_bbb_diabetes_splits",
                "peers/data/diabetes.csv (sklearn load_diabetes, 442 x 10), " + splits + " splits 90/10", 1, variants, details));
    }

    /** Fits on standardised training data (the timed part); the result predicts at standardised test inputs. */
    interface Method {
        java.util.function.Function<Tensor, Predictive> fit(Tensor x, Tensor y, long seed);
    }

    private static Method bbb(BnnRegression reg) {
        return (x, y, seed) -> {
            BnnFit fit = reg.fit(x, y, STEPS, seed);
            return xt -> fit.predict(xt, 1000, RandomStream.of(99));
        };
    }

    private static Map<String, Object> variant(String name, String pair, Method method, Tensor[] data, List<int[]> perms, int splits,
            List<Object> perSplitAll) {
        run(method, data, perms.get(0), 0); // JIT warm-up
        double[] walls = new double[splits];
        double[] rmse = new double[splits];
        double[] loglik = new double[splits];
        List<Map<String, Object>> perSplit = new ArrayList<>();
        for (int s = 0; s < splits; s++) {
            double[] r = run(method, data, perms.get(s), s);
            walls[s] = r[0];
            rmse[s] = r[1];
            loglik[s] = r[2];
            perSplit.add(Map.of("rmse", r[1], "loglik", r[2], "wall_s", r[0], "noise_sd", r[3]));
        }
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("test_rmse_mean", mean(rmse));
        quality.put("test_rmse_se", se(rmse));
        quality.put("test_loglik_mean", mean(loglik));
        quality.put("test_loglik_se", se(loglik));
        perSplitAll.add(perSplit);
        return PeerFormat.variant(name, pair, PeerFormat.median(walls), STEPS, Double.NaN, quality);
    }

    /** One split: {wall seconds, test RMSE, test log-likelihood per point, fitted noise sd}, on the original scale. */
    static double[] run(Method method, Tensor[] data, int[] perm, long seed) {
        int n = perm.length;
        int[] test = java.util.Arrays.copyOfRange(perm, 0, TEST);
        int[] train = java.util.Arrays.copyOfRange(perm, TEST, n);
        Tensor xTrain = data[0].indexSelect(0, train);
        Tensor yTrain = data[1].indexSelect(0, train);
        Tensor xMean = xTrain.mean(0);
        Tensor xSd = xTrain.sub(xMean).square().mean(0).sqrt();
        double yMean = yTrain.mean().item();
        double ySd = Math.sqrt(yTrain.sub(yMean).square().mean().item());
        Tensor x = xTrain.sub(xMean).div(xSd);
        Tensor y = yTrain.sub(yMean).div(ySd);
        Tensor xTest = data[0].indexSelect(0, test).sub(xMean).div(xSd);
        Tensor yTest = data[1].indexSelect(0, test);
        long t0 = System.nanoTime();
        java.util.function.Function<Tensor, Predictive> fitted = method.fit(x, y, seed);
        double wall = (System.nanoTime() - t0) / 1e9;
        Predictive p = fitted.apply(xTest).affine(ySd, yMean);
        return new double[] {wall, p.rmse(yTest), p.averageLogPredictiveDensity(yTest), p.noiseSd()};
    }

    static List<int[]> permutations() throws IOException {
        List<int[]> out = new ArrayList<>();
        try (InputStream in = BnnUciComparison.class.getResourceAsStream("diabetes-splits.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.trim().split(" ");
                int[] p = new int[f.length];
                for (int i = 0; i < f.length; i++) {
                    p[i] = Integer.parseInt(f[i]);
                }
                out.add(p);
            }
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double se(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1) / v.length);
    }
}
