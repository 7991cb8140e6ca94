package io.github.elbo4j.bench;

import io.github.elbo4j.amortized.SemiSupervisedVae;
import io.github.elbo4j.amortized.SemiSupervisedVaeFit;
import io.github.elbo4j.amortized.SemiSupervisedVaeTraining;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The semi-supervised VAE (M2, Kingma et al. 2014) with 100 labels on the peers' 10,000 MNIST
 * digits (pixels binarized at 128; the committed split: 8,000 training digits, 2,000 test): 10
 * labeled digits per class drawn from the training digits by a seed, the other 7,900 unlabeled.
 * Reports the test accuracy of M2's classifier {@code q(y|x)} and of the same classifier MLP
 * trained on the 100 labels alone (cross-entropy, Adam, as many steps as M2 took), and the times.
 * Prints one JSON line ({@link PeerFormat}).
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.SsvaeComparison MNIST10K.csv.gz [EPOCHS [HIDDEN [LATENT [SEED [ALPHA_FRACTION [LR [ACTIVATION]]]]]]]}
 * Defaults: the paper's networks (hidden 500, latent 50, softplus), 12 epochs, seed 1, Adam 3e-3, and
 * {@code ALPHA_FRACTION = 10}: {@code α · mean_labeled log q(y|x)} with {@code α = 10 N}, which with 100
 * labels is {@code 0.1 N · Σ_labeled log q(y|x)} (the paper's {@code α = 0.1 N} applied to the sum; applied
 * to the mean, {@code ALPHA_FRACTION = 0.1}, M2 stayed far below the labels-only classifier here).
 */
public final class SsvaeComparison {

    private SsvaeComparison() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int hidden = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int latent = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        double alphaFraction = args.length > 5 ? Double.parseDouble(args[5]) : 10;
        double lr = args.length > 6 ? Double.parseDouble(args[6]) : 3e-3;
        io.github.elbo4j.nn.Activation activation = args.length > 7 ? io.github.elbo4j.nn.Activation.valueOf(args[7]) : io.github.elbo4j.nn.Activation.SOFTPLUS;
        Tensor[] read = VaeComparison.read(Files.newInputStream(data));
        double[] allLabels = read[0].toArray();
        Tensor x = read[1];
        int[] test;
        try (InputStream in = VaeComparison.class.getResourceAsStream("mnist10k-test-indices.txt")) {
            test = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+"))
                    .mapToInt(Integer::parseInt).toArray();
        }
        boolean[] isTest = new boolean[x.dim(0)];
        for (int i : test) {
            isTest[i] = true;
        }
        // 10 labeled digits per class: the first 10 of each class in a seeded shuffle of the training digits
        int[] train = java.util.stream.IntStream.range(0, x.dim(0)).filter(i -> !isTest[i]).toArray();
        RandomStream pick = RandomStream.of(seed).split(11);
        for (int i = train.length - 1; i > 0; i--) {
            int j = pick.nextInt(i + 1);
            int t = train[i];
            train[i] = train[j];
            train[j] = t;
        }
        int[] perClass = new int[10];
        List<Integer> labeled = new ArrayList<>();
        List<Integer> unlabeled = new ArrayList<>();
        for (int i : train) {
            int c = (int) allLabels[i];
            if (perClass[c] < 10) {
                perClass[c]++;
                labeled.add(i);
            } else {
                unlabeled.add(i);
            }
        }
        int[] li = labeled.stream().mapToInt(Integer::intValue).toArray();
        int[] ui = unlabeled.stream().mapToInt(Integer::intValue).toArray();
        Tensor xl = x.indexSelect(0, li);
        int[] yl = Arrays.stream(li).map(i -> (int) allLabels[i]).toArray();
        Tensor xu = x.indexSelect(0, ui);
        Tensor xt = x.indexSelect(0, test);
        int[] yt = Arrays.stream(test).map(i -> (int) allLabels[i]).toArray();

        SemiSupervisedVae m2 = SemiSupervisedVae.builder(784, 10).hidden(hidden).latent(latent).activation(activation).seed(seed).build();
        List<Double> objective = new ArrayList<>();
        SemiSupervisedVaeTraining training = SemiSupervisedVaeTraining.defaults().withEpochs(epochs).withSeed(seed)
                .withLearningRate(lr).withAlphaFraction(alphaFraction).withListener((e, j, h, secs) -> {
                    objective.add(Math.round(j * 1000) / 1000.0);
                    System.err.printf("epoch %d: J/N %.3f, %.1f s%n", e, j, secs);
                });
        long t0 = System.nanoTime();
        SemiSupervisedVaeFit fit = m2.train(xl, yl, xu, training);
        double m2Seconds = (System.nanoTime() - t0) / 1e9;
        double m2Accuracy = fit.accuracy(xt, yt);
        long stepsM2 = (long) epochs * ((ui.length + 99) / 100);

        // the baseline: the same classifier, 100 labels, as many Adam steps (one full batch of 100 per step)
        long t1 = System.nanoTime();
        SemiSupervisedVaeFit alone = m2.trainClassifier(xl, yl, training.withEpochs((int) stepsM2).withListener((e, j, h, s) -> { }));
        double aloneSeconds = (System.nanoTime() - t1) / 1e9;
        double aloneAccuracy = alone.accuracy(xt, yt);
        System.err.printf("M2 %.4f (%.1f s), classifier alone %.4f (%.1f s)%n", m2Accuracy, m2Seconds, aloneAccuracy, aloneSeconds);

        Map<String, Object> q2 = new LinkedHashMap<>();
        q2.put("test_accuracy", m2Accuracy);
        Map<String, Object> q1 = new LinkedHashMap<>();
        q1.put("test_accuracy", aloneAccuracy);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("n_labeled", li.length);
        details.put("n_unlabeled", ui.length);
        details.put("n_test", test.length);
        details.put("epochs", epochs);
        details.put("hidden", hidden);
        details.put("latent", latent);
        details.put("alpha", training.alphaFraction() * (li.length + ui.length));
        details.put("seed", seed);
        details.put("objective_per_datum_per_epoch", objective);
        details.put("epoch_seconds", fit.epochSeconds());
        details.put("m2_test_accuracy", m2Accuracy);
        details.put("classifier_alone_test_accuracy", aloneAccuracy);
        details.put("blas", dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getName());
        String arch = "784-" + hidden + "-10";
        System.out.println(PeerFormat.line("ssvae_m2_mnist10k_100labels", "peers/data/mnist10k.csv.gz (8000 train: 100 labeled + 7900 unlabeled / 2000 test, binarised at 128)", 2,
                List.of(PeerFormat.variant("M2 " + arch + " classifier, encoder/decoder hidden " + hidden + ", z " + latent + ", " + activation + ", Adam " + lr + ", "
                                + epochs + " epochs x batch 100 + 100 labeled, alpha " + alphaFraction + " N", "none (no peer)", m2Seconds, stepsM2, objective.isEmpty() ? Double.NaN
                                : objective.get(objective.size() - 1), q2),
                        PeerFormat.variant("classifier " + arch + " on the 100 labels alone, " + activation + ", Adam " + lr + ", " + stepsM2 + " steps", "none (no peer)",
                                aloneSeconds, stepsM2, Double.NaN, q1)),
                details));
    }
}
