package io.github.elbo4j.cli.demo;

import io.github.elbo4j.cli.AtomicFile;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Seed 000: sampling from {@code N(μ, σ²)} by reparameterization, {@code z = μ + σ ε} with
 * {@code ε ~ N(0, 1)}, and checking the samples against the density: sample mean and standard
 * deviation against μ and σ (in standard errors), and a χ² test of the 1000-sample histogram
 * against the bin probabilities {@code Φ((b - μ)/σ) - Φ((a - μ)/σ)}, with
 * {@code Φ(x) = (1 + erf(x/√2)) / 2}.
 */
public final class GaussianSamplingDemo implements Demo {

    /** The (μ, σ) pairs shown, as in seed 000's figure. */
    static final double[][] PARAMETERS = {{0.0, 1.0}, {2.0, 0.5}, {-1.0, 2.0}};
    static final int SAMPLES = 1000;
    static final int BINS = 10;

    /** The draws of one (μ, σ) pair: the standard normal noise and {@code z = μ + σ ε}. */
    record Sample(double mu, double sigma, double[] eps, double[] z) {
    }

    /**
     * The {@value #SAMPLES} draws of pair {@code k} of {@link #PARAMETERS}: {@code ε} from
     * {@code root.split(k)}, {@code z = μ + σ ε} (the summary, the CSV and the histograms all use these).
     */
    static Sample sample(RandomStream root, int k) {
        double mu = PARAMETERS[k][0];
        double sigma = PARAMETERS[k][1];
        double[] eps = new double[SAMPLES];
        root.split(k).fillGaussian(eps);
        return new Sample(mu, sigma, eps, Tensor.of(eps).mul(sigma).add(mu).toArray());
    }

    /** One row of the summary. */
    record Row(double mu, double sigma, double mean, double sd, double chiSquare, double pValue) {

        /** Standard error of the sample mean, {@code σ/√n}. */
        double meanStandardError() {
            return sigma / Math.sqrt(SAMPLES);
        }

        /** Large-sample standard error of the sample sd for normal data, {@code σ/√(2(n-1))}. */
        double sdStandardError() {
            return sigma / Math.sqrt(2.0 * (SAMPLES - 1));
        }
    }

    @Override
    public String name() {
        return "gaussian-sampling";
    }

    @Override
    public String mainPlot() {
        return "histograms.png";
    }

    @Override
    public String summary() {
        return "samples z = mu + sigma*eps and checks them against the normal density";
    }

