package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Posterior;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.pathfinder.Pathfinder;
import io.github.elbo4j.pathfinder.PathfinderFit;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;

/**
 * One fit of the accuracy suite against its reference: for every reference coordinate (latent or
 * derived), the error of the fitted mean in reference posterior sds and the ratio of the fitted sd
 * to the reference sd, from {@value #DRAWS} draws of {@code q} (Monte Carlo error of a mean about
 * 0.007 sd); then the worst of each, PSIS {@code k̂}, the verdict, the cost.
 *
 * @param posterior  the reference posterior's name
 * @param guide      the guide family
 * @param meanError  the largest {@code |E_q - E_ref| / sd_ref}
 * @param worstMean  the coordinate where it occurs
 * @param minSdRatio the smallest {@code sd_q / sd_ref}
 * @param maxSdRatio the largest {@code sd_q / sd_ref}
 * @param worstSd    the coordinate whose ratio is farthest from 1 (in log)
 * @param psisMeanError the largest error of the PSIS-corrected means of the latents ({@code NaN} when not checked):
 *                   importance sampling corrects the means when {@code k̂ < 0.7} (Yao et al., ICML 2018, sec. 3)
 * @param paretoK    PSIS {@code k̂} ({@code NaN} when not checked)
 * @param draws      the draws of the PSIS check
 * @param verdict    the fit's own verdict
 * @param steps      ELBO trace length (steps or L-BFGS iterations)
 * @param seconds    wall time of the fit including its check
 * @param method     the fit's method in words
 * @param lrvb       for a mean-field fit, its linear-response sds against the reference ({@link LinearResponseCheck})
 */
public record AccuracyCheck(String posterior, String guide, double meanError, String worstMean, double minSdRatio, double maxSdRatio,
                            String worstSd, double psisMeanError, double paretoK, int draws, Verdict verdict, long steps, double seconds,
                            String method, java.util.Optional<LinearResponseCheck> lrvb) {

    static final int DRAWS = 20_000;

    /** Fits {@code p} with the default settings and the guide {@code guide}, and compares. */
    public static AccuracyCheck run(ReferencePosterior p, AutoGuide guide, long seed) {
        return run(p, guide, seed, svi -> svi);
    }

    /** Fits {@code p} with the guide {@code guide} and the settings {@code settings} adds, and compares. */
    public static AccuracyCheck run(ReferencePosterior p, AutoGuide guide, long seed,
                                    java.util.function.UnaryOperator<io.github.elbo4j.infer.Svi.Builder> settings) {
        long start = System.nanoTime();
        Fit fit = settings.apply(io.github.elbo4j.infer.Svi.builder(p.model()).guide(guide).seed(seed)).build().run();
        double seconds = (System.nanoTime() - start) / 1e9;
        String name = guide instanceof io.github.elbo4j.infer.guide.AutoChoice ? fit.provenance().settings().get("guide")
                : guide.familyName();
        return of(p, fit, name, seed, seconds);
    }

    /** Fits {@code p} with Pathfinder (4 paths, seed 1: {@code bench/accuracy}'s row "pathfinder") and compares. */
    public static AccuracyCheck pathfinder(ReferencePosterior p) {
        long start = System.nanoTime();
        PathfinderFit r = Pathfinder.of(p.model()).paths(4).seed(1).run();
        return of(p, r.fit(), "pathfinder", 1, (System.nanoTime() - start) / 1e9);
    }

    /** Compares a fit of {@code p} made by any method ({@code method} names it in the table) with the reference. */
    public static AccuracyCheck of(ReferencePosterior p, Fit fit, String method, long seed, double seconds) {
        Map<String, Tensor> draws = fit.posterior().predictive(p.model(), DRAWS, RandomStream.of(seed).split(77));
        double meanError = 0;
        String worstMean = "";
        double minRatio = Double.POSITIVE_INFINITY;
        double maxRatio = 0;
        String worstSd = "";
        double worstLog = -1;
        for (ParameterSummary ref : p.reference().parameters()) {
            double[] column = column(draws, ref.name());
            if (column == null) {
                continue;
            }
            double mean = mean(column);
            double sd = sd(column);
            double err = Math.abs(mean - ref.mean()) / ref.sd();
            if (err > meanError) {
                meanError = err;
                worstMean = ref.name();
            }
            double ratio = sd / ref.sd();
            minRatio = Math.min(minRatio, ratio);
            maxRatio = Math.max(maxRatio, ratio);
            if (Math.abs(Math.log(ratio)) > worstLog) {
                worstLog = Math.abs(Math.log(ratio));
                worstSd = ref.name();
            }
        }
        double psisError = fit.diagnostics().checked() ? 0 : Double.NaN;
        for (io.github.elbo4j.infer.Diagnostics.SiteCheck s : fit.diagnostics().sites()) {
            var ref = p.reference().parameter(s.name());
            if (ref.isPresent()) {
                psisError = Math.max(psisError, Math.abs(s.psisMean() - ref.get().mean()) / ref.get().sd());
            }
        }
        return new AccuracyCheck(p.name(), method, meanError, worstMean, minRatio, maxRatio, worstSd, psisError,
                fit.paretoK().orElse(Double.NaN), fit.diagnostics().draws(), fit.verdict(), fit.steps(), seconds, fit.method(),
                LinearResponseCheck.of(p, fit, method));
    }

    /** The draws of coordinate {@code name} ({@code tau}, {@code theta[3]}, {@code w[1,2]}), or null if the fit has no such site. */
    static double[] column(Map<String, Tensor> draws, String name) {
        int bracket = name.indexOf('[');
        String site = bracket < 0 ? name : name.substring(0, bracket);
        Tensor t = draws.get(site);
        if (t == null) {
            return null;
        }
        int n = t.dim(0);
        int[] shape = java.util.Arrays.copyOfRange(t.shape(), 1, t.shape().length);
        int size = t.size() / n;
        for (int j = 0; j < size; j++) {
            if (Posterior.elementName(site, shape, j).equals(name)) {
                double[] all = t.toArray();
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = all[i * size + j];
                }
                return col;
            }
        }
        return null;
    }

    /** Whether the goal of issue 13 applies to this fit, and is met: see {@link Goals}. */
    public Goals.Outcome goal(ReferencePosterior p) {
        return Goals.evaluate(this, p);
    }

    /** The sample mean of {@code x}. */
    static double mean(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        return mean;
    }

    /** The sample standard deviation of {@code x} ({@code n - 1} in the denominator). */
    static double sd(double[] x) {
        double mean = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
