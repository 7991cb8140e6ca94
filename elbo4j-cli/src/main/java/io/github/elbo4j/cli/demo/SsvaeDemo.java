package io.github.elbo4j.cli.demo;

import io.github.elbo4j.amortized.SemiSupervisedVae;
import io.github.elbo4j.amortized.SemiSupervisedVaeFit;
import io.github.elbo4j.amortized.SemiSupervisedVaeTraining;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.cli.report.ImageGrid;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * The semi-supervised VAE, model M2 of Kingma, Rezende, Mohamed &amp; Welling (NeurIPS 2014), on
 * MNIST digits binarized at 128: a label {@code y} and a style {@code z} per digit, the label a
 * latent that is summed out where it is missing. Of the training digits only ten per class keep
 * their label; M2 learns from the rest without labels. Its test accuracy is set against the same
 * classifier network trained on the labeled digits alone. The same split as {@link VaeDemo}
 * (the bundled sample by default, {@code --full FILE} for a whole file). Shows the objective per
 * epoch, both accuracies, and digits generated for each class with the same styles {@code z}.
 */
public final class SsvaeDemo implements Demo {

    /** Labels kept per class. */
    static final int LABELS_PER_CLASS = 10;
    /** Style draws per class in the generated grid. */
    static final int STYLES = 8;

    /**
     * The networks and the schedule.
     *
     * @param hidden       hidden width of the three networks
     * @param latent       size of the style z
     * @param epochs       passes over the unlabeled digits
     * @param learningRate Adam's step size
     */
    record Settings(int hidden, int latent, int epochs, double learningRate) {
    }

    /** On the sample: small networks and a short schedule, so the demo takes seconds. */
    static final Settings ON_SAMPLE = new Settings(256, 20, 12, 3e-3);
    /** With {@code --full}: the paper's networks (hidden 500, latent 50), the bench's schedule. */
    static final Settings ON_FILE = new Settings(500, 50, 12, 3e-3);

    private final Settings onSample;
    private final Settings onFile;

    /** The demo as {@code elbo4j demo ssvae} runs it. */
    public SsvaeDemo() {
        this(ON_SAMPLE, ON_FILE);
    }

    /** With other settings (tests run a few epochs). */
    SsvaeDemo(Settings onSample, Settings onFile) {
        this.onSample = onSample;
        this.onFile = onFile;
    }

    @Override
    public String name() {
        return "ssvae";
    }

    @Override
    public String summary() {
        return "the semi-supervised VAE (M2) on MNIST digits with 10 labels per class, against a classifier trained on the labels alone";
    }

    @Override
    public String mainPlot() {
        return "generated.png";
    }

    @Override
    public boolean readsDataFile() {
        return true;
    }

    /** The first {@code perClass} training digits of each class, in training order (indices into {@code train}). */
    static int[] labeledPicks(int[] labels, int[] train, int perClass) {
        int[] count = new int[10];
        int[] picks = new int[10 * perClass];
        int k = 0;
        for (int i : train) {
            if (count[labels[i]] < perClass) {
                count[labels[i]]++;
                picks[k++] = i;
            }
        }
        return Arrays.copyOf(picks, k);
    }

