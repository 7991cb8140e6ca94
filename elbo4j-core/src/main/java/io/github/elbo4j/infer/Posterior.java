package io.github.elbo4j.infer;

import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fitted approximation {@code q} of a model's posterior: draws of the latent sites in
 * constrained space (all draws at once, as a batch axis), their summary, and posterior-predictive
 * draws. The same interface for a stochastic-VI guide ({@link GuidePosterior}) and the factors of
 * a coordinate-ascent fit ({@link FactorPosterior}).
 */
public interface Posterior {

    /** The latent site names, in model order. */
    List<String> latentNames();

    /** The shape of one draw of {@code name}. */
    int[] shapeOf(String name);

    /** {@code n} draws of every latent site, each of shape {@code [n] + siteShape}. */
    Map<String, Tensor> sample(int n, RandomStream rng);

    /**
     * {@code n} draws {@code z_s ~ q} and the log ratios {@code log p(x, z_s) - log q(z_s)} of
     * {@code model} (the importance ratios of PSIS, whose mean is the ELBO).
     */
    LogRatios logRatios(Model model, int n, RandomStream rng);

    /**
     * Posterior-predictive draws: for {@code n} draws {@code z_s ~ q}, the model run again with its
     * latents at {@code z_s}: every latent, deterministic and observed site (observed sites drawn
     * afresh from their distributions, not the data), each of shape {@code [n] + siteShape}.
     */
    Map<String, Tensor> predictive(Model model, int n, RandomStream rng);

    /**
     * Draws with their log ratios.
     *
     * @param draws     every latent site, {@code [n] + siteShape}
     * @param logRatios {@code log p(x, z_s) - log q(z_s)}, length {@code n}
     */
    record LogRatios(Map<String, Tensor> draws, double[] logRatios) {
    }

    /** A Monte Carlo ELBO with its standard error. */
    record ElboEstimate(double value, double standardError) {
    }

    /**
     * {@code ELBO(q) ≈ (1/n) Σ [log p(x, z_i) - log q(z_i)]}, {@code z_i ~ q}, for this {@code q}
     * and {@code model}, with standard error {@code s/√n} from the spread of the terms.
     */
    default ElboEstimate elbo(Model model, int draws, RandomStream rng) {
        if (draws < 2) {
            throw new IllegalArgumentException("number of draws must be >= 2, got " + draws);
        }
        double[] w = logRatios(model, draws, rng).logRatios();
        double mean = 0;
        for (double v : w) {
            mean += v / w.length;
        }
        double ss = 0;
        for (double v : w) {
            ss += (v - mean) * (v - mean);
        }
        return new ElboEstimate(mean, Math.sqrt(ss / (w.length - 1) / w.length));
    }

    /** {@code n} draws of one latent site, shape {@code [n] + siteShape}. */
    default Tensor sample(String name, int n, RandomStream rng) {
        if (!latentNames().contains(name)) {
            throw new IllegalArgumentException("no latent site named '" + name + "'; latent sites are " + latentNames());
        }
        return sample(n, rng).get(name);
    }

    /** Per-element mean, sd and 5/50/95% quantiles of every latent, from {@code n} draws. */
    default List<SiteSummary> summary(int n, RandomStream rng) {
        return summarize(sample(n, rng), latentNames(), n);
    }

    /** The summary rows of draws {@code [n] + shape} of the named sites, one row per scalar element ({@code name[i]} or {@code name[i,j]}). */
    static List<SiteSummary> summarize(Map<String, Tensor> draws, List<String> names, int n) {
        List<SiteSummary> rows = new ArrayList<>();
        for (String name : names) {
            Tensor t = draws.get(name);
            double[] d = t.toArray();
            int k = d.length / n;
            int[] shape = java.util.Arrays.copyOfRange(t.shape(), 1, t.shape().length);
            for (int j = 0; j < k; j++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = d[i * k + j];
                }
                rows.add(SiteSummary.of(elementName(name, shape, j), col));
            }
        }
        return rows;
    }

    /** {@code name} for a scalar, {@code name[i]} for a vector element, {@code name[i,j]} for a matrix element (row-major index {@code flat}). */
    static String elementName(String name, int[] shape, int flat) {
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        if (size == 1) {
            return name;
        }
        int[] idx = new int[shape.length];
        int rest = flat;
        for (int a = shape.length - 1; a >= 0; a--) {
            idx[a] = rest % shape[a];
            rest /= shape[a];
        }
        StringBuilder b = new StringBuilder(name).append('[');
        boolean first = true;
        for (int a = 0; a < shape.length; a++) {
            if (shape[a] == 1 && shape.length > 1) {
                continue;
            }
            if (!first) {
                b.append(',');
            }
            b.append(idx[a]);
            first = false;
        }
        return b.append(']').toString();
    }
}
