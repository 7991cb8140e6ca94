package io.github.elbo4j.cli.demo;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureSample;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.WeightPrior;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.random.RandomStream;
import java.io.IOException;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Seed 003's mean-field CAVI on a Bayesian Gaussian mixture: 1500 points from 3 Gaussians, fitted
 * with K = 8 components and a truncated Dirichlet-process prior on the weights (full covariances,
 * Normal-Wishart priors). The ellipses (2 standard deviations) of the components that keep at
 * least 1% of the weight are drawn after 1, 3 and 10 sweeps and at convergence; the exact ELBO
 * rises every sweep, and the unused components' weights shrink towards zero.
 */
public final class GmmDemo implements Demo {

    static final double[][] MEANS = {{-4, 0}, {3, 3}, {2, -3}};
    static final double[][][] COVS = {{{1.0, 0.6}, {0.6, 1.0}}, {{0.6, 0}, {0, 0.3}}, {{1.5, -0.5}, {-0.5, 0.5}}};
    static final double[] WEIGHTS = {0.5, 0.3, 0.2};
    static final int N = 1500;

    @Override
    public String name() {
        return "gmm";
    }

    @Override
    public String mainPlot() {
        return "ellipses.png";
    }

    @Override
    public String summary() {
        return "CAVI on a Bayesian Gaussian mixture with a Dirichlet-process prior: ellipses per sweep, ELBO per sweep";
    }

    static double[][] data(long seed) {
        return GaussianMixtureSample.draw(N, WEIGHTS, MEANS, COVS, RandomStream.of(seed)).x();
    }

    static GaussianMixtureResult fit(double[][] x, int maxSweeps, long seed) {
        return GaussianMixtureVI.builder().components(8).weightPrior(WeightPrior.dirichletProcess(1.0))
                .maxSweeps(maxSweeps).tolerance(1e-8).restarts(1).seed(seed).build().fit(x);
    }

    @Override
    public void run(DemoContext context) throws IOException {
        double[][] x = data(context.seed());
        int[] snapshots = {1, 3, 10, 500};
        GaussianMixtureResult[] fits = new GaussianMixtureResult[snapshots.length];
        for (int s = 0; s < snapshots.length; s++) {
            fits[s] = fit(x, snapshots[s], context.seed());
        }
        GaussianMixtureResult last = fits[fits.length - 1];
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%d points from 3 Gaussians (weights 0.5, 0.3, 0.2); K = 8, DP(1) prior, full covariances%n", N));
        t.append(String.format(Locale.ROOT, "converged: %s after %d sweeps; exact ELBO %.4f%n", last.converged(), last.sweeps(), last.elbo()));
        double[] w = last.weights().toArray();
        double[] m = last.means().toArray();
        int used = 0;
        for (int k = 0; k < w.length; k++) {
            if (w[k] >= 0.01) {
                used++;
                t.append(String.format(Locale.ROOT, "  component %d: weight %.4f, mean (%.3f, %.3f)%n", k, w[k], m[2 * k], m[2 * k + 1]));
            }
        }
        double tail = 0;
        for (double v : w) {
            tail += v < 0.01 ? v : 0;
        }
        t.append(String.format(Locale.ROOT, "%d components hold >= 1%% of the weight; the other %d hold %.2e in total%n", used, w.length - used, tail));
        context.out().print(t);
        HtmlReport.titled("A Bayesian Gaussian mixture by coordinate ascent")
                .paragraph("Each sweep updates the responsibilities, then the Dirichlet-process sticks and the Normal-Wishart "
                        + "factors in closed form; the ELBO is computed exactly after every sweep and never decreases.")
                .preformatted(t.toString())
                .figure(ChartFiles.save(ellipseChart(x, fits, snapshots), context.outDir(), "ellipses"),
                        "Components holding >= 1% of the weight (2-sd ellipses) after 1, 3, 10 sweeps and at convergence")
                .figure(ChartFiles.save(elboChart(last), context.outDir(), "elbo"), "Exact ELBO per sweep")
                .write(context.outDir().resolve("report.html"));
        context.out().println("wrote " + context.outDir().resolve("report.html"));
    }

    private static XYChart ellipseChart(double[][] x, GaussianMixtureResult[] fits, int[] snapshots) {
        XYChart c = Charts.lines("Gaussian mixture by CAVI", "x1", "x2");
        c.getStyler().setMarkerSize(3);
        double[] x1 = new double[x.length];
        double[] x2 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x1[i] = x[i][0];
            x2[i] = x[i][1];
        }
        XYSeries pts = c.addSeries("data", x1, x2);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(Charts.translucent(Charts.PALETTE[5], 70));
        for (int s = 0; s < fits.length; s++) {
            double[] w = fits[s].weights().toArray();
            double[] m = fits[s].means().toArray();
            double[] cov = fits[s].covariances().toArray();
            boolean first = true;
            for (int k = 0; k < w.length; k++) {
                if (w[k] < 0.01) {
                    continue;
                }
                double[][] e = ellipse(m[2 * k], m[2 * k + 1], cov[4 * k], cov[4 * k + 1], cov[4 * k + 3]);
                String label = (s == fits.length - 1 ? "converged" : "after " + snapshots[s] + " sweep" + (snapshots[s] > 1 ? "s" : "")) + (first ? "" : " #" + k);
                XYSeries line = Charts.line(c, label, e[0], e[1]);
                line.setLineColor(Charts.PALETTE[s == fits.length - 1 ? 1 : s == 0 ? 6 : s == 1 ? 2 : 3]);
                line.setShowInLegend(first);
                first = false;
            }
        }
        return c;
    }

    /** The 2-sd ellipse of N((mx, my), [[sxx, sxy], [sxy, syy]]) via the Cholesky factor of the covariance. */
    static double[][] ellipse(double mx, double my, double sxx, double sxy, double syy) {
        double l11 = Math.sqrt(sxx);
        double l21 = sxy / l11;
        double l22 = Math.sqrt(Math.max(syy - l21 * l21, 0));
        int n = 100;
        double[] ex = new double[n + 1];
        double[] ey = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * i / n;
            double u = 2 * Math.cos(a);
            double v = 2 * Math.sin(a);
            ex[i] = mx + l11 * u;
            ey[i] = my + l21 * u + l22 * v;
        }
        return new double[][] {ex, ey};
    }

    private static XYChart elboChart(GaussianMixtureResult r) {
        XYChart c = Charts.lines("Exact ELBO per sweep", "sweep", "ELBO");
        double[] h = r.elboTrace().values();
        double[] s = new double[h.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
        }
        Charts.line(c, "ELBO", s, h).setLineColor(Charts.PALETTE[0]);
        return c;
    }
}
