package io.github.elbo4j.infer;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted approximation {@code q}: the guide with its parameters frozen. Draws latent sites in
 * constrained space, all draws at once as a batch axis.
 */
public final class Posterior {

    private final Model model;
    private final Model guide;
    private final Map<String, Var> parameters;
    private final List<String> latentNames;
    private final Map<String, int[]> latentShapes;
    private final int maxPlateNesting;

    Posterior(Model model, Model guide, Map<String, Tensor> parameters, Map<String, int[]> latentShapes, int maxPlateNesting) {
        this.model = model;
        this.guide = guide;
        Map<String, Var> frozen = new LinkedHashMap<>();
        parameters.forEach((k, v) -> frozen.put(k, Var.constant(v)));
        this.parameters = frozen;
        this.latentShapes = new LinkedHashMap<>(latentShapes);
        this.latentNames = List.copyOf(latentShapes.keySet());
        this.maxPlateNesting = maxPlateNesting;
    }

    /** The latent site names, in model order. */
    public List<String> latentNames() {
        return latentNames;
    }

    /** {@code n} draws of every latent site, each of shape {@code [n] + siteShape}. */
    public Map<String, Tensor> sample(int n, RandomStream rng) {
        if (n < 1) {
            throw new IllegalArgumentException("number of draws must be >= 1, got " + n);
        }
        Trace t = LatentDraws.trace(model, guide, new SubstituteHandler(parameters::get), rng, n, maxPlateNesting);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : latentNames) {
            Site s = t.require(name);
            int[] shape = latentShapes.get(name);
            Tensor v = s.value().value();
            int[] target = Broadcasting.concat(new int[] {n}, shape);
            out.put(name, v.size() == Broadcasting.size(target) ? v.reshape(target) : v.broadcastTo(target));
        }
        return out;
    }

    /** {@code n} draws of one latent site, shape {@code [n] + siteShape}. */
    public Tensor sample(String name, int n, RandomStream rng) {
        if (!latentShapes.containsKey(name)) {
            throw new IllegalArgumentException("no latent site named '" + name + "'; latent sites are " + latentNames);
        }
        return sample(n, rng).get(name);
    }

    /** Per-element mean, sd and 5/50/95% quantiles of every latent, from {@code n} draws. */
    public List<SiteSummary> summary(int n, RandomStream rng) {
        Map<String, Tensor> draws = sample(n, rng);
        List<SiteSummary> rows = new ArrayList<>();
        for (String name : latentNames) {
            double[] d = draws.get(name).toArray();
            int k = d.length / n;
            for (int j = 0; j < k; j++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = d[i * k + j];
                }
                rows.add(SiteSummary.of(k == 1 ? name : name + "[" + j + "]", col));
            }
        }
        return rows;
    }

    /** A Monte Carlo ELBO with its standard error. */
    public record ElboEstimate(double value, double standardError) {
    }

    /**
     * {@code ELBO(q) ≈ (1/n) Σ [log p(x, z_i) - log q(z_i)]}, {@code z_i ~ q}, for the fitted
     * {@code q} and {@code model}, with standard error {@code s/√n} from the spread of the terms.
     */
    public ElboEstimate elbo(Model model, int draws, RandomStream rng) {
        if (draws < 2) {
            throw new IllegalArgumentException("number of draws must be >= 2, got " + draws);
        }
        ElboInputs in = new ElboInputs(model, guide, new SubstituteHandler(parameters::get), rng, draws, maxPlateNesting);
        Trace g = in.traceGuide();
        Trace m = in.traceModel(g);
        String[] nonFinite = new String[1];
        double[] w = in.sumPerParticle(m, nonFinite).sub(in.sumPerParticle(g, nonFinite)).value().toArray();
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

    /** The shape of one draw of {@code name}. */
    public int[] shapeOf(String name) {
        return Arrays.copyOf(latentShapes.get(name), latentShapes.get(name).length);
    }
}
