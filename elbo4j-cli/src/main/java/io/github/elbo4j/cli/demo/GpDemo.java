package io.github.elbo4j.cli.demo;

import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.gp.BernoulliLikelihood;
import io.github.elbo4j.gp.GaussianLikelihood;
import io.github.elbo4j.gp.GpPrediction;
import io.github.elbo4j.gp.SquaredExponential;
import io.github.elbo4j.gp.Svgp;
import io.github.elbo4j.gp.SvgpFit;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Sparse variational Gaussian processes (Hensman, Fusi &amp; Lawrence 2013; Hensman, Matthews &amp;
 * Ghahramani 2015), trained by minibatch SVI with learned inducing inputs and hyperparameters:
 * (1) regression on 300 points with a gap, {@code x ∈ (-5, -1) ∪ (1, 5)}, {@code y = sin x +
 * N(0, 0.2²)}, 15 inducing inputs, showing the mean, the epistemic band (± 2 sd of f) and the total
 * band (± 2 sd of y), with the inducing inputs marked; (2) classification of two moons (300 points,
 * logit link, 20 inducing inputs) with the probability surface and held-out accuracy and log
 * predictive density on 1,000 fresh points.
 */
public final class GpDemo implements Demo {

    @Override
    public String name() {
        return "gp";
    }

    @Override
    public String summary() {
        return "Sparse variational GPs: regression with a gap (epistemic and total bands), two-moons classification";
    }

    @Override
    public String mainPlot() {
        return "regression.png";
    }

