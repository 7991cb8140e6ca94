package io.github.elbo4j.bench;

import io.github.elbo4j.bnn.BayesianMlp;
import io.github.elbo4j.bnn.BnnClassification;
import io.github.elbo4j.bnn.Calibration;
import io.github.elbo4j.bnn.ClassifierFit;
import io.github.elbo4j.bnn.WeightPosterior;
import io.github.elbo4j.cli.demo.DigitCsv;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.ReliabilityDiagram;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Classification of the peers' {@code mnist10k.csv.gz} (binarized at 128, as {@link DigitCsv} reads it)
 * with the committed test split ({@code mnist10k-test-indices.txt}: 2,000 test digits, the other 8,000
 * for training): a 784-100-10 ReLU network fitted four ways with the same settings (Adam 1e-3, batches
 * of 100, {@code EPOCHS} epochs, default 20, seed 0), each with the {@code N(0, 1)} prior on every weight
 * and bias:
 * Bayes by Backprop (factorised Gaussian, local reparameterization, {@code μ ~ N(0, 0.1²)}, {@code ρ = -5}),
 * the matrix-variate Gaussian (Louizos &amp; Welling 2016, local reparameterization, the same initial
 * sds), MC dropout ({@code p = 0.5} on the hidden units) and a plain network (the MAP estimate, one
 * pass). Accuracy, expected calibration error (15 bins, Guo et al. 2017) and the test negative
 * log-likelihood per digit of the predictive {@code (1/S) Σ_s softmax(f(x; W_s))} over 100 draws
 * (seed 99); the reliability diagram of all four is written to {@code OUT_DIR/bnn-mnist-reliability.png}
 * (and {@code .svg}). The final ELBO column is the last minibatch's ELBO per training digit (variational rows only). Prints one JSON line in the {@link PeerFormat} (no peer: elbo4j only).
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.BnnMnistComparison MNIST.csv.gz [EPOCHS] [OUT_DIR]}.
 */
public final class BnnMnistComparison {

    private static final int DRAWS = 100;

    private BnnMnistComparison() {
    }

    public static void main(String[] args) throws IOException {
        DigitCsv.Digits digits = DigitCsv.read(Path.of(args[0]));
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path outDir = Path.of(args.length > 2 ? args[2] : ".");
        int[] test;
        try (InputStream in = BnnMnistComparison.class.getResourceAsStream("mnist10k-test-indices.txt")) {
            test = java.util.Arrays.stream(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+"))
                    .mapToInt(Integer::parseInt).toArray();
        }
        boolean[] isTest = new boolean[digits.size()];
        for (int i : test) {
            isTest[i] = true;
        }
        int[] train = IntStream.range(0, digits.size()).filter(i -> !isTest[i]).toArray();
        Tensor xTrain = digits.rows(train);
        Tensor xTest = digits.rows(test);
        int[] yTrain = labels(digits, train);
        int[] yTest = labels(digits, test);
        Map<String, BnnClassification> methods = methods();
        Map<String, Calibration> calibrations = new LinkedHashMap<>();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Map.Entry<String, BnnClassification> e : methods.entrySet()) {
            long t0 = System.nanoTime();
            ClassifierFit fit = e.getValue().fit(xTrain, yTrain, epochs, 0);
            double wall = (System.nanoTime() - t0) / 1e9;
            Calibration c = fit.calibration(xTest, yTest, e.getKey().startsWith("plain") ? 1 : DRAWS, RandomStream.of(99));
            calibrations.put(e.getKey(), c);
            Map<String, Object> quality = new LinkedHashMap<>();
            quality.put("test_accuracy", c.accuracy());
            quality.put("test_ece_15_bins", c.expectedCalibrationError());
            quality.put("test_nll_per_digit", c.negativeLogLikelihood());
            double[] trace = fit.trace();
            boolean variational = e.getKey().startsWith("Bayes") || e.getKey().startsWith("matrix");
            summary.add(PeerFormat.variant(e.getKey() + ", 784-100-10 ReLU, N(0,1) prior, Adam 1e-3, batch 100, " + epochs + " epochs",
                    "elbo4j only", wall, trace.length, variational ? -trace[trace.length - 1] : Double.NaN, quality));
        }
        ChartFiles.save(ReliabilityDiagram.of("Reliability on 2000 MNIST test digits (784-100-10)", calibrations),
                outDir, "bnn-mnist-reliability");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("train", train.length);
        details.put("test", test.length);
        details.put("predictive_draws", DRAWS);
        details.put("reliability_png", outDir.resolve("bnn-mnist-reliability.png").toString());
        details.put("load_average", Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println(PeerFormat.line("bnn_mnist10k_calibration", "peers/data/mnist10k.csv.gz, committed 2000-digit test split", 1,
                summary, details));
    }

    /** The four methods, in the order of the report. */
    static Map<String, BnnClassification> methods() {
        Map<String, BnnClassification> m = new LinkedHashMap<>();
        BayesianMlp net = BayesianMlp.of(Activation.RELU, 784, 100, 10).withLocalReparameterization(true);
        m.put("Bayes by Backprop (factorised)", BnnClassification.of(net));
        m.put("matrix Gaussian", BnnClassification.of(net.withPosterior(WeightPosterior.MATRIX_GAUSSIAN)));
        m.put("MC dropout p = 0.5", BnnClassification.mcDropout(Activation.RELU, 0.5, 1.0, 784, 100, 10));
        m.put("plain (MAP)", BnnClassification.plain(Activation.RELU, 1.0, 784, 100, 10));
        return m;
    }

    private static int[] labels(DigitCsv.Digits d, int[] rows) {
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = d.labels()[rows[i]];
        }
        return y;
    }
}
