package io.github.elbo4j.cli.demo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cavi.conjugate.GaussianChainCavi;
import io.github.elbo4j.cavi.conjugate.GaussianChainCaviResult;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuidePosterior;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Seed 003's Gaussian chain {@code z1 ~ N(0,1)}, {@code z2 ~ N(z1,1)}, {@code x ~ N(z2,1)}
 * with {@code x = 3} fitted two ways: coordinate ascent (closed-form factor updates, exact ELBO
 * per sweep) and stochastic VI (mean-field guide, reparameterized gradients). Both reach the
 * mean-field fixed point: means {@code (x/3, 2x/3)} as the exact posterior, variances 1/2
 * against the exact marginal 2/3 (mean-field underestimates), ELBO {@code log p(x) - ½ log(4/3)}.
 * Registered twice: {@code cavi-chain} (the CAVI side) and {@code svi-vs-cavi} (both).
 */
public final class SviVsCaviDemo implements Demo {

    static final double X = 3.0;

    static final Model CHAIN = m -> {
        Var z1 = m.sample("z1", Normal.of(0, 1));
        Var z2 = m.sample("z2", Normal.of(z1, Var.constant(1.0)));
        m.observe("x", Normal.of(z2, Var.constant(1.0)), Tensor.scalar(X));
    };

    private final boolean withSvi;

    private SviVsCaviDemo(boolean withSvi) {
        this.withSvi = withSvi;
    }

    /** The CAVI-only demo. */
    public static SviVsCaviDemo caviChain() {
        return new SviVsCaviDemo(false);
    }

    /** The side-by-side demo. */
    public static SviVsCaviDemo sviVsCavi() {
        return new SviVsCaviDemo(true);
    }

    @Override
    public String name() {
        return withSvi ? "svi-vs-cavi" : "cavi-chain";
    }

    @Override
    public String mainPlot() {
        return "marginals.png";
    }

    @Override
    public String summary() {
        return withSvi ? "the Gaussian chain fitted by CAVI and by SVI: posteriors overlaid, ELBO traces side by side"
                : "CAVI on the Gaussian chain: fixed point vs the exact posterior, exact ELBO per sweep";
    }

