package io.github.elbo4j.cli.demo;

import io.github.elbo4j.bnn.BayesianMlp;
import io.github.elbo4j.bnn.BnnFit;
import io.github.elbo4j.bnn.BnnRegression;
import io.github.elbo4j.bnn.McDropout;
import io.github.elbo4j.bnn.Predictive;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Bayesian neural networks on a regression with a gap in its inputs (the peers' design, generated
 * here): 250 points with {@code x ~ U(-4, -1)} and 250 with {@code x ~ U(1, 4)},
 * {@code y = x³/20 + N(0, 0.15²)}; a network 1-50-1 with ReLU fitted by Bayes by Backprop (Blundell
 * et al., ICML 2015; factorised Gaussian weights, N(0, 1) prior, noise sd fixed at 0.15) and by MC
 * dropout (Gal &amp; Ghahramani, ICML 2016). Shows each predictive mean with its epistemic band
 * (± 2 sd of f over weight draws) over {@code [-6, 6]}, and prints
 * the band's width in the gap, on the data and outside it: a factorised Gaussian posterior over one
 * hidden layer cannot widen its band in the gap (Foong, Burt, Li &amp; Turner, NeurIPS 2020).
 */
public final class BnnDemo implements Demo {

    static final double NOISE = 0.15;

    private final int steps;

    /** The demo as {@code elbo4j demo bnn} runs it: the peer's 2000 Adam steps. */
    public BnnDemo() {
        this(2000);
    }

    /** With another number of steps (tests run few). */
    BnnDemo(int steps) {
        this.steps = steps;
    }

    @Override
    public String name() {
        return "bnn";
    }

    @Override
    public String summary() {
        return "Bayesian neural networks (Bayes by Backprop, MC dropout) on a regression with a gap: predictive bands";
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
        McDropout dropout = McDropout.of(Activation.RELU, 0.1, NOISE, 1, 50, 1);
        List<Tensor> weights = dropout.fit(data[0], data[1], steps, context.seed());
        Predictive pd = dropout.predict(weights, xs, 1000, root.split(3));
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "data: 500 points, x in (-4, -1) and (1, 4), y = x^3/20 + N(0, %.2f^2); network 1-50-1 ReLU, "
                + "%d Adam steps%n", NOISE, steps));
        t.append("mean epistemic sd of f        in the gap |x| < 1   on the data 1 < |x| < 4   outside 4 < |x| < 6\n");
        t.append(line("Bayes by Backprop", grid, pb.epistemicSd().toArray()));
        t.append(line("MC dropout (p = 0.1)", grid, pd.epistemicSd().toArray()));
        PrintWriter out = context.out();
        out.print(t);
        Path dir = context.outDir();
        HtmlReport.titled("Bayesian neural networks on a regression with a gap")
                .paragraph("Two ways to put uncertainty on a network's weights, fitted to the same data: Bayes by Backprop (a factorised "
                        + "Gaussian over every weight, trained by maximizing the ELBO) and MC dropout (dropout kept on at prediction "
                        + "time). The dashed lines are the predictive mean plus or minus two epistemic sds (the spread of f over weight "
                        + "draws); the noise (sd 0.15) comes on top. A factorised Gaussian over one hidden layer cannot make the band wider between two "
                        + "inputs than at both ends (Foong et al. 2020): look at the gap.")
                .preformatted(t.toString())
                .figure(ChartFiles.save(bands(grid, data, pb, pd), dir, "bands"),
                        "Predictive mean (line), epistemic band (mean plus or minus 2 sd of f) and the data, for both methods")
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

    private static XYChart bands(double[] grid, Tensor[] data, Predictive pb, Predictive pd) {
        XYChart c = Charts.lines("Predictive mean and epistemic band (±2 sd)", "x", "y");
        org.knowm.xchart.XYSeries points = Charts.line(c, "data", data[0].toArray(), data[1].toArray());
        points.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        points.setMarkerColor(Charts.translucent(java.awt.Color.GRAY, 120));
        c.getStyler().setMarkerSize(3);
        Predictive[] ps = {pb, pd};
        String[] names = {"Bayes by Backprop", "MC dropout"};
        for (int k = 0; k < 2; k++) {
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
        return c;
    }
}