    @Override
    public void run(DemoContext context) throws IOException {
        String source = context.data().map(Path::toString).orElse(VaeDemo.SAMPLE + " (bundled)");
        DigitCsv.Digits digits = VaeDemo.load(context);
        int[][] split = VaeDemo.split(digits.size(), source);
        int[] labeled = labeledPicks(digits.labels(), split[0], LABELS_PER_CLASS);
        boolean[] isLabeled = new boolean[digits.size()];
        for (int i : labeled) {
            isLabeled[i] = true;
        }
        int[] unlabeled = Arrays.stream(split[0]).filter(i -> !isLabeled[i]).toArray();
        Settings s = context.data().isPresent() ? onFile : onSample;
        int[] yLabeled = pick(digits.labels(), labeled);
        int[] yTest = pick(digits.labels(), split[1]);
        Tensor xTest = digits.rows(split[1]);
        PrintWriter out = context.out();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "data: %s, %d digits binarized at %d; %d labeled (%d per class), %d unlabeled, %d test%n",
                source, digits.size(), DigitCsv.THRESHOLD, labeled.length, LABELS_PER_CLASS, unlabeled.length, split[1].length));
        t.append(String.format(Locale.ROOT, "networks with %d hidden softplus units, style z of size %d; Adam %s, %d epochs, alpha = 10 N%n",
                s.hidden(), s.latent(), s.learningRate(), s.epochs()));
        out.print(t);
        out.flush();
        SemiSupervisedVae m2 = SemiSupervisedVae.builder(DigitCsv.PIXELS, 10).hidden(s.hidden()).latent(s.latent()).seed(context.seed()).build();
        SemiSupervisedVaeTraining training = SemiSupervisedVaeTraining.defaults().withEpochs(s.epochs()).withLearningRate(s.learningRate())
                .withAlphaFraction(10).withSeed(context.seed()).withListener((e, objective, held, secs) -> {
                    out.printf(Locale.ROOT, "  epoch %2d: objective %9.2f per digit (%.1f s)%n", e, objective, secs);
                    out.flush();
                });
        SemiSupervisedVaeFit fit = m2.train(digits.rows(labeled), yLabeled, digits.rows(unlabeled), training);
        SemiSupervisedVaeFit alone = m2.trainClassifier(digits.rows(labeled), yLabeled, training.withListener((e, o, h, sec) -> { }));
        double accM2 = fit.accuracy(xTest, yTest);
        double accAlone = alone.accuracy(xTest, yTest);
        String r = String.format(Locale.ROOT, "test accuracy: M2 %.1f %%, the same classifier trained on the %d labeled digits alone %.1f %%%n"
                + "(M2 training: %.1f s)%n", 100 * accM2, labeled.length, 100 * accAlone, Arrays.stream(fit.epochSeconds()).sum());
        out.print(r);
        t.append(r);
        writeFiles(context, t.toString(), fit, s);
        out.println("wrote " + context.outDir().resolve("report.html"));
    }

    private static int[] pick(int[] labels, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[rows[i]];
        }
        return out;
    }

    private static void writeFiles(DemoContext context, String text, SemiSupervisedVaeFit fit, Settings s) throws IOException {
        Path dir = context.outDir();
        int side = DigitCsv.SIDE;
        double[] z = new double[STYLES * s.latent()];
        RandomStream.of(context.seed()).split(9).fillGaussian(z);
        int[] classes = new int[10 * STYLES];
        double[] styles = new double[10 * STYLES * s.latent()];
        for (int c = 0; c < 10; c++) {
            for (int k = 0; k < STYLES; k++) {
                classes[c * STYLES + k] = c;
                System.arraycopy(z, k * s.latent(), styles, (c * STYLES + k) * s.latent(), s.latent());
            }
        }
        Tensor images = fit.generate(classes, Tensor.of(styles, classes.length, s.latent()));
        ImageGrid grid = ImageGrid.of(images.toArray(), side, side, 10, STYLES).scale(3);
        HtmlReport.titled("The semi-supervised VAE (M2) on MNIST digits")
                .paragraph("Each digit has a label y and a style z ~ N(0, I); a decoder draws the digit from both. The guide has a "
                        + "classifier q(y | x) and an encoder q(z | x, y). Where the label is known it is observed; where it is missing "
                        + "the ELBO sums over the ten labels, weighted by the classifier, so unlabeled digits train the classifier too. "
                        + "The accuracy on the test digits is set against the same classifier trained on the labeled digits alone.")
                .preformatted(text)
                .figure(ChartFiles.save(objective(fit), dir, "objective"),
                        "The objective per digit after each epoch (the ELBO of the labeled and unlabeled digits plus the classification term)")
                .figure(grid.save(dir, "generated", "Digits generated for each class"),
                        "Row c: the decoder's pixel probabilities for label c with the same " + STYLES
                                + " styles z (column k uses the same z in every row; black = 1). Rows that differ show that the label "
                                + "carries the class; where the rows look alike the style z still carries it (short runs on few "
                                + "digits end that way)")
                .write(dir.resolve("report.html"));
    }

    private static XYChart objective(SemiSupervisedVaeFit fit) {
        XYChart c = Charts.lines("Objective per digit", "epoch", "objective per digit (nats)");
        double[] y = fit.objectivePerDatum();
        double[] x = new double[y.length];
        for (int e = 0; e < y.length; e++) {
            x[e] = e + 1;
        }
        Charts.line(c, "M2", x, y);
        Charts.elboRange(c, y);
        return c;
    }
}
