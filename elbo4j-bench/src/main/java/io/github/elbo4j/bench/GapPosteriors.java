package io.github.elbo4j.bench;

import io.github.elbo4j.bnn.BayesianMlp;
import io.github.elbo4j.bnn.BnnFit;
import io.github.elbo4j.bnn.BnnRegression;
import io.github.elbo4j.bnn.McDropout;
import io.github.elbo4j.bnn.Predictive;
import io.github.elbo4j.bnn.WeightPosterior;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The extra rows of {@code BnnGapComparison --posteriors}: the matrix-variate Gaussian posterior and MC
 * dropout on the gap regression, in the peer's settings (1-50-1 ReLU, {@code N(0, 1)} prior, noise sd
 * 0.15, Adam 1e-2, 2000 full-batch steps, 2000 predictive draws with seed 99).
 */
final class GapPosteriors {

    private static final int STEPS = 2000;
    private static final double NOISE = 0.15;

    private GapPosteriors() {
    }

    /** A fit (the timed part) returning its predictive at given inputs. */
    private interface Method {
        java.util.function.Function<Tensor, Predictive> fit(Tensor[] train, long seed);
    }

    static List<Map<String, Object>> rows(Tensor[] train, Tensor[] test, int repeats) {
        BnnRegression mvg = BnnRegression.of(BayesianMlp.of(Activation.RELU, 1, 50, 1)
                .withPosterior(WeightPosterior.MATRIX_GAUSSIAN).withLocalReparameterization(true), NOISE);
        McDropout dropout = McDropout.of(Activation.RELU, 0.1, NOISE, 1, 50, 1);
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(row("matrix Gaussian MLP 1-50-1 relu, local reparameterization, Adam 1e-2, full batch", "matrix gaussian",
                (tr, seed) -> {
                    BnnFit f = mvg.fit(tr[0], tr[1], STEPS, seed);
                    return x -> f.predict(x, 2000, RandomStream.of(99));
                }, train, test, repeats));
        out.add(row("MC dropout MLP 1-50-1 relu, p = 0.1, Adam 1e-2, full batch", "mc dropout",
                (tr, seed) -> {
                    List<Tensor> w = dropout.fit(tr[0], tr[1], STEPS, seed);
                    return x -> dropout.predict(w, x, 2000, RandomStream.of(99));
                }, train, test, repeats));
        return out;
    }

    private static Map<String, Object> row(String name, String pair, Method m, Tensor[] train, Tensor[] test, int repeats) {
        Tensor gapX = Tensor.linspace(-0.95, 0.95, 39).reshape(39, 1);
        m.fit(train, 1000L); // JIT warm-up
        double[] walls = new double[repeats];
        double[] lpds = new double[repeats];
        double[] rmses = new double[repeats];
        java.util.function.Function<Tensor, Predictive> last = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            last = m.fit(train, r);
            walls[r] = (System.nanoTime() - t0) / 1e9;
            Predictive p = last.apply(test[0]);
            lpds[r] = p.averageLogPredictiveDensity(test[1]);
            rmses[r] = p.rmse(test[1]);
        }
        Map<String, Object> quality = BnnGapComparison.quality(last.apply(test[0]), last.apply(gapX), test);
        Map<String, Object> variant = PeerFormat.variant(name, pair, PeerFormat.median(walls), STEPS, Double.NaN, quality);
        variant.put("test_avg_log_pred_density_per_seed", lpds);
        BnnGapComparison.putOverSeeds(variant, lpds, rmses);
        variant.put("wall_s_all", walls);
        return variant;
    }
}
