package io.github.elbo4j.cli.demo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.discrete.Binomial;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.io.IOException;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Seeds 001/003: the Beta-Binomial coin. Prior {@code Beta(2, 2)}, 6 heads in 10 tosses: the
 * exact posterior is {@code Beta(8, 6)} with log evidence
 * {@code log C(10, 6) + log B(8, 6) - log B(2, 2)}; the MLE is 0.6. VI fits it twice: a Beta
 * guide (the family contains the posterior, so the ELBO reaches the evidence) and the automatic
 * mean-field guide (a normal on the logit).
 */
public final class BayesCoinDemo implements Demo {

    static final double A = 2;
    static final double B = 2;
    static final int N = 10;
    static final int K = 6;

    /** The exact posterior summaries computed by elbo4j. */
    record Exact(double mean, double median, double mode, double variance, double lo95, double hi95, double logEvidence) {
    }

    static Exact exact() {
        Beta post = Beta.of(A + K, B + N - K);
        double a = A + K;
        double b = B + N - K;
        Tensor q = post.icdf(Tensor.of(0.5, 0.025, 0.975));
        double logChoose = SpecialFunctions.lgamma(N + 1) - SpecialFunctions.lgamma(K + 1) - SpecialFunctions.lgamma(N - K + 1);
        return new Exact(post.mean().item(), q.get(0), (a - 1) / (a + b - 2), post.variance().item(), q.get(1), q.get(2),
                logChoose + SpecialFunctions.logBeta(a, b) - SpecialFunctions.logBeta(A, B));
    }

    static final Model COIN = m -> {
        Var theta = m.sample("theta", Beta.of(A, B));
        m.observe("heads", Binomial.ofProbs(Tensor.scalar(N), theta), Tensor.scalar(K));
    };

    static final Model BETA_GUIDE = m -> {
        Var alpha = m.param("alpha", Tensor.scalar(1.0), new Constraint.Positive());
        Var beta = m.param("beta", Tensor.scalar(1.0), new Constraint.Positive());
        m.sample("theta", Beta.of(alpha, beta));
    };

    static Fit betaFit(long seed) {
        return Svi.builder(COIN).guide(BETA_GUIDE).numParticles(32).maxSteps(3000).seed(seed)
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01))).build().run();
    }

    static Fit logitNormalFit(long seed) {
        return Svi.builder(COIN).guide(AutoGuide.meanField()).numParticles(32).maxSteps(3000).seed(seed)
                .optimizer(Adam.lr(0.05).withSchedule(LearningRateSchedule.cosine(3000, 0.01))).build().run();
    }

    @Override
    public String name() {
        return "bayes-coin";
    }

    @Override
    public String mainPlot() {
        return "coin.png";
    }

    @Override
    public String summary() {
        return "the Beta-Binomial coin: prior, likelihood, exact posterior, MLE, and VI on top";
    }

    @Override
    public void run(DemoContext context) throws IOException {
        Exact e = exact();
        Fit beta = betaFit(context.seed());
        Fit logit = logitNormalFit(context.seed());
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "prior Beta(%.0f, %.0f), %d heads in %d tosses -> exact posterior Beta(%.0f, %.0f)%n",
                A, B, K, N, A + K, B + N - K));
        t.append(String.format(Locale.ROOT, "  MLE k/n = %.4f%n  posterior mean %.4f, median %.4f, mode %.4f, variance %.5f, 95%% interval [%.4f, %.4f]%n",
                (double) K / N, e.mean(), e.median(), e.mode(), e.variance(), e.lo95(), e.hi95()));
        t.append("  (the notes this coin comes from state median 0.568, mode 0.538, variance 0.021 and interval [0.412, 0.718]: all four are wrong;\n"
                + "   the mode of Beta(a, b) is (a-1)/(a+b-2) = 7/12 and the variance ab/((a+b)^2(a+b+1)) = 48/2940)\n");
        t.append(String.format(Locale.ROOT, "  log evidence log p(6 heads) = %.6f%n", e.logEvidence()));
        var betaElbo = beta.posterior().elbo(COIN, 100_000, RandomStream.of(context.seed()).split(1));
        var logitElbo = logit.posterior().elbo(COIN, 100_000, RandomStream.of(context.seed()).split(2));
        t.append(String.format(Locale.ROOT, "VI with a Beta guide: q = Beta(%.3f, %.3f), ELBO %.6f ± %.6f (100000 draws), gap to log p(x) %.1e%n",
                beta.parameter("alpha").item(), beta.parameter("beta").item(), betaElbo.value(), betaElbo.standardError(),
                e.logEvidence() - betaElbo.value()));
        t.append(String.format(Locale.ROOT, "VI with the mean-field (logit-normal) guide: ELBO %.6f ± %.6f, gap %.1e%n",
                logitElbo.value(), logitElbo.standardError(), e.logEvidence() - logitElbo.value()));
        context.out().print(t);
        byte[] chart = ChartFiles.save(chart(beta, logit, context.seed()), context.outDir(), "coin");
        HtmlReport.titled("The Beta-Binomial coin")
                .paragraph("Bayes' rule with a conjugate prior gives the posterior in closed form; VI recovers it. With a Beta "
                        + "guide the family contains the posterior and the ELBO gap to log p(x) closes; the logit-normal guide is close but not exact.")
                .preformatted(t.toString())
                .figure(chart, "Prior, scaled likelihood, exact posterior and the two VI fits")
                .write(context.outDir().resolve("report.html"));
        context.out().println("wrote " + context.outDir().resolve("report.html"));
    }

    private static XYChart chart(Fit beta, Fit logit, long seed) {
        XYChart c = Charts.lines("Beta(2,2) prior, 6 heads in 10 tosses", "theta", "density");
        Tensor grid = Tensor.linspace(0.001, 0.999, 500);
        double[] x = grid.toArray();
        Charts.line(c, "prior Beta(2,2)", x, Beta.of(A, B).logProb(grid).value().exp().toArray()).setLineColor(Charts.PALETTE[6]);
        // likelihood theta^6 (1-theta)^4 scaled to integrate to one: the Beta(7, 5) density
        Charts.line(c, "likelihood (normalized)", x, Beta.of(K + 1, N - K + 1).logProb(grid).value().exp().toArray())
                .setLineColor(Charts.PALETTE[4]);
        Charts.line(c, "exact posterior Beta(8,6)", x, Beta.of(A + K, B + N - K).logProb(grid).value().exp().toArray())
                .setLineColor(Charts.PALETTE[0]);
        // the Beta guide reaches the exact posterior: dashed on top of it, so both stay visible
        Charts.dashed(Charts.line(c, "VI, Beta guide (dashed)", x, Beta.of(beta.parameter("alpha").item(), beta.parameter("beta").item())
                .logProb(grid).value().exp().toArray())).setLineColor(Charts.PALETTE[1]);
        double[] draws = logit.posterior().sample("theta", 20_000, RandomStream.of(seed)).toArray();
        var hist = Charts.histogram(c, "VI, logit-normal guide (draws)", draws, 0, 1, 50);
        hist.setFillColor(Charts.translucent(Charts.PALETTE[2], 60));
        hist.setLineColor(Charts.translucent(Charts.PALETTE[2], 140));
        return c;
    }
}