    static Fit svi(long seed) {
        return Svi.builder(CHAIN).guide(AutoGuide.meanField()).numParticles(32).maxSteps(3000).seed(seed)
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01))).convergence(Convergence.none()).build().run();
    }

    @Override
    public void run(DemoContext context) throws IOException {
        GaussianChainCavi chain = GaussianChainCavi.of(2, 1, 1, 1);
        GaussianChainCaviResult cavi = chain.fit(X);
        double[] exactMean = chain.exactPosteriorMean(X);
        Tensor exactCov = chain.exactPosteriorCovariance();
        double logZ = chain.logEvidence(X);
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "x = %.1f; exact posterior mean (%.6f, %.6f), variances (%.6f, %.6f), log p(x) = %.6f%n",
                X, exactMean[0], exactMean[1], exactCov.get(0, 0), exactCov.get(1, 1), logZ));
        t.append(String.format(Locale.ROOT, "CAVI: %d sweeps, means (%.9f, %.9f), variances (%.6f, %.6f), ELBO %.9f, gap %.6f (= ½ log 4/3 = %.6f)%n",
                cavi.sweeps(), cavi.factors().means()[0], cavi.factors().means()[1], cavi.factors().variances()[0],
                cavi.factors().variances()[1], cavi.elboTrace().last(), logZ - cavi.elboTrace().last(), 0.5 * Math.log(4.0 / 3)));
        t.append("  (the notes this chain comes from add x to the update of z1; z1 does not see x: the correct update is m1 = m2/2)\n");
        Fit svi = null;
        if (withSvi) {
            svi = svi(context.seed());
            GuidePosterior q = (GuidePosterior) svi.posterior();
            double[] loc = {q.location("z1").item(), q.location("z2").item()};
            double[] sd = {q.scale("z1").item(), q.scale("z2").item()};
            t.append(String.format(Locale.ROOT, "SVI (mean-field, Adam, 32 particles, %d steps): means (%.4f, %.4f), sds (%.4f, %.4f) vs CAVI sds %.4f%n",
                    svi.steps(), loc[0], loc[1], sd[0], sd[1], Math.sqrt(0.5)));
        }
        context.out().print(t);
        HtmlReport report = HtmlReport.titled(withSvi ? "SVI and CAVI on the Gaussian chain" : "CAVI on the Gaussian chain")
                .paragraph("Mean-field VI factorizes q(z1, z2) = q(z1) q(z2). Coordinate ascent updates each factor in closed form "
                        + "and the exact ELBO rises every sweep; stochastic VI reaches the same fixed point by gradients.")
                .preformatted(t.toString())
                .figure(ChartFiles.save(marginalsChart(exactMean, exactCov, cavi, svi), context.outDir(), "marginals"),
                        "Marginals of z1 and z2: the exact posterior (wide, light) against the mean-field fit"
                                + (svi == null ? "" : "s; SVI is dashed on top of CAVI, which it matches"))
                .figure(ChartFiles.save(caviElboChart(cavi, logZ), context.outDir(), "elbo"), "Exact ELBO per CAVI sweep against log p(x)");
        if (svi != null) {
            report.figure(ChartFiles.save(sviElboChart(svi, logZ), context.outDir(), "elbo-svi"),
                    "SVI's ELBO estimate per step, on its own axis (steps, not sweeps), against log p(x)");
        }
        report.write(context.outDir().resolve("report.html"));
        context.out().println("wrote " + context.outDir().resolve("report.html"));
    }

    /** The exact ELBO per CAVI sweep against log p(x). */
    private static XYChart caviElboChart(GaussianChainCaviResult cavi, double logZ) {
        XYChart c = Charts.lines("CAVI: exact ELBO per sweep", "CAVI sweep", "ELBO");
        double[] v = cavi.elboTrace().values();
        Charts.line(c, "log p(x)", new double[] {0, v.length - 1}, new double[] {logZ, logZ}).setLineColor(Charts.PALETTE[6]);
        Charts.line(c, "CAVI (exact ELBO)", steps(v.length), v).setLineColor(Charts.PALETTE[0]);
        return c;
    }

    /** The SVI estimate per step (and its running mean over 100 steps) against log p(x): its own axis, in steps. */
    private static XYChart sviElboChart(Fit svi, double logZ) {
        XYChart c = Charts.lines("SVI: ELBO estimate per step", "SVI step", "ELBO");
        double[] trace = svi.elboTrace().values();
        double[] mean = new double[trace.length];
        double sum = 0;
        for (int i = 0; i < trace.length; i++) {
            sum += trace[i] - (i >= 100 ? trace[i - 100] : 0);
            mean[i] = sum / Math.min(i + 1, 100);
        }
        Charts.line(c, "SVI estimate (32 particles)", steps(trace.length), trace).setLineColor(Charts.translucent(Charts.PALETTE[1], 90));
        Charts.line(c, "mean of the last 100 steps", steps(trace.length), mean).setLineColor(Charts.PALETTE[1]);
        Charts.line(c, "log p(x)", new double[] {0, trace.length - 1}, new double[] {logZ, logZ}).setLineColor(Charts.PALETTE[6]);
        Charts.elboRange(c, trace, new double[] {logZ});
        return c;
    }

    private static double[] steps(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        return s;
    }

    /**
     * Marginals of z1 (blue) and z2 (orange): the exact posterior as a wide light line, CAVI solid
     * on it, SVI dashed on top (it coincides with CAVI: both reach the same fixed point).
     */
    private static XYChart marginalsChart(double[] exactMean, Tensor exactCov, GaussianChainCaviResult cavi, Fit svi) {
        XYChart c = Charts.lines("Posterior marginals", "z", "density");
        Tensor grid = Tensor.linspace(-2, 5, 400);
        for (int k = 0; k < 2; k++) {
            String z = "z" + (k + 1);
            java.awt.Color colour = Charts.PALETTE[k];
            Charts.wide(Charts.line(c, "exact " + z, grid.toArray(),
                    Normal.of(exactMean[k], Math.sqrt(exactCov.get(k, k))).logProb(grid).value().exp().toArray()))
                    .setLineColor(Charts.translucent(colour, 90));
            Charts.line(c, "CAVI " + z, grid.toArray(), Normal.of(cavi.factors().means()[k], Math.sqrt(cavi.factors().variances()[k]))
                    .logProb(grid).value().exp().toArray()).setLineColor(colour);
            if (svi != null) {
                GuidePosterior q = (GuidePosterior) svi.posterior();
                Charts.dashed(Charts.line(c, "SVI " + z + " (dashed)", grid.toArray(), Normal.of(q.location(z).item(), q.scale(z).item())
                        .logProb(grid).value().exp().toArray())).setLineColor(Charts.PALETTE[6]);
            }
        }
        return c;
    }
}
