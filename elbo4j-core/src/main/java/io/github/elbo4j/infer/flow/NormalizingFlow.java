package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.TransformedDistribution;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.ComposedBijector;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;
import java.util.List;

/**
 * A normalizing flow: {@code y = f_K ∘ ... ∘ f_1(z)}, {@code z} from a base distribution over
 * vectors, with
 * {@code log q(y) = log q_0(z) - Σ_k log|det ∂f_k/∂z_{k-1}|} at {@code z_0 = z},
 * {@code z_k = f_k(z_{k-1})} (Rezende &amp; Mohamed, ICML 2015, eq. 7; Papamakarios et al., JMLR
 * 22(57), 2021, eq. 5). {@link #logProb} inverts the layers (as {@link TransformedDistribution}
 * does); {@link #push} goes forward only, returning each draw with its log-det in one pass, which is
 * how a guide scores its own draws without inverting anything.
 */
public final class NormalizingFlow implements Distribution {

    /** A point pushed through the layers: {@code y} and {@code Σ_k log|det ∂f_k|}, the latter with the batch shape. */
    public record Pushed(Var value, Var logAbsDet) {
    }

    private final Distribution base;
    private final List<Bijector> layers;
    private final TransformedDistribution law;

    private NormalizingFlow(Distribution base, List<Bijector> layers) {
        this.base = base;
        this.layers = layers;
        this.law = TransformedDistribution.of(base, ComposedBijector.of(layers.toArray(Bijector[]::new)));
    }

    /**
     * The law of {@code f_K(... f_1(z))}, {@code z ~ base}, layers applied in list order.
     *
     * @throws IllegalArgumentException when the base's event is not a vector, no layer is given, or
     *     a layer does not act on vectors (its domain event rank is not 1)
     */
    public static NormalizingFlow of(Distribution base, List<Bijector> layers) {
        if (base.eventShape().length != 1) {
            throw new IllegalArgumentException("NormalizingFlow base must have vector events, got event shape "
                    + Arrays.toString(base.eventShape()));
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("NormalizingFlow layers must not be empty, got 0 layers");
        }
        for (Bijector b : layers) {
            if (b.domainEventRank() != 1 || b.codomainEventRank() != 1) {
                throw new IllegalArgumentException("NormalizingFlow layers must map vectors to vectors (event rank 1), got " + b
                        + " with event ranks " + b.domainEventRank() + " -> " + b.codomainEventRank());
            }
        }
        return new NormalizingFlow(base, List.copyOf(layers));
    }

    /** {@link #of(Distribution, List)} with the layers as arguments. */
    public static NormalizingFlow of(Distribution base, Bijector... layers) {
        return of(base, List.of(layers));
    }

    /** The base distribution. */
    public Distribution base() {
        return base;
    }

    /** The layers, in the order they are applied. */
    public List<Bijector> layers() {
        return layers;
    }

    /**
     * {@code y = f_K ∘ ... ∘ f_1(z)} and {@code Σ_k log|det ∂f_k/∂z_{k-1}|} for a base point {@code z}
     * of shape {@code [..., D]}, computing each layer's forward map once.
     */
    public Pushed push(Var z) {
        return pushThrough(layers, z);
    }

    /**
     * {@code y = f_K ∘ ... ∘ f_1(z)} and {@code Σ_k log|det ∂f_k/∂z_{k-1}|} for vector layers applied
     * in list order (at least one), each layer's forward map computed once.
     */
    public static Pushed pushThrough(List<Bijector> layers, Var z) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("NormalizingFlow layers must not be empty, got 0 layers");
        }
        Var v = z;
        Var total = null;
        for (Bijector b : layers) {
            Var next = b.forward(v);
            Var ladj = b.logAbsDetJacobian(v, next);
            total = total == null ? ladj : total.add(ladj);
            v = next;
        }
        return new Pushed(v, total);
    }

    @Override
    public int[] batchShape() {
        return law.batchShape();
    }

    @Override
    public int[] eventShape() {
        return law.eventShape();
    }

    @Override
    public Constraint support() {
        return new Constraint.RealVector();
    }

    /** {@code log q_0(f⁻¹(y)) - Σ_k log|det ∂f_k|}, through the layers' inverses. */
    @Override
    public Var logProb(Var value) {
        return law.logProb(value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return law.sample(rng, sampleShape);
    }

    @Override
    public boolean hasRsample() {
        return base.hasRsample();
    }

    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return law.rsample(rng, sampleShape);
    }

    @Override
    public NormalizingFlow expand(int... shape) {
        return new NormalizingFlow(base.expand(shape), layers);
    }

    /** Not available in closed form. */
    @Override
    public Tensor mean() {
        throw new UnsupportedOperationException("NormalizingFlow has no closed-form mean; average draws from sample()");
    }

    /** Not available in closed form. */
    @Override
    public Tensor variance() {
        throw new UnsupportedOperationException("NormalizingFlow has no closed-form variance; use draws from sample()");
    }
}
