package io.github.elbo4j.infer.guide;

import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.model.LatentShape;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Bijectors;
import java.util.ArrayList;
import java.util.List;

/**
 * How the continuous latent sites of a model map to one flat unconstrained vector (ADVI:
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
     * values follow the shape contract of {@code ModelContext}). Initial values are the prior median where
     * the distribution has a quantile function, else the prototype's own value: a prior draw (a
     * feasible point), or {@code bijectTo(support)(0)} for a flat improper prior, which has no draws.
     */
    public static LatentLayout of(Trace prototype) {
        List<Entry> out = new ArrayList<>();
        int offset = 0;
        for (Site s : prototype.latentSites()) {
            Distribution d = s.distribution().orElseThrow();
            if (d.support().isDiscrete()) {
                throw new IllegalArgumentException("latent site '" + s.name() + "' has discrete support " + d.support()
                        + ": automatic guides need continuous latents (enumerate or marginalize it, or write a guide)");
            }
            Bijector t = Bijectors.bijectTo(d.support());
            int[] shape = LatentShape.siteShape(s.value().shape(), d.eventShape().length);
            Tensor init = t.inverse(initialValue(d, s.value().value().reshape(shape)));
            if (t.codomain().isParameterized()) {
                init = init.reshape(shape); // the prototype's bounds carry the particle axis
            }
            int[] ushape = init.shape();
            int size = Broadcasting.size(ushape);
            out.add(new Entry(s.name(), t, shape, ushape, shape.length - d.eventShape().length, offset, size, init));
            offset += size;
        }
        return new LatentLayout(List.copyOf(out), offset, prototype.maxPlateNesting());
    }

    private static Tensor initialValue(Distribution d, Tensor draw) {
        if (d.eventShape().length == 0) {
            try {
                Tensor median = d.icdf(Tensor.full(0.5, d.batchShape()));
                if (median.allFinite() && d.support().check(median).min().item() == 1.0 && median.size() == draw.size()) {
                    return median.reshape(draw.shape());
                }
            } catch (UnsupportedOperationException noQuantile) {
                // fall through to the prototype draw, a point of the support
            }
        }
        return draw;
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

    /** The initial flat unconstrained vector. */
    public Tensor initialVector() {
        double[] v = new double[dimension];
        for (Entry e : entries) {
            System.arraycopy(e.initUnconstrained().toArray(), 0, v, e.offset(), e.size());
        }
        return Tensor.of(v);
    }
}
