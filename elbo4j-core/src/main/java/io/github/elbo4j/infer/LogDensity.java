package io.github.elbo4j.infer;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.infer.elbo.ElboInputs;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.run.LatentDraws;
import io.github.elbo4j.infer.run.ParticleBroadcast;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.optim.DifferentiableFunction;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The posterior's log density over the flat unconstrained vector of a model's latent sites
 * (ADVI: Kucukelbir et al., JMLR 18(14), 2017, eq. 4):
 * <pre>
 * log p(u | x) = log p(x, T(u)) + log |det J_T(u)| + const
 * </pre>
 * with {@code T} the bijectors of {@link LatentLayout}; the density the automatic guides
 * approximate, and the one a sampler would draw from. Each call runs the model once on a fresh
 * tape. The model's own learnable parameters (if any) stay at their initial values.
 *
 * <p>One definition of "the unconstrained posterior": the automatic guides' warm start (Laplace),
 * and the samplers and particle methods that need only a log density and its gradient, all use it.
 */
public final class LogDensity {

    private static final Handler NO_PARAMETERS = new Handler() { };

    private final Model model;
    private final LatentLayout layout;
    private final RandomStream rng;

    /**
     * The unconstrained log density of {@code model}: its latent sites are found by one run with
     * prior draws from {@code rng} ({@link PrototypeRun}), laid out in the order the model samples
     * them ({@link LatentLayout}), each starting at its prior median.
     */
    public static LogDensity of(Model model, RandomStream rng) {
        PrototypeRun prototype = PrototypeRun.of(model, rng.split(0));
        return new LogDensity(model, LatentLayout.of(prototype.trace()), rng.split(1));
    }

    /** The unconstrained log density of {@code model} with the latent sites of {@code layout}. */
    public LogDensity(Model model, LatentLayout layout, RandomStream rng) {
        this.model = model;
        this.layout = layout;
        this.rng = rng;
    }

    /** Where each latent site sits in the unconstrained vector, and its bijector. */
    public LatentLayout layout() {
        return layout;
    }

    /** The length {@code D} of the unconstrained vector. */
    public int dimension() {
        return layout.dimension();
    }

    /** {@code log p(x, T(u)) + log|det J_T(u)|} and its gradient in {@code u} (written into {@code gradient}). */
    public double valueAndGradient(double[] u, double[] gradient) {
        Tape tape = new Tape();
        Var point = tape.variable(Tensor.of(u.clone(), layout.particleShape(1)));
        Var total = evaluate(point, 1);
        Gradients g = tape.gradient(total, point);
        System.arraycopy(g.get(0).toArray(), 0, gradient, 0, u.length);
        return total.item();
    }

    /** {@code log p(x, T(u_k)) + log|det J_T(u_k)|} for each row {@code u_k} of {@code points} ({@code [K, D]}), in one batched run. */
    public double[] values(Tensor points) {
        int k = points.dim(0);
        try {
            Var total = evaluate(Var.constant(points.reshape(layout.particleShape(k))), k);
            return total.value().reshape(k).toArray();
        } catch (IllegalArgumentException e) {
            if (!ParticleBroadcast.failed(e)) {
                throw e;
            }
        }
        double[] out = new double[k];            // a model without plates: one point at a time
        for (int i = 0; i < k; i++) {
            out[i] = evaluate(Var.constant(points.slice(0, i, i + 1).reshape(layout.particleShape(1))), 1).item();
        }
        return out;
    }

    /**
     * The same density whose model runs draw (if they draw at all) from {@code stream}: a copy for
     * another thread, since a log density owns its stream and is used by one thread at a time.
     */
    public LogDensity withStream(RandomStream stream) {
        return new LogDensity(model, layout, stream);
    }

    /**
     * The latent sites at unconstrained point {@code u} in constrained space, {@code T(u)} site by
     * site (each of its site shape), as the model sees them: read from one run of the model, so a
     * site whose support depends on another latent gets that latent's bounds.
     */
    public Map<String, Tensor> constrain(double[] u) {
        Var point = Var.constant(Tensor.of(u.clone(), layout.particleShape(1)));
        ElboInputs in = new ElboInputs(model, layout.pointMass(point), NO_PARAMETERS, rng, 1, layout.maxPlateNesting());
        var joint = in.traceModel(in.traceGuide());
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (LatentLayout.Entry e : layout.entries()) {
            out.put(e.name(), joint.require(e.name()).value().value().reshape(e.shape()));
        }
        return out;
    }

