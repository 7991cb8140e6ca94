package io.github.elbo4j.infer.run;

import io.github.elbo4j.diagnostics.ParetoSmoothedWeights;
import io.github.elbo4j.diagnostics.Psis;
import io.github.elbo4j.infer.Diagnostics;
import io.github.elbo4j.infer.Posterior;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Checks a fitted approximation {@code q} against the model by Pareto-smoothed importance
 * sampling (Yao, Vehtari, Simpson &amp; Gelman, "Yes, but did it work?", ICML 2018; Vehtari et
 * al., JMLR 25(72), 2024): {@code S} draws {@code z_s ~ q}, log ratios
 * {@code log r_s = log p(x, z_s) - log q(z_s)}, smoothed weights {@code w̃_s}, then {@code k̂},
 * the ESS {@code 1/Σ w̃_s²}, the ELBO {@code (1/S) Σ log r_s} with its standard error, and for each
 * scalar latent the PSIS-corrected mean {@code Σ w̃_s z_s} with its Monte Carlo standard error.
 */
public final class ImportanceCheck {

    private ImportanceCheck() {
    }

    /** Draws evaluated per batch: memory stays at {@value #CHUNK} draws times the model's size. */
    static final int CHUNK = 250;

    public static Diagnostics diagnose(Model model, Posterior q, int draws, RandomStream rng) {
        return fromRatios(inChunks(model, q, draws, rng), q.latentNames());
    }

    /**
     * The same check from draws already made: {@code lr} holds {@code S} draws of the sites
     * {@code names} ({@code [S] + siteShape} each) and their log ratios {@code log p - log q}.
     */
    public static Diagnostics fromRatios(Posterior.LogRatios lr, List<String> names) {
        double[] r = lr.logRatios();
        int draws = r.length;
        for (int i = 0; i < r.length; i++) {
            if (Double.isNaN(r[i]) || r[i] == Double.POSITIVE_INFINITY) {
                return Diagnostics.notChecked("log p - log q is " + r[i] + " at draw " + i + " of q");
            }
        }
        if (constantToRounding(r)) {
            // q is the posterior up to rounding: every weight is 1/S, there is no tail to fit
            return exact(lr, r, draws);
        }
        ParetoSmoothedWeights w = Psis.smooth(r);
        double mean = Arrays.stream(r).sum() / r.length;
        double ss = 0;
        for (double v : r) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (r.length - 1));
        double se = sd / Math.sqrt(r.length);
        List<Diagnostics.SiteCheck> sites = new ArrayList<>();
        for (String name : names) {
            Tensor t = lr.draws().get(name);
            double[] all = t.toArray();
            int k = all.length / draws;
            int[] shape = Arrays.copyOfRange(t.shape(), 1, t.shape().length);
            double[] h = new double[draws];
            double[] weights = w.weights();
            for (int j = 0; j < k; j++) {
                double plain = 0;
                for (int s = 0; s < draws; s++) {
                    h[s] = all[s * k + j];
                    plain += h[s] / draws;
                }
                double corrected = w.mean(h);
                double squares = 0;
                double weightedSquares = 0;
                for (int s = 0; s < draws; s++) {
                    squares += (h[s] - plain) * (h[s] - plain);
                    weightedSquares += weights[s] * (h[s] - corrected) * (h[s] - corrected);
                }
                sites.add(new Diagnostics.SiteCheck(Posterior.elementName(name, shape, j), plain, corrected,
                        w.monteCarloStandardError(h), Math.sqrt(squares / (draws - 1)), Math.sqrt(weightedSquares)));
            }
        }
        return new Diagnostics(OptionalDouble.of(w.paretoK()), w.paretoKThreshold(), draws, w.effectiveSampleSize(), mean, se, sd,
                sites, Optional.empty());
    }

    /** The draws and log ratios of {@code q}, {@value #CHUNK} draws at a time (stream {@code rng.split(chunk)}). */
    static Posterior.LogRatios inChunks(Model model, Posterior q, int draws, RandomStream rng) {
        double[] ratios = new double[draws];
        java.util.Map<String, double[]> values = new java.util.LinkedHashMap<>();
        for (int start = 0, chunk = 0; start < draws; start += CHUNK, chunk++) {
            int n = Math.min(CHUNK, draws - start);
            Posterior.LogRatios part = q.logRatios(model, Math.max(n, 2), rng.split(chunk));
            System.arraycopy(part.logRatios(), 0, ratios, start, n);
            for (String name : q.latentNames()) {
                double[] v = part.draws().get(name).toArray();
                int k = v.length / Math.max(n, 2);
                double[] all = values.computeIfAbsent(name, x -> new double[draws * k]);
                System.arraycopy(v, 0, all, start * k, n * k);
            }
        }
        java.util.Map<String, Tensor> draws2 = new java.util.LinkedHashMap<>();
        values.forEach((name, v) -> draws2.put(name, Tensor.of(v, io.github.elbo4j.tensor.Broadcasting.concat(new int[] {draws}, q.shapeOf(name)))));
        return new Posterior.LogRatios(draws2, ratios);
    }

    /** True when the finite log ratios differ by no more than rounding: {@code max - min ≤ 1e-12 max(1, |max|)}. */
    static boolean constantToRounding(double[] r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : r) {
            if (v == Double.NEGATIVE_INFINITY) {
                return false;
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo <= 1e-12 * Math.max(1.0, Math.abs(hi));
    }

    private static Diagnostics exact(Posterior.LogRatios lr, double[] r, int draws) {
        double mean = Arrays.stream(r).sum() / r.length;
        List<Diagnostics.SiteCheck> sites = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : lr.draws().entrySet()) {
            double[] all = e.getValue().toArray();
            int k = all.length / draws;
            int[] shape = Arrays.copyOfRange(e.getValue().shape(), 1, e.getValue().shape().length);
            for (int j = 0; j < k; j++) {
                double m = 0;
                double ss = 0;
                for (int s = 0; s < draws; s++) {
                    m += all[s * k + j] / draws;
                }
                for (int s = 0; s < draws; s++) {
                    ss += (all[s * k + j] - m) * (all[s * k + j] - m);
                }
                double sdq = Math.sqrt(ss / (draws - 1));
                sites.add(new Diagnostics.SiteCheck(Posterior.elementName(e.getKey(), shape, j), m, m, sdq / Math.sqrt(draws), sdq, sdq));
            }
        }
        return new Diagnostics(OptionalDouble.of(Double.NEGATIVE_INFINITY), io.github.elbo4j.diagnostics.Psis.paretoKThreshold(draws), draws,
                draws, mean, 0.0, 0.0, sites, Optional.empty());
    }
}
