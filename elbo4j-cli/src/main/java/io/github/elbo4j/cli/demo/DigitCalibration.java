package io.github.elbo4j.cli.demo;

import io.github.elbo4j.bnn.BayesianMlp;
import io.github.elbo4j.bnn.BnnClassification;
import io.github.elbo4j.bnn.Calibration;
import io.github.elbo4j.bnn.WeightPosterior;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classification half of {@code elbo4j demo bnn}: a 784-{@value #HIDDEN}-10 ReLU network on the
 * bundled digits (the split of {@link VaeDemo#split}), fitted four ways with the same settings
 * ({@code N(0, 1)} prior, Adam 3e-3, batches of 50): Bayes by Backprop (factorised, local
 * reparameterization), the matrix Gaussian (local reparameterization), MC dropout ({@code p = 0.5})
 * and a plain MAP network; each one's calibration on the held-out digits from {@value #DRAWS}
 * predictive draws (one pass for the plain network).
 */
final class DigitCalibration {

    static final int HIDDEN = 50;
    static final int DRAWS = 30;

    private DigitCalibration() {
    }

    /** The four calibrations, in the order of the report. */
    static Map<String, Calibration> run(DigitCsv.Digits digits, int[][] split, int epochs, long seed) {
        Tensor xTrain = digits.rows(split[0]);
        Tensor xTest = digits.rows(split[1]);
        int[] yTrain = labels(digits, split[0]);
        int[] yTest = labels(digits, split[1]);
        BayesianMlp net = BayesianMlp.of(Activation.RELU, 784, HIDDEN, 10).withLocalReparameterization(true);
        Map<String, BnnClassification> methods = new LinkedHashMap<>();
        methods.put("Bayes by Backprop", BnnClassification.of(net));
        methods.put("matrix Gaussian", BnnClassification.of(net.withPosterior(WeightPosterior.MATRIX_GAUSSIAN)));
        methods.put("MC dropout", BnnClassification.mcDropout(Activation.RELU, 0.5, 1.0, 784, HIDDEN, 10));
        methods.put("plain network", BnnClassification.plain(Activation.RELU, 1.0, 784, HIDDEN, 10));
        Map<String, Calibration> out = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, BnnClassification> e : methods.entrySet()) {
            var fit = e.getValue().withOptimizer(Adam.lr(3e-3)).withBatchSize(50).fit(xTrain, yTrain, epochs, seed + k);
            int draws = e.getKey().startsWith("plain") ? 1 : DRAWS;
            out.put(e.getKey(), fit.calibration(xTest, yTest, draws, RandomStream.of(seed).split(10 + k)));
            k++;
        }
        return out;
    }

    private static int[] labels(DigitCsv.Digits d, int[] rows) {
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = d.labels()[rows[i]];
        }
        return y;
    }
}
