package io.github.elbo4j.cli.demo;

import io.github.elbo4j.bnn.BayesianMlp;
import io.github.elbo4j.bnn.BnnFit;
import io.github.elbo4j.bnn.BnnRegression;
import io.github.elbo4j.bnn.Calibration;
import io.github.elbo4j.bnn.McDropout;
import io.github.elbo4j.bnn.Predictive;
import io.github.elbo4j.bnn.WeightPosterior;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.cli.report.ReliabilityDiagram;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Bayesian neural networks, in two parts.
 *
 * <p>Regression with a gap in its inputs (the peers' design, generated here): 250 points with
 * {@code x ~ U(-4, -1)} and 250 with {@code x ~ U(1, 4)}, {@code y = x³/20 + N(0, 0.15²)}; a network
 * 1-50-1 with ReLU fitted by Bayes by Backprop (Blundell et al., ICML 2015; factorised Gaussian weights,
 * N(0, 1) prior, noise sd fixed at 0.15), by the matrix-variate Gaussian posterior (Louizos &amp;
 * Welling, ICML 2016; local reparameterization) and by MC dropout (Gal &amp; Ghahramani, ICML 2016).
 * Shows each predictive mean with its epistemic band (± 2 sd of f over weight draws) over
 * {@code [-6, 6]}, and prints the band's width in the gap, on the data and outside it: a factorised
 * Gaussian posterior over one hidden layer cannot widen its band in the gap (Foong, Burt, Li &amp;
 * Turner, NeurIPS 2020).
 *
 * <p>Classification of the bundled digits ({@link DigitCalibration}): accuracy and expected
 * calibration error of the three posteriors and a plain network, and their reliability diagram.
 */
public final class BnnDemo implements Demo {

    static final double NOISE = 0.15;

    private final int steps;
    private final int epochs;

    /** The demo as {@code elbo4j demo bnn} runs it: the peer's 2000 Adam steps; 10 epochs on the digits. */
    public BnnDemo() {
        this(2000, 10);
    }

    /** With other numbers of regression steps and classification epochs (tests run few). */
    BnnDemo(int steps, int epochs) {
        this.steps = steps;
        this.epochs = epochs;
    }

    @Override
    public String name() {
        return "bnn";
    }

    @Override
    public String summary() {
        return "Bayesian neural networks (Bayes by Backprop, matrix Gaussian, MC dropout): bands on a regression with a gap, "
                + "calibration on digits";
    }

    @Override
    public String mainPlot() {
        return "bands.png";
    }

    /** {@code n} points, half in (-4, -1), half in (1, 4), {@code y = x³/20 + noise}: {@code [x (n×1), y (n)]}. */
    static Tensor[] gapData(int n, RandomStream rng) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            x[i] = i < n / 2 ? -4 + 3 * u : 1 + 3 * u;
            y[i] = x[i] * x[i] * x[i] / 20 + NOISE * rng.nextGaussian();
        }
        return new Tensor[] {Tensor.of(x, n, 1), Tensor.of(y)};
    }

    @Override
    public void run(DemoContext context) throws IOException {
        RandomStream root = RandomStream.of(context.seed());
        Tensor[] data = gapData(500, root.split(1));
        double[] grid = new double[241];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -6 + 12.0 * i / (grid.length - 1);
        }
        Tensor xs = Tensor.of(grid, grid.length, 1);
        BnnFit bbb = BnnRegression.of(BayesianMlp.of(Activation.RELU, 1, 50, 1), NOISE).fit(data[0], data[1], steps, context.seed());
        Predictive pb = bbb.predict(xs, 1000, root.split(2));
        BnnFit mvg = BnnRegression.of(BayesianMlp.of(Activation.RELU, 1, 50, 1).withPosterior(WeightPosterior.MATRIX_GAUSSIAN)
                .withLocalReparameterization(true), NOISE).fit(data[0], data[1], steps, context.seed());
        Predictive pm = mvg.predict(xs, 1000, root.split(4));
        McDropout dropout = McDropout.of(Activation.RELU, 0.1, NOISE, 1, 50, 1);
        List<Tensor> weights = dropout.fit(data[0], data[1], steps, context.seed());
        Predictive pd = dropout.predict(weights, xs, 1000, root.split(3));
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "data: 500 points, x in (-4, -1) and (1, 4), y = x^3/20 + N(0, %.2f^2); network 1-50-1 ReLU, "
                + "%d Adam steps%n", NOISE, steps));
        t.append("mean epistemic sd of f        in the gap |x| < 1   on the data 1 < |x| < 4   outside 4 < |x| < 6\n");
        t.append(line("Bayes by Backprop", grid, pb.epistemicSd().toArray()));
        t.append(line("matrix Gaussian", grid, pm.epistemicSd().toArray()));
        t.append(line("MC dropout (p = 0.1)", grid, pd.epistemicSd().toArray()));
        DigitCsv.Digits digits = VaeDemo.load(new DemoContext(context.outDir(), context.seed(), context.out()));
        int[][] split = VaeDemo.split(digits.size(), VaeDemo.SAMPLE);
        Map<String, Calibration> cal = DigitCalibration.run(digits, split, epochs, context.seed());
        StringBuilder c = new StringBuilder();
        c.append(String.format(Locale.ROOT, "digits: %d training, %d held out (%s); 784-%d-10 ReLU, %d epochs%n", split[0].length,
                split[1].length, VaeDemo.SAMPLE, DigitCalibration.HIDDEN, epochs));
        c.append("                      accuracy   ECE (15 bins)   NLL per digit\n");
        for (Map.Entry<String, Calibration> e : cal.entrySet()) {
            c.append(String.format(Locale.ROOT, "%-20s  %8.3f   %13.3f   %13.3f%n", e.getKey(), e.getValue().accuracy(),
                    e.getValue().expectedCalibrationError(), e.getValue().negativeLogLikelihood()));
        }
        PrintWriter out = context.out();
        out.print(t);
        out.print(c);
        Path dir = context.outDir();
        HtmlReport.titled("Bayesian neural networks: a regression with a gap, and calibration on digits")
                .paragraph("Three ways to put uncertainty on a network's weights, fitted to the same data: Bayes by Backprop (a factorised "
                        + "Gaussian over every weight, trained by maximizing the ELBO), the matrix-variate Gaussian (rows and columns of "
                        + "each weight matrix correlated, Louizos and Welling 2016) and MC dropout (dropout kept on at prediction "
                        + "time). The dashed lines are the predictive mean plus or minus two epistemic sds (the spread of f over weight "
                        + "draws); the noise (sd 0.15) comes on top. A factorised Gaussian over one hidden layer cannot make the band wider between two "
                        + "inputs than at both ends (Foong et al. 2020): look at the gap.")
                .preformatted(t.toString())
                .figure(ChartFiles.save(bands(grid, data, new Predictive[] {pb, pm, pd}), dir, "bands"),
                        "Predictive mean (line), epistemic band (mean plus or minus 2 sd of f) and the data, for the three methods; "
                                + "the light solid lines: Bayes by Backprop's total band (mean plus or minus 2 sd of y, the noise included)")
                .figure(ChartFiles.save(sds(grid, new Predictive[] {pb, pm, pd}), dir, "epistemic-sd"),
                        "The epistemic sd of f against x: the gap is |x| < 1, the data 1 < |x| < 4")
                .paragraph("The same three posteriors and a plain network (the MAP estimate) classifying handwritten digits. A reliability "
                        + "diagram bins the held-out predictions by their confidence (the largest predicted probability, 15 bins) and plots "
                        + "each bin's accuracy against its mean confidence: on the diagonal a classifier is calibrated, below it "
                        + "overconfident. The expected calibration error (ECE) is the bins' mean distance from the diagonal, weighted by "
                        + "their sizes (Guo et al. 2017).")
                .preformatted(c.toString())
                .figure(ChartFiles.save(ReliabilityDiagram.of("Reliability on " + split[1].length + " held-out digits", cal), dir,
                        "reliability"), "Per-bin accuracy against confidence, and the diagonal of perfect calibration")
                .write(dir.resolve("report.html"));
        out.println("wrote " + dir.resolve("report.html"));
    }

    /** One table row: the mean epistemic sd over the grid points in the gap, on the data and outside. */
    static String line(String name, double[] grid, double[] sd) {
        double[] sum = new double[3];
        int[] count = new int[3];
        for (int i = 0; i < grid.length; i++) {
            double a = Math.abs(grid[i]);
            int k = a < 1 ? 0 : a <= 4 ? 1 : 2;
            sum[k] += sd[i];
            count[k]++;
        }
        return String.format(Locale.ROOT, "%-28s  %10.4f           %10.4f                %10.4f%n", name, sum[0] / count[0],
                sum[1] / count[1], sum[2] / count[2]);
    }

    private static XYChart sds(double[] grid, Predictive[] ps) {
        XYChart c = Charts.lines("Epistemic sd of f (the band's half-width / 2)", "x", "sd of f over weight draws");
        String[] names = {"Bayes by Backprop", "matrix Gaussian", "MC dropout"};
        for (int k = 0; k < ps.length; k++) {
            Charts.line(c, names[k], grid, ps[k].epistemicSd().toArray()).setLineColor(Charts.PALETTE[k + 1]);
        }
        return c;
    }

    private static XYChart bands(double[] grid, Tensor[] data, Predictive[] ps) {
        XYChart c = Charts.lines("Predictive mean and bands (±2 sd)", "x", "y");
        org.knowm.xchart.XYSeries points = Charts.line(c, "data", data[0].toArray(), data[1].toArray());
        points.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        points.setMarkerColor(Charts.translucent(java.awt.Color.GRAY, 120));
        c.getStyler().setMarkerSize(3);
        String[] names = {"Bayes by Backprop", "matrix Gaussian", "MC dropout"};
        for (int k = 0; k < ps.length; k++) {
            double[] m = ps[k].mean().toArray();
            double[] s = ps[k].epistemicSd().toArray();
            double[] lo = new double[m.length];
            double[] hi = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                lo[i] = m[i] - 2 * s[i];
                hi[i] = m[i] + 2 * s[i];
            }
            Charts.line(c, names[k] + " mean", grid, m).setLineColor(Charts.PALETTE[k + 1]);
            Charts.dashed(Charts.line(c, names[k] + " ±2 sd", grid, lo)).setLineColor(Charts.PALETTE[k + 1]);
            Charts.dashed(Charts.line(c, names[k] + " +2 sd", grid, hi)).setLineColor(Charts.PALETTE[k + 1]).setShowInLegend(false);
        }
        double[] m = ps[0].mean().toArray();         // the total band (noise on top of f) of the first method, in a lighter shade
        double[] t = ps[0].totalSd().toArray();
        double[] lo = new double[m.length];
        double[] hi = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            lo[i] = m[i] - 2 * t[i];
            hi[i] = m[i] + 2 * t[i];
        }
        java.awt.Color light = Charts.translucent(Charts.PALETTE[1], 110);
        Charts.line(c, names[0] + " total ±2 sd", grid, lo).setLineColor(light);
        Charts.line(c, names[0] + " total +2 sd", grid, hi).setLineColor(light).setShowInLegend(false);
        return c;
    }
}
