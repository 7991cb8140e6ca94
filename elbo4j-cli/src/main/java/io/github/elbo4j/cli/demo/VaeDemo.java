package io.github.elbo4j.cli.demo;

import io.github.elbo4j.amortized.Vae;
import io.github.elbo4j.amortized.VaeFit;
import io.github.elbo4j.amortized.VaeTraining;
import io.github.elbo4j.cli.fit.BadInputException;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.cli.report.ImageGrid;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The variational autoencoder of Kingma &amp; Welling (ICLR 2014) on MNIST digits binarized at
 * 128, in the PyTorch example's architecture: encoder 784-400-(20, 20), decoder 20-400-784, ReLU,
 * Bernoulli pixels, the ELBO with the Gaussian KL in closed form, Adam. By default on the bundled
 * sample (150 digits of each class; a fixed shuffle holds out a fifth, 1,200 / 300), with a short
 * schedule so the demo takes seconds; with {@code --full FILE} on a whole file of the same layout
 * in the peer's settings (batch 128, Adam 1e-3, 20 epochs). A second model with a 2-D latent
 * space is trained the same way for pictures of that space. Shows the ELBO per epoch (training and
 * held-out), reconstructions of held-out digits, prior samples, the 2-D latent space coloured by
 * digit and the decoder over a grid of it, and the held-out ELBO and importance-weighted
 * log-likelihood bound (Burda et al., ICLR 2016) per digit.
 */
public final class VaeDemo implements Demo {

    /** The bundled sample: a resource next to this class. */
    static final String SAMPLE = "mnist-sample.csv.gz";
    /** Seed of the shuffle that splits the data; fixed, so every seed is scored on the same digits. */
    static final long SPLIT_SEED = 20140101L;
    /** The 20-D model's latent size (the peer's), and the picture model's. */
    static final int LATENT = 20;
    static final int LATENT_2D = 2;
    /** Hidden layer width (the peer's). */
    static final int HIDDEN = 400;
    /** At most this many digits in the latent-space scatter. */
    static final int SCATTER_MAX = 2000;

    /**
     * A training schedule and the evaluation's draws.
     *
     * @param epochs       epochs for each model
     * @param batchSize    minibatch size
     * @param learningRate Adam's step size
     * @param elboDraws    draws per held-out digit for its ELBO
     * @param iwaeK        importance samples per held-out digit for its log-likelihood bound
     */
    record Settings(int epochs, int batchSize, double learningRate, int elboDraws, int iwaeK) {
    }

    /** On the sample: larger steps and smaller batches than the peer's, so 15 epochs of 1,200 digits get somewhere. */
    static final Settings ON_SAMPLE = new Settings(15, 100, 3e-3, 10, 100);
    /** With {@code --full}: the peer's schedule. */
    static final Settings ON_FILE = new Settings(20, 128, 1e-3, 10, 100);

    private final Settings onSample;
    private final Settings onFile;

    /** The demo as {@code elbo4j demo vae} runs it. */
    public VaeDemo() {
        this(ON_SAMPLE, ON_FILE);
    }

    /** With other schedules (tests run a few epochs). */
    VaeDemo(Settings onSample, Settings onFile) {
        this.onSample = onSample;
        this.onFile = onFile;
    }

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String summary() {
        return "a variational autoencoder on MNIST digits: ELBO per epoch, reconstructions, prior samples, a 2-D latent space, "
                + "held-out log-likelihood";
    }

    @Override
    public String mainPlot() {
        return "reconstructions.png";
    }

    @Override
    public boolean readsDataFile() {
        return true;
    }