    @Override
    public void run(DemoContext context) throws IOException {
        RandomStream root = RandomStream.of(context.seed());
        StringBuilder csv = new StringBuilder("mu,sigma,z\n");
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%6s %6s | %9s %9s %7s | %7s %7s %7s | %8s %7s%n",
                "mu", "sigma", "mean", "SE", "z-score", "sd", "SE", "z-score", "chi2(9)", "p"));
        for (int k = 0; k < PARAMETERS.length; k++) {
            Sample drawn = sample(root, k);
            double mu = drawn.mu();
            double sigma = drawn.sigma();
            double[] z = drawn.z();
            Row row = summarize(mu, sigma, z);
            text.append(String.format(Locale.ROOT, "%6.2f %6.2f | %9.4f %9.4f %7.2f | %7.4f %7.4f %7.2f | %8.2f %7.3f%n",
                    mu, sigma, row.mean(), row.meanStandardError(), (row.mean() - mu) / row.meanStandardError(),
                    row.sd(), row.sdStandardError(), (row.sd() - sigma) / row.sdStandardError(), row.chiSquare(), row.pValue()));
            for (double v : z) {
                csv.append(mu).append(',').append(sigma).append(',').append(v).append('\n');
            }
        }
        context.out().print(text);
        AtomicFile.write(context.outDir().resolve("summary.txt"), text.toString());
        AtomicFile.write(context.outDir().resolve("samples.csv"), csv.toString());
        byte[] histograms = ChartFiles.save(histogramChart(root), context.outDir(), "histograms");
        byte[] logDensity = ChartFiles.save(logDensityChart(), context.outDir(), "log-density");
        HtmlReport.titled("Sampling a Gaussian by reparameterization")
                .paragraph("Draws z = mu + sigma * eps with eps ~ N(0, 1): " + SAMPLES + " per (mu, sigma). "
                        + "Each histogram (density-normalized) lies on the exact density; the table gives the sample "
                        + "moments in standard errors and a chi-square test of the histogram against the bin probabilities.")
                .preformatted(text.toString())
                .figure(histograms, "Histograms of 1000 reparameterized draws against the N(mu, sigma^2) densities")
                .figure(logDensity, "log N(z | mu, sigma): the log turns the vanishing tails into parabolas")
                .write(context.outDir().resolve("report.html"));
        context.out().println("wrote " + context.outDir().resolve("report.html") + " (with histograms.png/svg, log-density.png/svg, summary.txt, samples.csv)");
    }

    /** The seed's second figure: histograms of the draws over the densities. */
    private static XYChart histogramChart(RandomStream root) {
        XYChart chart = Charts.lines("1000 draws of z = mu + sigma * eps", "z", "density");
        Tensor grid = Tensor.linspace(-7, 5, 400);
        for (int k = 0; k < PARAMETERS.length; k++) {
            Sample drawn = sample(root, k);
            double mu = drawn.mu();
            double sigma = drawn.sigma();
            String label = String.format(Locale.ROOT, "mu=%.1f, sigma=%.1f", mu, sigma);
            java.awt.Color color = Charts.PALETTE[k];
            org.knowm.xchart.XYSeries bars = Charts.histogram(chart, "draws " + label,
                    drawn.z(), mu - 4 * sigma, mu + 4 * sigma, 30);
            bars.setFillColor(Charts.translucent(color, 70));
            bars.setLineColor(Charts.translucent(color, 120));
            Charts.line(chart, "density " + label, grid.toArray(), Normal.of(mu, sigma).logProb(grid).value().exp().toArray())
                    .setLineColor(color);
        }
        return chart;
    }

    /** The seed's third figure: the log-densities. */
    private static XYChart logDensityChart() {
        XYChart chart = Charts.lines("log N(z | mu, sigma)", "z", "log density");
        Tensor grid = Tensor.linspace(-7, 5, 400);
        for (int k = 0; k < PARAMETERS.length; k++) {
            double[] p = PARAMETERS[k];
            Charts.line(chart, String.format(Locale.ROOT, "mu=%.1f, sigma=%.1f", p[0], p[1]), grid.toArray(),
                    Normal.of(p[0], p[1]).logProb(grid).value().toArray()).setLineColor(Charts.PALETTE[k]);
        }
        return chart;
    }

    /** Sample moments and the χ² statistic over {@value #BINS} bins of width σ/2 on μ ± 2.5σ, tails pooled into the end bins (every expected count ≥ 22, so the χ²(9) approximation holds). */
    static Row summarize(double mu, double sigma, double[] z) {
        Tensor t = Tensor.of(z);
        double mean = t.mean().item();
        double sd = Math.sqrt(t.sub(mean).square().sum().item() / (z.length - 1));
        double lo = mu - 2.5 * sigma;
        double width = 5 * sigma / BINS;
        int[] counts = new int[BINS];
        for (double v : z) {
            int b = (int) Math.floor((v - lo) / width);
            counts[Math.max(0, Math.min(BINS - 1, b))]++;
        }
        double chi2 = 0;
        for (int b = 0; b < BINS; b++) {
            double a = b == 0 ? Double.NEGATIVE_INFINITY : lo + b * width;
            double c = b == BINS - 1 ? Double.POSITIVE_INFINITY : lo + (b + 1) * width;
            double expected = z.length * (normalCdf((c - mu) / sigma) - normalCdf((a - mu) / sigma));
            chi2 += (counts[b] - expected) * (counts[b] - expected) / expected;
        }
        double p = SpecialFunctions.regularizedGammaQ((BINS - 1) / 2.0, chi2 / 2.0);
        return new Row(mu, sigma, mean, sd, chi2, p);
    }

    /** {@code Φ(x) = erfc(-x/√2) / 2}. */
    static double normalCdf(double x) {
        return 0.5 * SpecialFunctions.erfc(-x / Math.sqrt(2.0));
    }
}
