package io.github.elbo4j.cli.demo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cavi.GaussianChainCavi;
import io.github.elbo4j.cavi.GaussianChainCaviResult;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.distribution.Normal;
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
    public String summary() {
        return withSvi ? "the Gaussian chain fitted by CAVI and by SVI: posteriors and ELBO traces overlaid (seed 003)"
                : "CAVI on the Gaussian chain: fixed point vs the exact posterior, exact ELBO per sweep (seed 003)";
    }

    static Fit svi(long seed) {
        return Svi.of(CHAIN).guide(AutoGuide.meanField()).numParticles(32).maxSteps(3000).seed(seed)
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01))).convergence(Convergence.none()).run();
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
                cavi.history().sweeps(), cavi.factors().means()[0], cavi.factors().means()[1], cavi.factors().variances()[0],
                cavi.factors().variances()[1], cavi.history().finalElbo(), logZ - cavi.history().finalElbo(), 0.5 * Math.log(4.0 / 3)));
        t.append("  (seed 003's update for z1 adds x; z1 does not see x: the correct update is m1 = m2/2)\n");
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
        HtmlReport report = HtmlReport.titled(withSvi ? "SVI and CAVI on the same model (seed 003)" : "CAVI on a Gaussian chain (seed 003)")
                .paragraph("Mean-field VI factorizes q(z1, z2) = q(z1) q(z2). Coordinate ascent updates each factor in closed form "
                        + "and the exact ELBO rises every sweep; stochastic VI reaches the same fixed point by gradients.")
                .preformatted(t.toString())
                .figure(ChartFiles.save(elboChart(cavi, svi, logZ), context.outDir(), "elbo"), "ELBO per CAVI sweep (and per SVI step) against log p(x)")
                .figure(ChartFiles.save(marginalsChart(exactMean, exactCov, cavi, svi), context.outDir(), "marginals"),
                        "Marginals of z1 and z2: exact posterior vs the mean-field fits");
        report.write(context.outDir().resolve("report.html"));
        context.out().println("wrote " + context.outDir().resolve("report.html"));
    }

    private static XYChart elboChart(GaussianChainCaviResult cavi, Fit svi, double logZ) {
        XYChart c = Charts.lines("ELBO", svi == null ? "CAVI sweep" : "CAVI sweep / SVI step (x 100)", "ELBO");
        double[] v = cavi.history().values();
        double[] s = new double[v.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
        }
        Charts.line(c, "CAVI (exact ELBO)", s, v).setLineColor(Charts.PALETTE[0]);
        Charts.line(c, "log p(x)", new double[] {0, Math.max(s.length - 1, 30)}, new double[] {logZ, logZ}).setLineColor(Charts.PALETTE[6]);
        if (svi != null) {
            double[] trace = svi.elboTrace().values();
            int points = Math.min(30, trace.length / 100);
            double[] x = new double[points];
            double[] y = new double[points];
            for (int i = 0; i < points; i++) {
                x[i] = i;
                double m = 0;
                for (int j = 0; j < 100; j++) {
                    m += trace[i * 100 + j] / 100;
                }
                y[i] = m;
            }
            Charts.line(c, "SVI (mean of 100 steps)", x, y).setLineColor(Charts.PALETTE[1]);
        }
        c.getStyler().setYAxisMin(logZ - 3);
        return c;
    }

    private static XYChart marginalsChart(double[] exactMean, Tensor exactCov, GaussianChainCaviResult cavi, Fit svi) {
        XYChart c = Charts.lines("Posterior marginals", "z", "density");
        Tensor grid = Tensor.linspace(-2, 5, 400);
        for (int k = 0; k < 2; k++) {
            String z = "z" + (k + 1);
            Charts.line(c, "exact " + z, grid.toArray(), Normal.of(exactMean[k], Math.sqrt(exactCov.get(k, k))).logProb(grid).value().exp().toArray())
                    .setLineColor(Charts.PALETTE[6]);
            Charts.line(c, "CAVI " + z, grid.toArray(), Normal.of(cavi.factors().means()[k], Math.sqrt(cavi.factors().variances()[k]))
                    .logProb(grid).value().exp().toArray()).setLineColor(Charts.PALETTE[0]);
            if (svi != null) {
                Charts.line(c, "SVI " + z, grid.toArray(), Normal.of(((GuidePosterior) svi.posterior()).location(z).item(),
                        ((GuidePosterior) svi.posterior()).scale(z).item())
                        .logProb(grid).value().exp().toArray()).setLineColor(Charts.PALETTE[1]);
            }
        }
        return c;
    }
}
