package io.github.elbo4j.cli.demo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cli.AtomicFile;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.Laplace;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Seed 002's 1-D example: 200 points from a mixture of 4 Laplace distributions, fitted by SVI
 * with a single Gaussian and with a 4-component Gaussian mixture; fitted posterior predictive
 * densities over the histogram and the ELBO traces. Writes the data to {@code data.csv}
 * ({@code component,y}), so the fits can be checked or redone elsewhere.
 *
 * <p>The seed's generator has a bug: {@code np.where(...)} returns a tuple, so
 * {@code len(idxs)} is 1 and each component contributes ONE Laplace draw copied to all its
 * points — the data collapse to at most 4 distinct values. This demo generates what the code
 * means: one independent draw per point ({@link #data}).
 */
public final class LaplaceMixtureDemo implements Demo {

    static final int N = 200;
    static final int K = 4;

    @Override
    public String name() {
        return "laplace-mixture";
    }

    @Override
    public String mainPlot() {
        return "densities.png";
    }

    @Override
    public String summary() {
        return "mixture of 4 Laplacians fitted by VI with a Gaussian and a Gaussian mixture";
    }

    /** The generating components: means 20·U, scales 3·U; and the data, one Laplace draw per point. */
    record Data(double[] means, double[] scales, int[] source, double[] y) {
    }

    static Data data(long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[] means = new double[K];
        double[] scales = new double[K];
        for (int k = 0; k < K; k++) {
            means[k] = 20 * rng.nextDouble();
            scales[k] = 3 * rng.nextDouble();
        }
        int[] source = new int[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            source[i] = rng.nextInt(K);
            y[i] = Laplace.of(means[source[i]], scales[source[i]]).sample(rng.split(i)).item();
        }
        return new Data(means, scales, source, y);
    }

    /** {@code μ ~ N(10, 10²)}, {@code σ ~ HalfNormal(10)}, {@code y_i ~ N(μ, σ²)}. */
    static Model gaussian(double[] y) {
        Tensor data = Tensor.of(y);
        return m -> {
            Var mu = m.sample("mu", Normal.of(10, 10));
            Var sigma = m.sample("sigma", HalfNormal.of(10));
            m.plate("points", y.length, p -> m.observe("y", Normal.of(mu, sigma), data));
        };
    }

    /**
     * A K-component Gaussian mixture: locations {@code ~ N(m_k, 5²)} with prior means at the data's
     * quantiles (k + ½)/K (an empirical-Bayes choice that also breaks the label symmetry and starts
     * each component on data), scales {@code ~ HalfNormal(3)}, weights
     * {@code softmax(η)} with {@code η ~ N(0, I)}; the likelihood
     * {@code Σ_i log Σ_k w_k N(y_i; loc_k, scale_k²)} enters as a factor.
     */
    static Model mixture(double[] y) {
        Tensor data = Tensor.of(y).reshape(y.length, 1);
        double[] sorted = y.clone();
        java.util.Arrays.sort(sorted);
        double[] centres = new double[K];
        for (int k = 0; k < K; k++) {
            centres[k] = sorted[(int) ((k + 0.5) / K * sorted.length)];
        }
        Tensor priorMeans = Tensor.of(centres);
        return m -> {
            Var locs = m.sample("locs", Normal.of(priorMeans, Tensor.full(5.0, K)).toEvent(1));
            Var scales = m.sample("scales", HalfNormal.of(Tensor.full(3.0, K)).toEvent(1));
            Var logits = m.sample("logits", Normal.of(Tensor.zeros(K), Tensor.ones(K)).toEvent(1));
            Var logWeights = logits.sub(logits.logSumExp(-1).reshape(-1, 1));
            Var perPoint = Normal.of(locs, scales).logProb(Var.constant(data)).add(logWeights).logSumExp(-1);
            m.factor("y", perPoint.sum());
        };
    }

    static Fit fit(Model model, long seed) {
        return Svi.builder(model).guide(AutoGuide.meanField()).seed(seed).maxSteps(3000)
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.05))).build().run();
    }

    @Override
    public void run(DemoContext context) throws IOException {
        Data d = data(context.seed());
        Fit single = fit(gaussian(d.y()), context.seed());
        Fit mix = fit(mixture(d.y()), context.seed());
        StringBuilder text = new StringBuilder();
        text.append("Data: ").append(N).append(" points, one Laplace draw per point (the seed's generator drew one value per\n"
                + "component and copied it to all its points, leaving at most 4 distinct values; fixed here).\n");
        for (int k = 0; k < K; k++) {
            text.append(String.format(Locale.ROOT, "  component %d: mean %.3f, scale %.3f%n", k, d.means()[k], d.scales()[k]));
        }
        text.append(String.format(Locale.ROOT, "single Gaussian: final ELBO %.2f%n", single.finalElbo()));
        text.append("  ").append(io.github.elbo4j.infer.SiteSummary.HEADER).append('\n');
        single.summary().forEach(r -> text.append("  ").append(r).append('\n'));
        text.append(String.format(Locale.ROOT, "4-component Gaussian mixture: final ELBO %.2f%n", mix.finalElbo()));
        text.append("  ").append(io.github.elbo4j.infer.SiteSummary.HEADER).append('\n');
        mix.summary().forEach(r -> text.append("  ").append(r).append('\n'));
        context.out().print(text);
        StringBuilder csv = new StringBuilder("component,y\n");
        for (int i = 0; i < N; i++) {
            csv.append(d.source()[i]).append(',').append(d.y()[i]).append('\n');
        }
        AtomicFile.write(context.outDir().resolve("data.csv"), csv.toString());

        byte[] densities = ChartFiles.save(densityChart(d, single, mix, context.seed()), context.outDir(), "densities");
        byte[] elbo = ChartFiles.save(elboChart(single, mix), context.outDir(), "elbo");
        HtmlReport.titled("A mixture of Laplacians fitted by VI")
                .paragraph("Two models for the same 200 points, each fitted by stochastic VI with a mean-field Gaussian guide in "
                        + "unconstrained space: one Gaussian, and a mixture of four Gaussians. The mixture earns a much higher ELBO.")
                .preformatted(text.toString())
                .figure(densities, "Posterior predictive densities (averaged over 200 posterior draws) over the data histogram")
                .figure(elbo, "ELBO per step for both models")
                .write(context.outDir().resolve("report.html"));
        context.out().println("wrote " + context.outDir().resolve("report.html"));
    }

    /** Posterior predictive density on {@code grid}, averaged over {@code n} posterior draws. */
    static double[] predictive(Fit fit, Tensor grid, boolean isMixture, long seed) {
        int n = 200;
        Map<String, Tensor> draws = fit.posterior().sample(n, RandomStream.of(seed).split(7));
        Tensor g = grid.reshape(1, -1, 1);
        Tensor density;
        if (isMixture) {
            Tensor locs = draws.get("locs").reshape(n, 1, K);
            Tensor scales = draws.get("scales").reshape(n, 1, K);
            Tensor logits = draws.get("logits").reshape(n, 1, K);
            Tensor logW = logits.sub(logits.logSumExp(-1).reshape(n, 1, 1));
            density = Normal.of(locs, scales).logProb(g).value().add(logW).logSumExp(-1).exp();
        } else {
            Tensor mu = draws.get("mu").reshape(n, 1, 1);
            Tensor sigma = draws.get("sigma").reshape(n, 1, 1);
            density = Normal.of(mu, sigma).logProb(g).value().exp().reshape(n, -1);
        }
        return density.reshape(n, -1).mean(0).toArray();
    }

    private static XYChart densityChart(Data d, Fit single, Fit mix, long seed) {
        XYChart chart = Charts.lines("200 points from 4 Laplacians and two VI fits", "y", "density");
        double lo = -5;
        double hi = 27;
        var bars = Charts.histogram(chart, "data", d.y(), lo, hi, 64);
        bars.setFillColor(Charts.translucent(Charts.PALETTE[5], 90));
        bars.setLineColor(Charts.translucent(Charts.PALETTE[5], 160));
        Tensor grid = Tensor.linspace(lo, hi, 600);
        Charts.line(chart, "Gaussian fit", grid.toArray(), predictive(single, grid, false, seed)).setLineColor(Charts.PALETTE[1]);
        Charts.line(chart, "Gaussian-mixture fit", grid.toArray(), predictive(mix, grid, true, seed)).setLineColor(Charts.PALETTE[0]);
        return chart;
    }

    private static XYChart elboChart(Fit single, Fit mix) {
        XYChart chart = Charts.lines("ELBO per step", "step", "ELBO");
        Charts.line(chart, "Gaussian", steps(single.elboTrace().length()), single.elboTrace().values()).setLineColor(Charts.PALETTE[1]);
        Charts.line(chart, "Gaussian mixture", steps(mix.elboTrace().length()), mix.elboTrace().values()).setLineColor(Charts.PALETTE[0]);
        Charts.elboRange(chart, single.elboTrace().values(), mix.elboTrace().values());
        return chart;
    }

    private static double[] steps(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        return s;
    }
}
