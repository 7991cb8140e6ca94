package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code f_{m-1} ∘ ... ∘ f_1 ∘ f_0}: the parts applied in order, made by {@link Bijector#then}
 * (nested compositions are flattened). The log-abs-det-Jacobian is the sum of the parts' at the
 * intermediate points (chain rule), each summed down to the composition's batch shape; shapes
 * chain through the parts. The domain is the first part's and the codomain the last part's.
 *
 * <p>A part that follows a bijector onto a set with fewer free coordinates than entries (a
 * simplex, a correlation Cholesky factor) sees all the entries: an element-wise part there adds
 * the log-Jacobian of every entry, including the dependent ones, which is not the Jacobian
 * between free coordinates. Compose such parts before, not after.
 */
public final class ComposedBijector implements Bijector {

    private final List<Bijector> parts;
    private final int domainEventRank;

    private ComposedBijector(List<Bijector> parts) {
        this.parts = parts;
        this.domainEventRank = domainEventRank(parts);
    }

    /**
     * The composition that applies {@code parts[0]} first.
     *
     * @throws IllegalArgumentException when no part is given
     */
    public static ComposedBijector of(Bijector... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("ComposedBijector parts must not be empty, got 0 parts");
        }
        List<Bijector> flat = new ArrayList<>();
        for (Bijector b : parts) {
            if (b instanceof ComposedBijector c) {
                flat.addAll(c.parts);
            } else {
                flat.add(java.util.Objects.requireNonNull(b, "part"));
            }
        }
        return new ComposedBijector(List.copyOf(flat));
    }

    /** The parts, in the order they are applied. */
    public List<Bijector> parts() {
        return parts;
    }

    /** {@code y = f_{m-1}(... f_0(x))}. */
    @Override
    public Var forward(Var x) {
        Var v = x;
        for (Bijector b : parts) {
            v = b.forward(v);
        }
        return v;
    }

    /** {@code x = f_0⁻¹(... f_{m-1}⁻¹(y))}. */
    @Override
    public Var inverse(Var y) {
        Var v = y;
        for (int k = parts.size() - 1; k >= 0; k--) {
            v = parts.get(k).inverse(v);
        }
        return v;
    }

    /**
     * {@code log |det ∂y/∂x| = Σ_k log |det ∂f_k/∂x_k|} at {@code x_0 = x}, {@code x_{k+1} = f_k(x_k)}
     * ({@code det} of a product is the product of {@code det}s). A part acting on fewer event axes
     * than the composition has its result summed over the extra trailing axes.
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        int batchRank = x.shape().length - domainEventRank;
        if (batchRank < 0) {
            throw new IllegalArgumentException("ComposedBijector input must have rank >= " + domainEventRank
                    + ", got shape " + java.util.Arrays.toString(x.shape()));
        }
        Var total = null;
        Var v = x;
        for (int k = 0; k < parts.size(); k++) {
            Bijector b = parts.get(k);
            Var next = k == parts.size() - 1 ? y : b.forward(v);
            Var term = b.logAbsDetJacobian(v, next);
            int extra = term.shape().length - batchRank;
            if (extra > 0) {
                int[] axes = new int[extra];
                for (int a = 0; a < extra; a++) {
                    axes[a] = batchRank + a;
                }
                term = term.sum(axes);
            }
            total = total == null ? term : total.add(term);
            v = next;
        }
        return total;
    }

    @Override
    public Constraint domain() {
        return parts.get(0).domain();
    }

    @Override
    public Constraint codomain() {
        return parts.get(parts.size() - 1).codomain();
    }

    /**
     * The least {@code d} such that every part sees at least its own event axes:
     * {@code d = max_k [r_k - Σ_{j<k} (s_j - r_j)]} with {@code r_k}, {@code s_k} the domain and
     * codomain event ranks of part {@code k} (a part that adds axes shifts the later ones).
     */
    @Override
    public int domainEventRank() {
        return domainEventRank;
    }

    /** {@link #domainEventRank} plus the axes the parts add: {@code d + Σ_k (s_k - r_k)}. */
    @Override
    public int codomainEventRank() {
        int rank = domainEventRank;
        for (Bijector b : parts) {
            rank += b.codomainEventRank() - b.domainEventRank();
        }
        return rank;
    }

    @Override
    public int[] forwardShape(int[] shape) {
        int[] s = shape.clone();
        for (Bijector b : parts) {
            s = b.forwardShape(s);
        }
        return s;
    }

    @Override
    public int[] inverseShape(int[] shape) {
        int[] s = shape.clone();
        for (int k = parts.size() - 1; k >= 0; k--) {
            s = parts.get(k).inverseShape(s);
        }
        return s;
    }

    private static int domainEventRank(List<Bijector> parts) {
        int rank = 0;
        int shift = 0;
        for (Bijector b : parts) {
            rank = Math.max(rank, b.domainEventRank() - shift);
            shift += b.codomainEventRank() - b.domainEventRank();
        }
        return rank;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComposedBijector c && parts.equals(c.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Bijector b : parts) {
            s.append(s.length() == 0 ? "" : " then ").append(b);
        }
        return s.toString();
    }
}
