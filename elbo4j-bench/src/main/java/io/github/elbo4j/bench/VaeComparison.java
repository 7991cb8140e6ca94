package io.github.elbo4j.bench;

import io.github.elbo4j.amortized.Vae;
import io.github.elbo4j.amortized.VaeFit;
import io.github.elbo4j.amortized.VaeTraining;
import io.github.elbo4j.cli.demo.DigitCsv;
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

/**
 * The MNIST VAE in the peer's settings ({@code ../shared/peers/torch_vae_mnist.py}): 10,000 real
 * digits, its split (the 2,000 test indices are committed, from {@code peers/mnist_split.py}),
 * pixels binarized at 128, encoder 784-400-(20, 20) and decoder 20-400-784 with ReLU, Bernoulli
 * likelihood, analytic KL, one draw per datum, Adam 1e-3, batch 128, 20 epochs, PyTorch's default
 * initialisation; float64. Prints one JSON line: wall time of training (every epoch counted,
 * the first with its JIT warm-up), time per epoch, training ELBO per epoch, the heap in use after
 * a full GC at the end of each epoch (MiB), the test ELBO per datum (10 draws) and the test
 * IWAE bound with k = 500.
 * Usage: {@code java -cp benchmarks.jar io.github.elbo4j.bench.VaeComparison MNIST10K.csv.gz [EPOCHS]}.
 */
public final class VaeComparison {

    private VaeComparison() {
    }

    /** The peers' digit file through the command's reader ({@link DigitCsv}: binarized at 128): the labels and the pixels {@code [N, 784]}. */
    static Tensor[] read(InputStream in) throws IOException {
        DigitCsv.Digits d = DigitCsv.read(in, "mnist10k.csv.gz");
        double[] labels = java.util.Arrays.stream(d.labels()).asDoubleStream().toArray();
        return new Tensor[] {Tensor.of(labels), Tensor.of(d.pixels(), d.size(), DigitCsv.PIXELS)};
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Tensor x = read(Files.newInputStream(data))[1];
        int[] test;
        try (InputStream in = VaeComparison.class.getResourceAsStream("mnist10k-test-indices.txt")) {
            test = java.util.Arrays.stream(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+"))
                    .mapToInt(Integer::parseInt).toArray();
        }
        boolean[] isTest = new boolean[x.dim(0)];
        for (int i : test) {
            isTest[i] = true;
        }
        int[] train = java.util.stream.IntStream.range(0, x.dim(0)).filter(i -> !isTest[i]).toArray();
        Tensor xTrain = x.indexSelect(0, train);
        Tensor xTest = x.indexSelect(0, test);

        Vae vae = Vae.builder(784).latent(20).hidden(400).seed(0).build();
        List<Double> heap = new ArrayList<>();
        List<Double> elbos = new ArrayList<>();
        VaeTraining training = VaeTraining.defaults().withEpochs(epochs).withSeed(1).withListener((e, elbo, held, secs) -> {
            elbos.add(Math.round(elbo * 1000) / 1000.0);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            heap.add(Math.round((rt.totalMemory() - rt.freeMemory()) / 1048576.0 * 10) / 10.0);
            System.err.printf("epoch %d: train ELBO %.3f per datum, %.3f s%n", e, elbo, secs);
        });
        VaeFit fit = vae.train(xTrain, training);
        double trainSeconds = java.util.Arrays.stream(fit.history().seconds()).sum();
        long t0 = System.nanoTime();
        double testElbo = fit.elbo(xTest, 10, RandomStream.of(123));
        double iwae = fit.logLikelihood(xTest, 500, RandomStream.of(7));
        double evalSeconds = (System.nanoTime() - t0) / 1e9;

        long steps = (long) epochs * ((train.length + 127) / 128);
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("test_elbo_per_example", testElbo);
        quality.put("test_iwae_k500_per_example", iwae);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("n_train", train.length);
        details.put("n_test", test.length);
        details.put("epochs", epochs);
        details.put("time_per_epoch_s", trainSeconds / epochs);
        details.put("epoch_seconds", fit.history().seconds());
        details.put("train_elbo_per_epoch", elbos);
        details.put("heap_mib_after_epoch_gc", heap);
        details.put("eval_s", evalSeconds);
        details.put("blas", dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getName());
        System.out.println(PeerFormat.line("vae_mnist10k_z20", "peers/data/mnist10k.csv.gz (8000 train / 2000 test, binarised at 128)", 2,
                List.of(PeerFormat.variant("VAE 784-400-20, Adam 1e-3, " + epochs + " epochs x batch 128, float64",
                        "VAE 784-400-20, Adam 1e-3, 20 epochs x batch 128, float32", trainSeconds, steps, testElbo, quality)),
                details));
    }
}
