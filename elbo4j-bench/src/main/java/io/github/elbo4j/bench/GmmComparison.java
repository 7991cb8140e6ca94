package io.github.elbo4j.bench;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.WeightPrior;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * elbo4j's row of {@code bench/compare} for the peers' {@code bgmm.py}: the Bayesian Gaussian
 * mixture on {@code gmm_20000x2.csv}, K = 10, full covariances, weight concentration 1/K, for a
 * finite Dirichlet and a Dirichlet-process prior, with scikit-learn's stopping rule (absolute change
 * of the bound below 1e-3, at most 500 sweeps; the bound is the same up to a constant on both
 * sides, so the rule stops at the same sweep). elbo4j starts from k-means++ (seed 0), scikit-learn
 * from its own k-means: the two may need different numbers of sweeps, so the table shows both
 * the wall time and the time per sweep. Quality as {@code bgmm.py}: fitted components with weight
 * > 0.01 matched to the true ones (least total mean distance), the largest mean error, the
 * largest weight error, and the mean log density of the held-out rows (elbo4j: the Student-t
 * posterior predictive; scikit-learn: the plug-in mixture at its point estimates).
 *
 * <p>Usage: {@code GmmComparison TRAIN.csv HELDOUT.csv [repeats=3] [threads=2]}; timing = median of
 * the repeats after one warm-up fit.
 */
public final class GmmComparison {

    static final double SKLEARN_TOL = 1e-3;
    static final int MAX_SWEEPS = 500;

    private GmmComparison() {
    }

    /** The sweeps scikit-learn's rule would run: the first {@code t} with {@code |L_t − L_{t−1}| < tol}. */
    static int sklearnStoppingSweep(double[] bounds, double tol) {
        for (int t = 1; t < bounds.length; t++) {
            if (Math.abs(bounds[t] - bounds[t - 1]) < tol) {
                return t + 1;
            }
        }
        return bounds.length;
    }

    static GaussianMixtureVI vi(WeightPrior prior, int sweeps, int threads) {
        return GaussianMixtureVI.builder().components(10).weightPrior(prior).maxSweeps(sweeps).tolerance(0)
                .threads(threads).seed(0).build();
    }

    static Map<String, Object> run(String name, WeightPrior prior, double[][] train, double[][] heldout, int repeats,
                                   int threads) {
        int sweeps = sklearnStoppingSweep(vi(prior, MAX_SWEEPS, threads).fit(train).sklearnScaleElboTrace().values(),
                SKLEARN_TOL);
        GaussianMixtureVI vi = vi(prior, sweeps, threads);
        PeerFormat.Timed<GaussianMixtureResult> timed = PeerFormat.timed(() -> vi.fit(train), repeats);
        GaussianMixtureResult r = timed.result();
        Map<String, Object> quality = quality(r, heldout);
        Map<String, Object> v = PeerFormat.variant("GMM CAVI K=10 full cov, " + name + ", k-means++", name,
                timed.medianSeconds(), r.sweeps(), r.sklearnScaleElbo(), quality);
        v.put("elbo_note", "sklearnScaleElbo(): the exact ELBO minus the constants scikit-learn drops");
        v.put("exact_elbo", r.elbo());
        return v;
    }

    static Map<String, Object> quality(GaussianMixtureResult r, double[][] heldout) {
        double[] w = r.weights().toArray();
        double[] m = r.means().toArray();
        List<Integer> big = new ArrayList<>();
        for (int k = 0; k < w.length; k++) {
            if (w[k] > 0.01) {
                big.add(k);
            }
        }
        double[][] truth = GmmBenchmarkData.MEANS;
        int[] match = bestMatch(big, m, truth);
        double meanErr = 0;
        double weightErr = 0;
        for (int t = 0; t < truth.length; t++) {
            if (match[t] < 0) {
                meanErr = Double.POSITIVE_INFINITY;
                continue;
            }
            int k = match[t];
            meanErr = Math.max(meanErr, Math.max(Math.abs(m[2 * k] - truth[t][0]), Math.abs(m[2 * k + 1] - truth[t][1])));
            weightErr = Math.max(weightErr, Math.abs(w[k] - GmmBenchmarkData.WEIGHTS[t]));
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("n_effective_components", big.size());
        q.put("mean_abs_err_max", meanErr);
        q.put("weight_abs_err_max", weightErr);
        q.put("heldout_avg_loglik", Arrays.stream(r.logPredictiveDensity(heldout).toArray()).average().orElseThrow());
        return q;
    }

    /** For each true component, the fitted one assigned to it (−1: none), minimizing the summed mean distance. */
    private static int[] bestMatch(List<Integer> fitted, double[] means, double[][] truth) {
        int[] best = new int[truth.length];
        Arrays.fill(best, -1);
        double[] bestCost = {Double.POSITIVE_INFINITY};
        search(0, new int[truth.length], new boolean[fitted.size()], 0, fitted, means, truth, best, bestCost);
        return best;
    }

    private static void search(int t, int[] current, boolean[] used, double cost, List<Integer> fitted, double[] means,
                               double[][] truth, int[] best, double[] bestCost) {
        if (cost >= bestCost[0]) {
            return;
        }
        if (t == truth.length) {
            bestCost[0] = cost;
            System.arraycopy(current, 0, best, 0, current.length);
            return;
        }
        boolean any = false;
        for (int j = 0; j < fitted.size(); j++) {
            if (!used[j]) {
                any = true;
                int k = fitted.get(j);
                used[j] = true;
                current[t] = k;
                search(t + 1, current, used, cost + Math.hypot(means[2 * k] - truth[t][0], means[2 * k + 1] - truth[t][1]),
                        fitted, means, truth, best, bestCost);
                used[j] = false;
            }
        }
        if (!any) {                                   // fewer fitted components than true ones
            current[t] = -1;
            search(t + 1, current, used, cost, fitted, means, truth, best, bestCost);
        }
    }

    public static void main(String[] args) {
        double[][] train = GmmBenchmarkData.read(Path.of(args[0])).x;
        double[][] heldout = GmmBenchmarkData.read(Path.of(args[1])).x;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Map<String, Object>> summary = List.of(
                run("dirichlet_distribution", WeightPrior.dirichlet(0.1), train, heldout, repeats, threads),
                run("dirichlet_process", WeightPrior.dirichletProcess(0.1), train, heldout, repeats, threads));
        System.out.println(PeerFormat.line("bgmm_gmm_20000x2", args[0], threads, summary, Map.of("repeats", repeats)));
    }
}