    /**
     * {@code log p(x, T(u_k)) + log|det J_T(u_k)|} for each row {@code u_k} of {@code points}
     * ({@code [K, D]}) and its gradient in {@code u_k}, written into row {@code k} of
     * {@code gradients} ({@code K·D} entries, row-major), in one batched run on one tape: the rows
     * are independent, so the gradient of {@code Σ_k log p(u_k)} in {@code u_k} is the gradient of
     * {@code log p(u_k)}. A model that does not broadcast over a particle axis is evaluated one row
     * at a time ({@link #valueAndGradient}).
     *
     * @throws IllegalArgumentException if {@code points} is not {@code [K, D]} or {@code gradients} is not {@code K·D} long
     */
    public double[] valuesAndGradients(Tensor points, double[] gradients) {
        int d = dimension();
        if (points.rank() != 2 || points.dim(1) != d) {
            throw new IllegalArgumentException("LogDensity points must have shape [K, " + d + "], got "
                    + Arrays.toString(points.shape()));
        }
        int k = points.dim(0);
        if (gradients.length != k * d) {
            throw new IllegalArgumentException("LogDensity gradients length must be K*D = " + k * d + ", got " + gradients.length);
        }
        try {
            Tape tape = new Tape();
            Var point = tape.variable(points.reshape(layout.particleShape(k)));
            Var total = evaluate(point, k);
            if (total.value().size() == k) {
                Gradients g = tape.gradient(total.sum(), point);
                System.arraycopy(g.get(0).toArray(), 0, gradients, 0, k * d);
                return total.value().reshape(k).toArray();
            }
        } catch (IllegalArgumentException e) {
            if (!ParticleBroadcast.failed(e)) {
                throw e;
            }
        }
        double[] out = new double[k];            // a model without plates: one point at a time
        double[] all = points.toArray();
        double[] row = new double[d];
        double[] g = new double[d];
        for (int i = 0; i < k; i++) {
            System.arraycopy(all, i * d, row, 0, d);
            out[i] = valueAndGradient(row, g);
            System.arraycopy(g, 0, gradients, i * d, d);
        }
        return out;
    }

    /**
     * The latent sites in constrained space at each row {@code u_k} of {@code points}
     * ({@code [K, D]}): {@code z_s = T_s(u_k[offset_s, offset_s + size_s))}, each of shape
     * {@code [K] + siteShape}. A site whose support depends on other latents is mapped by the model
     * itself (as the automatic guides' draws are).
     */
    public Map<String, Tensor> constrained(Tensor points) {
        int k = points.dim(0);
        Model guide = layout.pointMass(Var.constant(points.reshape(layout.particleShape(k))));
        Trace t = LatentDraws.trace(model, guide, NO_PARAMETERS, rng, k,
                layout.maxPlateNesting());
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (LatentLayout.Entry e : layout.entries()) {
            Tensor v = t.require(e.name()).value().value();
            int[] target = Broadcasting.concat(new int[] {k}, e.shape());
            out.put(e.name(), v.size() == Broadcasting.size(target) ? v.reshape(target) : v.broadcastTo(target));
        }
        return out;
    }

    /** The model this density belongs to. */
    public Model model() {
        return model;
    }

    /**
     * This density negated, as a function to minimize. A point where a distribution refuses its
     * parameters (a scale that underflowed to 0 far out in unconstrained space) counts as outside
     * the domain: the value is NaN, so a line search shortens its step there.
     */
    public DifferentiableFunction negated() {
        return (x, g) -> {
            double v;
            try {
                v = valueAndGradient(x, g);
            } catch (IllegalArgumentException outsideDomain) {
                return Double.NaN;
            }
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return -v;
        };
    }

    private Var evaluate(Var point, int particles) {
        ElboInputs in = new ElboInputs(model, layout.pointMass(point), NO_PARAMETERS, rng, particles, layout.maxPlateNesting());
        String[] nonFinite = new String[1];
        var guide = in.traceGuide();
        var joint = in.traceModel(guide);
        Var logP = in.sumPerParticle(joint, nonFinite);
        Var logQ = in.sumPerParticle(guide, nonFinite);
        return particles == 1 ? logP.sub(logQ).sum() : logP.sub(logQ);
    }
}
