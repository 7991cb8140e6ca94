package io.github.elbo4j.cli.demo;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.kl.KlDivergence;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Seed 002: the KL divergence and the ELBO. (1) {@code KL(N(0,1) ‖ N(d,s²))} as a function of the
 * mean gap {@code d}, both directions; (2) the asymmetry of KL: fitting one Gaussian to a bimodal
 * target by the forward KL (moment matching, mass-covering) and by the reverse KL (the VI
 * objective, mode-seeking, optimized here by reparameterized gradients); (3) the identity
 * {@code log p(x) = ELBO(q) + KL(q ‖ p(z|x))} checked numerically on a conjugate model.
 */
public final class KlElboDemo implements Demo {

    /** The bimodal target: {@code 0.4 N(-3, 0.7²) + 0.6 N(3, 1)}. */
    static final double[] WEIGHTS = {0.4, 0.6};
    static final double[] MEANS = {-3.0, 3.0};
    static final double[] SDS = {0.7, 1.0};

    @Override
    public String name() {
        return "kl-elbo";
    }

    @Override
    public String mainPlot() {
        return "kl-asymmetry.png";
    }

    @Override
    public String summary() {
        return "KL of Gaussians, forward vs reverse KL on a bimodal target, log p(x) = ELBO + KL";
    }