    /** {@code n} points, half in (-5, -1), half in (1, 5), {@code y = sin x + N(0, 0.2²)}. */
    static Tensor[] gapData(int n, RandomStream rng) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            x[i] = i < n / 2 ? -5 + 4 * u : 1 + 4 * u;
            y[i] = Math.sin(x[i]) + 0.2 * rng.nextGaussian();
        }
        return new Tensor[] {Tensor.of(x, n, 1), Tensor.of(y)};
    }

    /** Two interleaved half circles with Gaussian noise 0.2 (scikit-learn's make_moons recipe): labels 0 and 1. */
    static Tensor[] moons(int n, RandomStream rng) {
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * rng.nextDouble();
            boolean upper = i % 2 == 0;
            x[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + 0.2 * rng.nextGaussian();
            x[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + 0.2 * rng.nextGaussian();
            y[i] = upper ? 0 : 1;
        }
        return new Tensor[] {Tensor.of(x, n, 2), Tensor.of(y)};
    }

    @Override
    public void run(DemoContext context) throws IOException {
        RandomStream root = RandomStream.of(context.seed());
        PrintWriter out = context.out();
        Path dir = context.outDir();
        StringBuilder t = new StringBuilder();

        Tensor[] data = gapData(300, root.split(1));
        SvgpFit reg = Svgp.of(SquaredExponential.of(1.0, 1.0), GaussianLikelihood.of(0.5), Tensor.linspace(-4, 4, 15)
                .reshape(15, 1)).withBatchSize(50).withEpochs(150).withOptimizer(Adam.lr(0.03)).fit(data[0], data[1],
                context.seed());
        double[] grid = new double[241];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -7 + 14.0 * i / (grid.length - 1);
        }
        GpPrediction p = reg.predict(Tensor.of(grid, grid.length, 1));
        double[] sd = p.latentVariance().sqrt().toArray();
        t.append(String.format(Locale.ROOT, "regression: 300 points, x in (-5, -1) and (1, 5), y = sin x + N(0, 0.2^2); "
                + "15 inducing inputs; fitted %s, noise variance %.4f%n", reg.kernel(),
                ((GaussianLikelihood) reg.likelihood()).noiseVariance()));
        t.append(String.format(Locale.ROOT, "mean epistemic sd of f   in the gap |x| < 1: %.4f   on the data 1 < |x| < 5: %.4f"
                + "   outside |x| > 5: %.4f%n", meanSd(grid, sd, 0, 1), meanSd(grid, sd, 1, 5), meanSd(grid, sd, 5, 99)));

        Tensor[] train = moons(300, root.split(2));
        Tensor[] test = moons(1000, root.split(3));
        SvgpFit cls = Svgp.of(SquaredExponential.of(1.0, 1.0), BernoulliLikelihood.of(BernoulliLikelihood.Link.LOGIT),
                train[0].slice(0, 0, 20)).withBatchSize(50).withEpochs(150).withOptimizer(Adam.lr(0.03))
                .fit(train[0], train[1], context.seed());
        double[] prob = cls.predict(test[0]).mean().toArray();
        double[] labels = test[1].toArray();
        int correct = 0;
        for (int i = 0; i < prob.length; i++) {
            correct += (prob[i] > 0.5) == (labels[i] > 0.5) ? 1 : 0;
        }
        double lpd = cls.logPredictiveDensity(test[0], test[1]).mean().item();
        t.append(String.format(Locale.ROOT, "classification: two moons, 300 training points, 20 inducing inputs, logit link; "
                + "held-out accuracy %.3f, log predictive density %.4f nats per point (a coin: -0.6931)%n",
                correct / (double) prob.length, lpd));
        out.print(t);

        double[] box = {-1.8, 2.8, -1.4, 1.9};
        int n = 120;
        double[] g = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                g[2 * (j * n + i)] = box[0] + (box[1] - box[0]) * (i + 0.5) / n;
                g[2 * (j * n + i) + 1] = box[2] + (box[3] - box[2]) * (j + 0.5) / n;
            }
        }
        double[] surface = cls.predict(Tensor.of(g, n * n, 2)).mean().toArray();
        byte[] classification = DensityPanels.save(DecisionSurface.image(surface, n, box, rows(train[0]),
                train[1].toArray(), rows(cls.inducing()), "p(y = 1 | x): SVGP, logit link; x = inducing inputs"), dir,
                "classification", "two moons probability surface");
        HtmlReport.titled("Sparse variational Gaussian processes")
                .paragraph("A sparse variational GP summarizes the data through a few inducing inputs (black) and a Gaussian over "
                        + "the function values there, trained by minibatch stochastic variational inference. The epistemic band "
                        + "(plus or minus two sds of f) widens in the gap and outside the data; the total band adds the learned noise.")
                .preformatted(t.toString())
                .figure(ChartFiles.save(regression(grid, data, p, reg), dir, "regression"),
                        "Regression with a gap: mean, epistemic band (±2 sd of f), total band (±2 sd of y), data (grey), inducing inputs")
                .figure(classification, "Two moons: probability of class 1 (blue 0, white 0.5, red 1), the 0.5 contour in "
                        + "black, training points and inducing inputs (crosses)")
                .write(dir.resolve("report.html"));
        out.println("wrote " + dir.resolve("report.html"));
    }

    static double meanSd(double[] grid, double[] sd, double lo, double hi) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < grid.length; i++) {
            double a = Math.abs(grid[i]);
            if (a >= lo && a < hi) {
                s += sd[i];
                c++;
            }
        }
        return s / c;
    }

    private static double[][] rows(Tensor m) {
        int n = m.dim(0);
        int d = m.dim(1);
        double[] v = m.toArray();
        double[][] r = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v, i * d, r[i], 0, d);
        }
        return r;
    }

    private static XYChart regression(double[] grid, Tensor[] data, GpPrediction p, SvgpFit fit) {
        XYChart c = Charts.lines("SVGP regression with a gap", "x", "y");
        XYSeries points = Charts.line(c, "data", data[0].toArray(), data[1].toArray());
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(Charts.translucent(java.awt.Color.GRAY, 120));
        c.getStyler().setMarkerSize(4);
        double[] m = p.mean().toArray();
        double[] fs = p.latentVariance().sqrt().toArray();
        double[] ys = p.variance().sqrt().toArray();
        double[][] bands = new double[4][m.length];
        for (int i = 0; i < m.length; i++) {
            bands[0][i] = m[i] - 2 * fs[i];
            bands[1][i] = m[i] + 2 * fs[i];
            bands[2][i] = m[i] - 2 * ys[i];
            bands[3][i] = m[i] + 2 * ys[i];
        }
        Charts.line(c, "mean", grid, m).setLineColor(Charts.PALETTE[1]);
        Charts.dashed(Charts.line(c, "epistemic ±2 sd of f", grid, bands[0])).setLineColor(Charts.PALETTE[1]);
        Charts.dashed(Charts.line(c, "epistemic +2 sd", grid, bands[1])).setLineColor(Charts.PALETTE[1]).setShowInLegend(false);
        Charts.dashed(Charts.line(c, "total ±2 sd of y", grid, bands[2])).setLineColor(Charts.PALETTE[2]);
        Charts.dashed(Charts.line(c, "total +2 sd", grid, bands[3])).setLineColor(Charts.PALETTE[2]).setShowInLegend(false);
        double[] z = fit.inducing().toArray();
        double[] zm = fit.predict(fit.inducing()).mean().toArray();
        XYSeries zs = Charts.line(c, "inducing inputs", z, zm);
        zs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        zs.setMarker(SeriesMarkers.DIAMOND);
        zs.setMarkerColor(java.awt.Color.BLACK);
        return c;
    }
}
