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
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Does a posterior widen its epistemic band in the gap of {@code bnn_500.csv}? For each network given,
 * fitted with seed 0 in the peer's settings (noise sd 0.15, {@code N(0, 1)} prior, Adam 1e-2, full batch),
 * prints the mean epistemic sd at 39 points of the gap {@code [-0.95, 0.95]} (and its minimum), the mean
 * and median over the 500 training inputs, their ratio (gap mean / data mean), and the test
 * log-likelihood and RMSE on {@code bnn_test_1000.csv}; 1000 predictive draws (seed 99).
 * A network is {@code KIND:ACTIVATION:HIDDEN_LAYERS[:p]} with 50 units per hidden layer: KIND {@code F}
 * (factorised, weight sampling), {@code FL} (factorised, local reparameterization), {@code M} / {@code ML}
 * (matrix Gaussian), {@code D} (MC dropout with drop probability {@code p}).
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.BnnGapBands TRAIN.csv TEST.csv STEPS F:relu:1,ML:relu:2,D:relu:2:0.5}.
 */
public final class BnnGapBands {

    private BnnGapBands() {
    }

    public static void main(String[] args) throws IOException {
        Tensor[] train = BnnGapComparison.read(Path.of(args[0]));
        Tensor[] test = BnnGapComparison.read(Path.of(args[1]));
        int steps = Integer.parseInt(args[2]);
        Tensor gapX = Tensor.linspace(-0.95, 0.95, 39).reshape(39, 1);
        System.out.println("network               gap mean (min)     data mean  median   ratio   test loglik  test RMSE");
        for (String spec : args[3].split(",")) {
            String[] f = spec.split(":");
            Activation act = f[1].equals("tanh") ? Activation.TANH : Activation.RELU;
            int layers = Integer.parseInt(f[2]);
            int[] sizes = new int[layers + 2];
            Arrays.fill(sizes, 50);
            sizes[0] = 1;
            sizes[layers + 1] = 1;
            Predictive[] p = new Predictive[3];
            Tensor[] at = {gapX, train[0], test[0]};
            if (f[0].equals("D")) {
                McDropout d = McDropout.of(act, Double.parseDouble(f[3]), 0.15, sizes);
                List<Tensor> w = d.fit(train[0], train[1], steps, 0);
                for (int i = 0; i < 3; i++) {
                    p[i] = d.predict(w, at[i], 1000, RandomStream.of(99));
                }
            } else {
                BayesianMlp net = BayesianMlp.of(act, sizes).withLocalReparameterization(f[0].endsWith("L"))
                        .withPosterior(f[0].startsWith("M") ? WeightPosterior.MATRIX_GAUSSIAN : WeightPosterior.FACTORISED_GAUSSIAN);
                BnnFit fit = BnnRegression.of(net, 0.15).fit(train[0], train[1], steps, 0);
                for (int i = 0; i < 3; i++) {
                    p[i] = fit.predict(at[i], 1000, RandomStream.of(99));
                }
            }
            double gap = p[0].epistemicSd().mean().item();
            double data = p[1].epistemicSd().mean().item();
            double[] sorted = p[1].epistemicSd().toArray();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-20s  %.4f (%.4f)    %.4f    %.4f   %.2f    %.3f        %.4f%n", spec, gap,
                    p[0].epistemicSd().min().item(), data, sorted[sorted.length / 2], gap / data,
                    p[2].averageLogPredictiveDensity(test[1]), p[2].rmse(test[1]));
        }
    }
}
