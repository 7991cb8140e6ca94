package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.model.LatentShape;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Bijectors;
import java.util.ArrayList;
import java.util.List;

/**
 * How the continuous latent sites of a model (not those enumerated: {@code Site.isEnumerated()}) map to one flat unconstrained vector (ADVI:
 * Kucukelbir et al., JMLR 18(14), 2017, sec. 2.3): site {@code s} with support {@code C_s}
 * occupies entries {@code [offset, offset + size)}, holding {@code T_s⁻¹(z_s)} with
 * {@code T_s = bijectTo(C_s)}. Built once from a prototype trace of the model.
 */
public final class LatentLayout {

    /** One latent site's place in the flat vector. */
    public record Entry(String name, Bijector transform, int[] shape, int[] unconstrainedShape, int batchRank,
                        int offset, int size, Tensor initUnconstrained) {
    }

    private final List<Entry> entries;
    private final int dimension;
    private final int maxPlateNesting;

    private LatentLayout(List<Entry> entries, int dimension, int maxPlateNesting) {
        this.entries = entries;
        this.dimension = dimension;
        this.maxPlateNesting = maxPlateNesting;
    }

    /**
     * The layout of {@code prototype}'s latent sites ({@code PrototypeRun}'s trace, whose latent
     * values follow the shape contract of {@code ModelContext}), initialized at the prior median
     * ({@link InitStrategy#median()}).
     */
    public static LatentLayout of(Trace prototype) {
        return of(prototype, InitStrategy.median(), RandomStream.of(0));
    }

    /**
     * The layout of {@code prototype}'s latent sites with initial values from {@code init}
     * ({@code rng} serves strategies that draw; the site's stream is {@code rng.split(index)}).
     */
    public static LatentLayout of(Trace prototype, InitStrategy init, RandomStream rng) {
        List<Entry> out = new ArrayList<>();
        int offset = 0;
        int index = 0;
        for (Site s : prototype.latentSites()) {
            if (s.isEnumerated()) {
                continue; // summed out by the ELBO, not drawn by the guide
            }
            Distribution d = s.distribution().orElseThrow();
            if (d.support().isDiscrete()) {
                throw new IllegalArgumentException("latent site '" + s.name() + "' has discrete support " + d.support()
                        + ": automatic guides need continuous latents (sum it out by enumeration with "
                        + "Svi.builder(model).elbo(ElboEstimator.traceEnum()), marginalize it by hand, or write a guide)");
            }
            Bijector t = Bijectors.bijectTo(d.support());
            int[] shape = LatentShape.siteShape(s.value().shape(), d.eventShape().length);
            Tensor u0 = t.inverse(init.initialValue(s.name(), d, s.value().value().reshape(shape), t, rng.split(index++)));
            if (t.codomain().isParameterized()) {
                u0 = u0.reshape(shape); // the prototype's bounds carry the particle axis
            }
            int[] ushape = u0.shape();
            int size = Broadcasting.size(ushape);
            out.add(new Entry(s.name(), t, shape, ushape, shape.length - d.eventShape().length, offset, size, u0));
            offset += size;
        }
        return new LatentLayout(List.copyOf(out), offset, prototype.maxPlateNesting());
    }

    /**
     * The layout without the sites named in {@code blocked} (the hand-written part of a structured
     * guide), the others in the same order with their offsets closed up.
     *
     * @throws IllegalArgumentException if a blocked name is not a site of this layout
     */
    public LatentLayout without(java.util.Set<String> blocked) {
        for (String name : blocked) {
            if (entries.stream().noneMatch(e -> e.name().equals(name))) {
                throw new IllegalArgumentException("hand-written site '" + name + "' is not a continuous latent site of the model; "
                        + "latent sites are " + entries.stream().map(Entry::name).toList());
            }
        }
        List<Entry> out = new ArrayList<>();
        int offset = 0;
        for (Entry e : entries) {
            if (!blocked.contains(e.name())) {
                out.add(new Entry(e.name(), e.transform(), e.shape(), e.unconstrainedShape(), e.batchRank(), offset, e.size(),
                        e.initUnconstrained()));
                offset += e.size();
            }
        }
        return new LatentLayout(List.copyOf(out), offset, maxPlateNesting);
    }

    /** The sites, in model order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The length of the flat unconstrained vector. */
    public int dimension() {
        return dimension;
    }

    /** The largest number of plates around any site of the model. */
    public int maxPlateNesting() {
        return maxPlateNesting;
    }

    /**
     * A guide program that puts every latent site at the point {@code T(u)} ({@code u} of shape
     * {@code [P, 1, ..., 1, D]}, one row per particle), each site carrying
     * {@code -log|det ∂T_s/∂u_s|}: so that {@code log p(x, T(u)) - log q = log p(x, T(u)) + log|det J_T(u)|},
     * the log density of the posterior in unconstrained space (Kucukelbir et al., JMLR 18(14),
     * 2017, eq. 4).
     */
    public Model pointMass(Var u) {
        return m -> LatentSites.emitSites(m, this, u);
    }

    /** The shape {@code [P, 1, ..., 1, D]} of {@code P} points of the flat vector, one axis per plate. */
    public int[] particleShape(int particles) {
        int[] shape = new int[maxPlateNesting + 2];
        java.util.Arrays.fill(shape, 1);
        shape[0] = particles;
        shape[shape.length - 1] = dimension;
        return shape;
    }

    /** The initial flat unconstrained vector. */
    public Tensor initialVector() {
        double[] v = new double[dimension];
        for (Entry e : entries) {
            System.arraycopy(e.initUnconstrained().toArray(), 0, v, e.offset(), e.size());
        }
        return Tensor.of(v);
    }
}
