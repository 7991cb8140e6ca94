package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code y_i = x_{σ(i)}} over the last axis for a fixed permutation {@code σ}: volume-preserving,
 * {@code log|det| = 0}. Placed between the layers of a flow whose layers treat coordinates
 * unequally (coupling and autoregressive layers: Dinh, Sohl-Dickstein &amp; Bengio, ICLR 2017,
 * sec. 3.5; Papamakarios, Pavlakou &amp; Murray, NeurIPS 2017, sec. 3.1), so that every coordinate is
 * transformed in turn; planar and radial layers act on all coordinates at once and need none.
 */
public final class Permutation implements VectorLayer {

    private final int[] order;
    private final int[] inverseOrder;

    private Permutation(int[] order) {
        this.order = order;
        this.inverseOrder = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverseOrder[order[i]] = i;
        }
    }

    /**
     * {@code y_i = x_{order[i]}}.
     *
     * @throws IllegalArgumentException when {@code order} is not a permutation of {@code 0..D-1}, {@code D >= 1}
     */
    public static Permutation of(int... order) {
        boolean[] seen = new boolean[order.length];
        for (int o : order) {
            if (o < 0 || o >= order.length || seen[o]) {
                throw new IllegalArgumentException("Permutation order must hold each of 0.." + (order.length - 1) + " once, got "
                        + Arrays.toString(order));
            }
            seen[o] = true;
        }
        if (order.length == 0) {
            throw new IllegalArgumentException("Permutation order must not be empty, got []");
        }
        return new Permutation(order.clone());
    }

    /** The reversal {@code y_i = x_{D-1-i}} of vectors of length {@code dimension >= 1}. */
    public static Permutation reverse(int dimension) {
        int[] order = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            order[i] = dimension - 1 - i;
        }
        return of(order);
    }

    /** The length {@code D} of the vectors permuted. */
    @Override
    public int dimension() {
        return order.length;
    }

    /** The order {@code σ} (a copy). */
    public int[] order() {
        return order.clone();
    }

    /** {@code y_i = x_{σ(i)}}. */
    @Override
    public Var forward(Var x) {
        requireLength(x);
        return x.indexSelect(-1, order);
    }

    /** {@code x_j = y_{σ⁻¹(j)}}. */
    @Override
    public Var inverse(Var y) {
        requireLength(y);
        return y.indexSelect(-1, inverseOrder);
    }

    /** 0 (a permutation matrix has determinant ±1), with the shape of {@code x} without its last axis. */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        int[] s = x.shape();
        return Var.constant(Tensor.zeros(Arrays.copyOf(s, s.length - 1)));
    }

    private void requireLength(Var x) {
        VectorLayer.requireLength("Permutation", order.length, x);
    }

    @Override
    public String toString() {
        return "Permutation" + Arrays.toString(order);
    }
}
