package io.github.elbo4j.svgd;

import io.github.elbo4j.infer.Diagnostics;
import io.github.elbo4j.infer.DrawsPosterior;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.infer.Provenance;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stein variational gradient descent (Liu &amp; Wang, "Stein variational gradient descent: a
 * general purpose Bayesian inference algorithm", NeurIPS 2016, Algorithm 1) on a model's
 * unconstrained log density ({@link LogDensity}): {@code n} particles, the rows of one {@code [n, D]}
 * array, start uniform on {@code [-r, r]^D} and move along the Stein direction
 * {@code φ} ({@link SteinDirection}), whose gradients come from one batched run of the model per
 * step ({@link LogDensity#valuesAndGradients}).
 *
 * <p>The step is AdaGrad (Duchi, Hazan &amp; Singer, JMLR 12, 2011) on the ascent direction:
 * {@code a ← a + φ²}, {@code x ← x + η φ / (√a + 1e-8)}, element-wise. Its step sizes decay like
 * {@code 1/√t}, so the particles settle at the fixed point {@code φ = 0} instead of circling it as
 * a constant-rate Adam does; the fixed point does not depend on the preconditioning. The run takes
 * the whole step budget (no convergence rule); {@link SvgdFit#directionRms()} shows how close to
 * the fixed point it ended.
 */
public final class Svgd {

    private static final double ADAGRAD_EPS = 1e-8;

    private final Model model;
    private int particles = 100;
    private int steps = 1000;
    private double learningRate = 0.1;
    private double initRadius = 2.0;
    private long seed = 42;

    private Svgd(Model model) {
        this.model = model;
    }

    /** SVGD on {@code model}: 100 particles, 1000 steps, AdaGrad rate 0.1, initial radius 2, seed 42. */
    public static Svgd of(Model model) {
        return new Svgd(model);
    }

    /** The number of particles {@code n ≥ 2}. */
    public Svgd particles(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("SVGD particles must be >= 2 (the median heuristic needs pairs), got " + n);
        }
        this.particles = n;
        return this;
    }

    /** The number of steps {@code ≥ 1}. */
    public Svgd steps(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("SVGD steps must be >= 1, got " + t);
        }
        this.steps = t;
        return this;
    }

    /** AdaGrad's rate {@code η}, finite and {@code > 0}. */
    public Svgd learningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("SVGD learningRate must be finite and > 0, got " + eta);
        }
        this.learningRate = eta;
        return this;
    }

    /** Initial particles are uniform on {@code [-r, r]^D}, {@code r} finite and {@code > 0}. */
    public Svgd initRadius(double r) {
        if (!(r > 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("SVGD initRadius must be finite and > 0, got " + r);
        }
        this.initRadius = r;
        return this;
    }

    /** The seed of the initial particles. */
    public Svgd seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * Moves the particles for the step budget.
     *
     * @throws IllegalArgumentException if the model has no continuous latent site, or the log density
     *     or its gradient is {@code -∞} or NaN at an initial particle (the message names the value and the particle)
     * @throws IllegalStateException if a particle's log density or gradient stops being finite during the run
     */
    public SvgdFit run() {
        RandomStream root = RandomStream.of(seed);
        LogDensity density = LogDensity.of(model, root.split(-1));
        int d = density.dimension();
        if (d == 0) {
            throw new IllegalArgumentException("SVGD needs a model with continuous latent sites; this model has dimension 0 "
                    + "(no sample site without obs): there is nothing to infer");
        }
        int n = particles;
        double[] x = new double[n * d];
        RandomStream init = root.split(0);
        for (int i = 0; i < x.length; i++) {
            x[i] = -initRadius + 2 * initRadius * init.nextDouble();
        }
        double[] accumulated = new double[n * d];
        double[] gradients = new double[n * d];
        double[] meanLogP = new double[steps];
        double[] rms = new double[steps];
        double bandwidth = Double.NaN;
        for (int t = 0; t < steps; t++) {
            Tensor points = Tensor.of(x.clone(), n, d);
            double[] logP = density.valuesAndGradients(points, gradients);
            checkFinite(logP, gradients, points, t, d);
            SteinDirection phi = SteinDirection.of(points, Tensor.of(gradients.clone(), n, d));
            bandwidth = phi.bandwidth();
            double[] step = phi.direction().toArray();
            double ss = 0;
            for (int i = 0; i < x.length; i++) {
                accumulated[i] += step[i] * step[i];
                x[i] += learningRate * step[i] / (Math.sqrt(accumulated[i]) + ADAGRAD_EPS);
                ss += step[i] * step[i];
            }
            rms[t] = Math.sqrt(ss / x.length);
            double mean = 0;
            for (double v : logP) {
                mean += v / n;
            }
            meanLogP[t] = mean;
        }
        Tensor finalPoints = Tensor.of(x, n, d);
        DrawsPosterior posterior = DrawsPosterior.of(density, finalPoints, "SVGD particles");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("method", "svgd");
        settings.put("particles", Integer.toString(n));
        settings.put("steps", Integer.toString(steps));
        settings.put("learningRate", Double.toString(learningRate));
        settings.put("initRadius", Double.toString(initRadius));
        Diagnostics diagnostics = Diagnostics.notChecked("SVGD particles have no density q, so there is no PSIS k-hat; "
                + "compare with a sampler, or with Pathfinder's k-hat");
        StopReason stop = StopReason.FIXED_BUDGET;
        List<String> notes = List.of(
                "the trace holds the particles' mean log density per step (SVGD has no ELBO)",
                String.format(Locale.ROOT, "Stein direction rms %.3g at the first step, %.3g at the last; bandwidth h = %.4g",
                        rms[0], rms[steps - 1], bandwidth),
                String.format(Locale.ROOT, "cost: %d gradient evaluations (%d particles x %d steps), D = %d", (long) n * steps, n,
                        steps, d));
        Fit fit = new Fit(String.format(Locale.ROOT, "SVGD, %d particles, %d steps, AdaGrad rate %g, RBF kernel with the median "
                + "heuristic", n, steps, learningRate), Map.of(), new ElboTrace(meanLogP, ElboTrace.Kind.STOCHASTIC), stop, diagnostics,
                Verdict.of(stop, diagnostics, "raise the steps"), Provenance.of(seed, settings), posterior, Optional.empty(), notes);
        return new SvgdFit(fit, finalPoints, posterior.draws(), rms, bandwidth, (long) n * steps);
    }

    private static void checkFinite(double[] logP, double[] gradients, Tensor points, int step, int d) {
        for (int i = 0; i < logP.length; i++) {
            boolean finite = Double.isFinite(logP[i]);
            for (int j = 0; finite && j < d; j++) {
                finite = Double.isFinite(gradients[i * d + j]);
            }
            if (!finite) {
                String where = "particle " + i + " at u = " + java.util.Arrays.toString(points.slice(0, i, i + 1).toArray());
                String what = "the log density is " + logP[i] + (Double.isFinite(logP[i]) ? " but its gradient is not finite" : "");
                if (step == 0) {
                    throw new IllegalArgumentException("SVGD initial " + where + ": " + what
                            + "; it must be finite: check the model's support, or give a smaller initRadius");
                }
                throw new IllegalStateException("SVGD step " + step + ", " + where + ": " + what + "; lower the learningRate");
            }
        }
    }
}
