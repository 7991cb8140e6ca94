package io.github.elbo4j.infer;

import io.github.elbo4j.diagnostics.ParetoSmoothedWeights;
import io.github.elbo4j.diagnostics.Psis;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
final class ImportanceCheck {

    private ImportanceCheck() {
    }

    static Diagnostics diagnose(Model model, Posterior q, int draws, RandomStream rng) {
        Posterior.LogRatios lr = q.logRatios(model, draws, rng);
        double[] r = lr.logRatios();
        for (int i = 0; i < r.length; i++) {
            if (Double.isNaN(r[i]) || r[i] == Double.POSITIVE_INFINITY) {
                return Diagnostics.notChecked("log p - log q is " + r[i] + " at draw " + i + " of q");
            }
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
        for (String name : q.latentNames()) {
            Tensor t = lr.draws().get(name);
            double[] all = t.toArray();
            int k = all.length / draws;
            int[] shape = Arrays.copyOfRange(t.shape(), 1, t.shape().length);
            double[] h = new double[draws];
            for (int j = 0; j < k; j++) {
                double plain = 0;
                for (int s = 0; s < draws; s++) {
                    h[s] = all[s * k + j];
                    plain += h[s] / draws;
                }
                sites.add(new Diagnostics.SiteCheck(Posterior.elementName(name, shape, j), plain, w.mean(h),
                        w.monteCarloStandardError(h)));
            }
        }
        return new Diagnostics(OptionalDouble.of(w.paretoK()), w.paretoKThreshold(), draws, w.effectiveSampleSize(), mean, se, sd,
                sites, Optional.empty());
    }
}
