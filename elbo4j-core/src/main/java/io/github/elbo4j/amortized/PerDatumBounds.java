package io.github.elbo4j.amortized;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.infer.elbo.ParticleHandler;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.model.ReplayHandler;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.SubsampleHandler;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds on each datum's log marginal likelihood {@code log p(x_i)} for a model whose latents are
 * all local to one plate over the data (a VAE, a mixture with amortized responsibilities), given
 * a guide with the same plate and fixed parameters. With {@code K} draws
 * {@code z_ik ~ q(z | x_i)} and log weights {@code log w_ik = log p(x_i, z_ik) - log q(z_ik | x_i)}:
 * <ul>
 *   <li>{@link #elbo}: {@code (1/K) Σ_k log w_ik}, an unbiased estimate of the datum's ELBO;</li>
 *   <li>{@link #importanceWeighted}: {@code log (1/K) Σ_k w_ik}, the importance-weighted bound
 *       (Burda, Grosse &amp; Salakhutdinov, ICLR 2016, eq. 8), which increases with {@code K}
 *       towards {@code log p(x_i)}; the standard held-out log-likelihood estimate of VAEs.</li>
 * </ul>
 * The data are visited in chunks of the plate's subsample size (the model and guide are built
 * with that minibatch size; a last short chunk wraps around and its repeats are ignored), and the
 * draws in groups of at most {@code particleChunk}, combined by a running log-sum-exp, so memory
 * stays at one chunk's worth of decoder outputs.
 */
public final class PerDatumBounds {

    private final Model model;
    private final Model guide;
    private final Map<String, Var> parameters;
    private final String plate;
    private final int particleChunk;

    private PerDatumBounds(Model model, Model guide, Map<String, Var> parameters, String plate, int particleChunk) {
        this.model = model;
        this.guide = guide;
        this.parameters = parameters;
        this.plate = plate;
        this.particleChunk = particleChunk;
    }

    /**
     * Bounds for {@code model} and {@code guide} (both with the subsampled plate {@code plate}
     * around every latent) at the constrained parameter values {@code parameters}.
     */
    public static PerDatumBounds of(Model model, Model guide, Map<String, Tensor> parameters, String plate) {
        Map<String, Var> values = new LinkedHashMap<>();
        parameters.forEach((k, v) -> values.put(k, Var.constant(v)));
        return new PerDatumBounds(model, guide, values, plate, 100);
    }

    /** The per-datum ELBO estimate with {@code draws} draws per datum. */
    public double[] elbo(int draws, RandomStream rng) {
        return reduce(draws, rng, false);
    }

    /** The per-datum importance-weighted bound with {@code k} draws per datum. */
    public double[] importanceWeighted(int k, RandomStream rng) {
        return reduce(k, rng, true);
    }

    private double[] reduce(int k, RandomStream rng, boolean logMeanExp) {
        if (k < 1) {
            throw new IllegalArgumentException("number of draws per datum must be >= 1, got " + k);
        }
        PlateFrame frame = frameOf();
        int n = frame.size();
        int b = frame.subsampleSize();
        double[] out = new double[n];
        int chunks = (n + b - 1) / b;
        for (int c = 0; c < chunks; c++) {
            double[] idx = new double[b];
            for (int i = 0; i < b; i++) {
                idx[i] = (c * b + i) % n;
            }
            Tensor indices = Tensor.of(idx);
            double[] max = new double[b];
            double[] acc = new double[b];
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            int done = 0;
            int group = 0;
            while (done < k) {
                int p = Math.min(particleChunk, k - done);
                double[] logW = logWeights(indices, p, rng.split(c).split(group++));
                for (int j = 0; j < p; j++) {
                    for (int i = 0; i < b; i++) {
                        double w = logW[j * b + i];
                        if (!logMeanExp) {
                            acc[i] += w;
                        } else if (w > max[i]) {
                            acc[i] = acc[i] * Math.exp(max[i] - w) + 1.0;
                            max[i] = w;
                        } else {
                            acc[i] += Math.exp(w - max[i]);
                        }
                    }
                }
                done += p;
            }
            for (int i = 0; i < b && c * b + i < n; i++) {
                out[c * b + i] = logMeanExp ? max[i] + Math.log(acc[i] / k) : acc[i] / k;
            }
        }
        return out;
    }

    /** {@code log w} of {@code p} draws for the data at {@code indices}, row-major {@code [p, b]}. */
    private double[] logWeights(Tensor indices, int p, RandomStream rng) {
        SubsampleHandler chunk = new SubsampleHandler(f -> f.name().equals(plate) ? indices : null);
        SubstituteHandler params = new SubstituteHandler(parameters::get);
        Trace g = ModelContext.trace(guide, params, new ParticleHandler(p, 1), new SeedHandler(rng.split(0)), chunk);
        Trace m = ModelContext.trace(model, params, new ParticleHandler(p, 1), new ReplayHandler(g), new SeedHandler(rng.split(1)),
                chunk);
        int b = indices.size();
        Tensor total = Tensor.zeros(p, b);
        total = total.add(sum(m, p, b, "model"));
        total = total.sub(sum(g, p, b, "guide"));
        return total.toArray();
    }

    /** {@code Σ_sites log p} of a trace's sample sites, unscaled, as {@code [p, b]}. */
    private Tensor sum(Trace t, int p, int b, String which) {
        Tensor total = Tensor.zeros(p, b);
        for (Site s : t.sites()) {
            if (s.type() != SiteType.SAMPLE) {
                continue;
            }
            boolean local = s.plates().stream().anyMatch(f -> f.name().equals(plate));
            if (!local || s.plates().size() != 1) {
                throw new IllegalArgumentException("per-datum bounds need every " + which + " sample site inside plate '" + plate
                        + "' and no other plate; site '" + s.name() + "' is in plates " + s.plates().stream().map(PlateFrame::name).toList());
            }
            Tensor lp = s.logProb().value();
            if (s.scale() != 1.0) {
                lp = lp.div(s.scale());
            }
            total = total.add(lp.broadcastTo(p, b));
        }
        return total;
    }

    private PlateFrame frameOf() {
        Trace g = ModelContext.trace(guide, new SubstituteHandler(parameters::get), new ParticleHandler(1, 1), new SeedHandler(0));
        for (Site s : g.sites()) {
            if (s.type() == SiteType.PLATE && s.name().equals(plate)) {
                return s.declaredPlate().orElseThrow();
            }
        }
        throw new IllegalArgumentException("the guide opens no plate named '" + plate + "'");
    }
}