    @Override
    public void run(DemoContext context) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] gap = ChartFiles.save(gapChart(), context.outDir(), "kl-vs-gap");

        double[] forward = forwardFit();
        double[] reverse = reverseFit(context.seed(), 1.0);
        text.append(String.format(Locale.ROOT, "bimodal target 0.4 N(-3, 0.7^2) + 0.6 N(3, 1)%n"));
        text.append(String.format(Locale.ROOT, "forward KL(p||q) fit (moment matching): q = N(%.4f, %.4f^2), KL(p||q) = %.4f%n",
                forward[0], forward[1], klOnGrid(true, forward)));
        text.append(String.format(Locale.ROOT, "reverse KL(q||p) fit (VI, Adam on reparameterized gradients): q = N(%.4f, %.4f^2), KL(q||p) = %.4f%n",
                reverse[0], reverse[1], klOnGrid(false, reverse)));
        byte[] asym = ChartFiles.save(asymmetryChart(forward, reverse), context.outDir(), "kl-asymmetry");

        ElboIdentity id = ElboIdentity.check(0.0, 1.0);
        text.append(String.format(Locale.ROOT, "%nNormal-Normal model, q = N(0, 1):%n  ELBO(q)        = %.12f%n  KL(q || post)  = %.12f%n"
                + "  ELBO + KL      = %.12f%n  log p(x)       = %.12f%n  residual       = %.3e%n",
                id.elbo(), id.kl(), id.elbo() + id.kl(), id.logEvidence(), id.elbo() + id.kl() - id.logEvidence()));
        context.out().print(text);
        HtmlReport.titled("KL divergence and the ELBO")
                .paragraph("KL(p || q) = E_p[log p/q] >= 0, zero only when p = q, and not symmetric. Maximizing the ELBO "
                        + "F(q) = E_q[log p(x, z) - log q(z)] is minimizing KL(q || p(z | x)), because log p(x) = F(q) + KL(q || p(z | x)).")
                .preformatted(text.toString())
                .figure(gap, "KL between N(0,1) and N(d, s^2) as the mean gap d grows, in both directions (with equal variances both are d^2/2 and the curves coincide)")
                .figure(asym, "One Gaussian fitted to a bimodal target: the forward KL covers both modes, the reverse KL (VI) locks onto one")
                .write(context.outDir().resolve("report.html"));
        context.out().println("wrote " + context.outDir().resolve("report.html"));
    }

    private static XYChart gapChart() {
        XYChart chart = Charts.lines("KL between N(0, 1) and N(d, s^2)", "mean gap d", "KL (nats)");
        Tensor d = Tensor.linspace(0, 4, 81);
        Normal p = Normal.of(Tensor.zeros(81), Tensor.ones(81));
        double[] sds = {1.0, 2.0};
        for (int k = 0; k < sds.length; k++) {
            double s = sds[k];
            Normal q = Normal.of(d, Tensor.full(s, 81));
            Charts.line(chart, String.format(Locale.ROOT, "KL(N(0,1) || N(d,%.0f^2))", s), d.toArray(), KlDivergence.of(p, q).value().toArray())
                    .setLineColor(Charts.PALETTE[2 * k]);
            // with equal variances both directions are d^2/2: the second is dashed over the first
            Charts.dashed(Charts.line(chart, String.format(Locale.ROOT, "KL(N(d,%.0f^2) || N(0,1)) (dashed)", s), d.toArray(),
                    KlDivergence.of(q, p).value().toArray())).setLineColor(Charts.PALETTE[2 * k + 1]);
        }
        return chart;
    }

    /** {@code log p(z)} of the bimodal target, differentiable: {@code logSumExp_k(log w_k + log N(z; m_k, s_k))}. */
    static Var targetLogDensity(Var z) {
        Var[] parts = new Var[MEANS.length];
        for (int k = 0; k < MEANS.length; k++) {
            parts[k] = Normal.of(MEANS[k], SDS[k]).logProb(z).add(Math.log(WEIGHTS[k]));
        }
        return Var.stack(-1, parts).logSumExp(-1);
    }

    /** Forward KL over Gaussians is minimized by matching the mean and variance of the target. */
    static double[] forwardFit() {
        double mean = 0;
        double second = 0;
        for (int k = 0; k < MEANS.length; k++) {
            mean += WEIGHTS[k] * MEANS[k];
            second += WEIGHTS[k] * (SDS[k] * SDS[k] + MEANS[k] * MEANS[k]);
        }
        return new double[] {mean, Math.sqrt(second - mean * mean)};
    }

    /**
     * Reverse KL {@code KL(q ‖ p) = E_q[log q(z) - log p(z)]} minimized over {@code q = N(μ, σ²)}
     * with 256 reparameterized draws per step and Adam; starts at {@code μ = init}, {@code σ = 1}.
     */
    static double[] reverseFit(long seed, double init) {
        double[][] params = {{init}, {0.0}};
        Adam adam = Adam.lr(0.05);
        OptimizerState state = adam.init(new int[] {1, 1});
        RandomStream root = RandomStream.of(seed);
        for (int step = 0; step < 1500; step++) {
            Tape tape = new Tape();
            Var mu = tape.variable(Tensor.of(params[0]));
            Var logSigma = tape.variable(Tensor.of(params[1]));
            Normal q = Normal.of(mu, logSigma.exp());
            Var z = q.rsample(root.split(step), 256);
            Var loss = q.logProb(z).sub(targetLogDensity(z)).mean();
            var g = tape.gradient(loss, mu, logSigma);
            adam.update(params, new double[][] {g.get(0).toArray(), g.get(1).toArray()}, state, 1.0);
        }
        return new double[] {params[0][0], Math.exp(params[1][0])};
    }

    /** KL between the target and {@code N(q[0], q[1]²)} by the trapezoid rule on [-12, 12] (20001 points). */
    static double klOnGrid(boolean forward, double[] q) {
        Tensor z = Tensor.linspace(-12, 12, 20001);
        Tensor logP = targetLogDensity(Var.constant(z)).value();
        Tensor logQ = Normal.of(q[0], q[1]).logProb(z).value();
        Tensor integrand = forward ? logP.exp().mul(logP.sub(logQ)) : logQ.exp().mul(logQ.sub(logP));
        double[] f = integrand.toArray();
        double h = 24.0 / 20000;
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            sum += (i == 0 || i == f.length - 1 ? 0.5 : 1.0) * f[i];
        }
        return sum * h;
    }

    private static XYChart asymmetryChart(double[] forward, double[] reverse) {
        XYChart chart = Charts.lines("Fitting one Gaussian to a bimodal target", "z", "density");
        Tensor z = Tensor.linspace(-6, 7, 500);
        Charts.line(chart, "target p", z.toArray(), targetLogDensity(Var.constant(z)).value().exp().toArray())
                .setLineColor(Charts.PALETTE[6]);
        Charts.line(chart, "argmin KL(p||q): mass-covering", z.toArray(), Normal.of(forward[0], forward[1]).logProb(z).value().exp().toArray())
                .setLineColor(Charts.PALETTE[0]);
        Charts.line(chart, "argmin KL(q||p): mode-seeking (VI)", z.toArray(), Normal.of(reverse[0], reverse[1]).logProb(z).value().exp().toArray())
                .setLineColor(Charts.PALETTE[1]);
        return chart;
    }
}