    /** The data the demo trains on: the file given, or the bundled sample. */
    static DigitCsv.Digits load(DemoContext context) throws IOException {
        if (context.data().isPresent()) {
            return DigitCsv.read(context.data().get());
        }
        try (InputStream in = VaeDemo.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + SAMPLE + " is missing from the class path");
            }
            return DigitCsv.read(in, SAMPLE);
        }
    }

    /**
     * The split of {@code n} digits: a Fisher-Yates shuffle seeded with {@link #SPLIT_SEED}; its first
     * {@code n / 5} are held out ({@code [1]}), the rest train ({@code [0]}).
     */
    static int[][] split(int n, String source) {
        if (n < 10) {
            throw new BadInputException(source + ": " + n + " images; the demo needs at least 10 (a fifth is held out)");
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        RandomStream rng = RandomStream.of(SPLIT_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int held = n / 5;
        return new int[][] {Arrays.copyOfRange(perm, held, n), Arrays.copyOfRange(perm, 0, held)};
    }

    @Override
    public void run(DemoContext context) throws IOException {
        String source = context.data().map(Path::toString).orElse(SAMPLE + " (bundled)");
        DigitCsv.Digits digits = load(context);
        int[][] split = split(digits.size(), source);
        Tensor train = digits.rows(split[0]);
        Tensor held = digits.rows(split[1]);
        Settings s = context.data().isPresent() ? onFile : onSample;
        PrintWriter out = context.out();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "data: %s, %d digits binarized at %d; %d train, %d held out (a fixed shuffle)%n",
                source, digits.size(), DigitCsv.THRESHOLD, split[0].length, split[1].length));
        t.append(String.format(Locale.ROOT, "networks 784-%d-(d, d) and d-%d-784, ReLU, Bernoulli pixels; Adam %s, batch %d, %d epochs%n",
                HIDDEN, HIDDEN, s.learningRate(), s.batchSize(), s.epochs()));
        out.print(t);
        out.flush();
        VaeFit big = train(LATENT, train, held, s, context.seed(), out);
        VaeFit small = train(LATENT_2D, train, held, s, context.seed(), out);
        RandomStream eval = RandomStream.of(context.seed()).split(7);
        double[] elbo = {big.elbo(held, s.elboDraws(), eval.split(1)), small.elbo(held, s.elboDraws(), eval.split(2))};
        double[] logLik = {big.logLikelihood(held, s.iwaeK(), eval.split(3)), small.logLikelihood(held, s.iwaeK(), eval.split(4))};
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "latent 20: %.1f s of training, kept epoch %d of %d; latent 2: %.1f s, kept epoch %d of %d%n",
                seconds(big), big.history().bestEpoch(), big.history().epochs(), seconds(small), small.history().bestEpoch(), small.history().epochs()));
        r.append(String.format(Locale.ROOT, "held-out ELBO per digit (%d draws): %.2f (latent 20), %.2f (latent 2)%n", s.elboDraws(), elbo[0], elbo[1]));
        r.append(String.format(Locale.ROOT, "held-out log-likelihood per digit (IWAE bound, k = %d): %.2f (latent 20), %.2f (latent 2)%n",
                s.iwaeK(), logLik[0], logLik[1]));
        r.append(String.format(Locale.ROOT, "(nats; every pixel a fair coin scores 784 log 1/2 = %.2f)%n", -DigitCsv.PIXELS * Math.log(2)));
        out.print(r);
        t.append(r);
        writeFiles(context, t.toString(), digits, split, big, small, s);
        out.println("wrote " + context.outDir().resolve("report.html"));
    }

    private static VaeFit train(int latent, Tensor train, Tensor held, Settings s, long seed, PrintWriter out) {
        out.printf(Locale.ROOT, "training the latent-%d model:%n", latent);
        out.flush();
        VaeTraining training = VaeTraining.defaults().withEpochs(s.epochs()).withBatchSize(s.batchSize()).withLearningRate(s.learningRate())
                .withSeed(seed).withHeldOut(held, Integer.MAX_VALUE).withListener((e, elbo, heldOut, secs) -> {
                    out.printf(Locale.ROOT, "  epoch %2d: training ELBO %8.2f, held-out ELBO %8.2f per digit (%.1f s)%n",
                            e, elbo, heldOut, secs);
                    out.flush();
                });
        return Vae.builder(DigitCsv.PIXELS).latent(latent).hidden(HIDDEN).seed(seed).build().train(train, training);
    }

    private static double seconds(VaeFit fit) {
        return Arrays.stream(fit.history().seconds()).sum();
    }

    private void writeFiles(DemoContext context, String text, DigitCsv.Digits digits, int[][] split, VaeFit big, VaeFit small, Settings s)
            throws IOException {
        Path dir = context.outDir();
        int side = DigitCsv.SIDE;
        int[] shown = reconstructionPicks(digits.labels(), split[1]);
        Tensor originals = digits.rows(shown);
        ImageGrid pairs = ImageGrid.of(originalsAboveReconstructions(originals.toArray(), big.reconstruct(originals).toArray()), side, side, 2 * pairRows(shown.length), 10).scale(3);
        ImageGrid samples = ImageGrid.of(big.samplePrior(64, RandomStream.of(context.seed()).split(8)).toArray(), side, side, 8, 8).scale(3);
        ImageGrid manifold = ImageGrid.of(small.decodeMean(VaeCharts.latentGrid(12, 2.0)).toArray(), side, side, 12, 12).scale(2);
        int[] scattered = Arrays.copyOf(concat(split[1], split[0]), Math.min(SCATTER_MAX, digits.size()));
        int[] scatterLabels = new int[scattered.length];
        for (int i = 0; i < scattered.length; i++) {
            scatterLabels[i] = digits.labels()[scattered[i]];
        }
        double[] means = small.encodeMean(digits.rows(scattered)).toArray();
        HtmlReport.titled("A variational autoencoder on MNIST digits")
                .paragraph("Each digit x gets a latent z ~ N(0, I); a decoder network gives each pixel's probability of ink, and an "
                        + "encoder network gives each digit's approximate posterior q(z | x) = N(mu(x), diag sigma^2(x)). Both are trained "
                        + "together by stochastic VI on the ELBO, a minibatch at a time. The held-out digits are never trained on; after "
                        + "every epoch their ELBO is computed, and the parameters of the best epoch are kept.")
                .preformatted(text)
                .figure(ChartFiles.save(VaeCharts.elbo(big, small), dir, "elbo"),
                        "ELBO per digit after each epoch: the training estimate (mean over the epoch's minibatches) and the held-out "
                                + "ELBO (one draw per digit), for the 20-D and the 2-D latent")
                .figure(pairs.save(dir, "reconstructions", "Held-out digits and their reconstructions"),
                        "Held-out digits, two of each class (rows 1 and 3, binarized), above their reconstructions by the 20-D model "
                                + "(rows 2 and 4: the decoder's pixel probabilities at the encoder's mean; black = 1)")
                .figure(samples.save(dir, "samples", "Samples from the prior"),
                        "64 digits from the 20-D model: z ~ N(0, I), drawn as the decoder's pixel probabilities (black = 1)")
                .figure(ChartFiles.save(VaeCharts.latent(means, scatterLabels), dir, "latent"),
                        "The 2-D latent space: the encoder's mean mu(x) of " + scattered.length + " digits ("
                                + (scattered.length == digits.size() ? "all of them" : "the held-out ones first") + "), coloured by class")
                .figure(manifold.save(dir, "manifold", "The 2-D decoder over a grid of z"),
                        "The decoder of the 2-D model at a 12 x 12 grid of z in [-2, 2]^2 (z1 left to right, z2 bottom to top, "
                                + "as in the scatter above)")
                .write(dir.resolve("report.html"));
    }

    /**
     * Held-out rows to reconstruct: two of each digit 0–9 (the first in held-out order), column
     * {@code c} of the first pass the digit c; a digit missing from the held-out set is replaced by
     * the next unused held-out image. At most 20.
     */
    static int[] reconstructionPicks(int[] labels, int[] held) {
        boolean[] used = new boolean[held.length];
        int[] picks = new int[Math.min(20, held.length)];
        for (int k = 0; k < picks.length; k++) {
            int digit = k % 10;
            int found = -1;
            for (int i = 0; i < held.length && found < 0; i++) {
                found = !used[i] && labels[held[i]] == digit ? i : -1;
            }
            for (int i = 0; i < held.length && found < 0; i++) {
                found = !used[i] ? i : -1;
            }
            used[found] = true;
            picks[k] = held[found];
        }
        return picks;
    }

    /**
     * For up to 20 images, the tiles of a grid of 10 columns: a row of originals (the first ten),
     * the row of their reconstructions below, then the same for the next ten; empty tiles white.
     */
    static double[] originalsAboveReconstructions(double[] x, double[] rec) {
        int p = DigitCsv.PIXELS;
        int n = x.length / p;
        double[] grid = new double[pairRows(n) * 2 * 10 * p];
        for (int k = 0; k < n; k++) {
            int tile = (k / 10) * 20 + k % 10;
            System.arraycopy(x, k * p, grid, tile * p, p);
            System.arraycopy(rec, k * p, grid, (tile + 10) * p, p);
        }
        return grid;
    }

    /** Pairs of rows (originals, reconstructions) for {@code n} images, ten a row. */
    static int pairRows(int n) {
        return (n + 9) / 10;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
