package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Mlp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The affine coupling layer of RealNVP (Dinh, Sohl-Dickstein &amp; Bengio, "Density estimation using
 * Real NVP", ICLR 2017, eqs. 4-9) on vectors of length {@code D}: the first {@code d = ⌊D/2⌋}
 * coordinates pass unchanged and condition a network giving a shift {@code t} and a raw log-scale
 * {@code ŝ} for the other {@code D - d},
 * <pre>{@code y_{1:d} = x_{1:d},   y_{d+1:D} = x_{d+1:D} ⊙ exp(s) + t,   s = S tanh(ŝ / S),
 * log|det ∂y/∂x| = Σ_j s_j,   x_{d+1:D} = (y_{d+1:D} - t) ⊙ exp(-s)}</pre>
 * The soft clamp {@code s = S tanh(ŝ/S)}, {@code S = 3} (the paper bounds its scale with a tanh,
 * sec. 4.1), keeps one layer's change of scale within {@code e^{±3}} and is the identity to first
 * order near 0. The inverse is one pass of the network. Put a {@link Permutation} between layers so
 * that every coordinate is transformed.
 *
 * <p>The network is an {@link Mlp} from {@code d} to {@code 2(D - d)} inputs (columns
 * {@code 0..D-d-1} are {@code t}, the rest {@code ŝ}); for {@code D = 1} nothing conditions and
 * {@code [t, ŝ]} is a constant pair.
 */
public final class AffineCoupling implements VectorLayer {

    /** The bound {@code S} of the log-scale. */
    static final double LOG_SCALE_BOUND = 3.0;

    private final ConditionerNetwork network;
    private final int dimension;
    private final int split;

    private AffineCoupling(ConditionerNetwork network, int dimension) {
        this.network = network;
        this.dimension = dimension;
        this.split = dimension / 2;
    }

    /**
     * The layer on vectors of length {@code dimension} whose network is {@code conditioner} with its own initial weights.
     *
     * @throws IllegalArgumentException as {@link #of(Mlp, int, Map)}
     */
    public static AffineCoupling of(Mlp conditioner, int dimension) {
        Map<String, Var> p = new HashMap<>();
        checkSizes(conditioner, dimension);
        ConditionerNetwork.initialParameters(conditioner, conditioner.in()).forEach((k, v) -> p.put(k, Var.constant(v)));
        return of(conditioner, dimension, p);
    }

    /**
     * The layer on vectors of length {@code dimension} whose network is {@code conditioner} with the
     * param values {@code parameters} (by its layers' param names); gradients reach them.
     *
     * @throws IllegalArgumentException when {@code dimension < 2} or the network does not map
     *     {@code ⌊D/2⌋} inputs to {@code 2(D - ⌊D/2⌋)} outputs (the message names both)
     */
    public static AffineCoupling of(Mlp conditioner, int dimension, Map<String, Var> parameters) {
        checkSizes(conditioner, dimension);
        int d = dimension / 2;
        return new AffineCoupling(ConditionerNetwork.of(conditioner, parameters, d, 2 * (dimension - d)), dimension);
    }

    private static void checkSizes(Mlp conditioner, int dimension) {
        if (dimension < 2) {
            throw new IllegalArgumentException("AffineCoupling dimension must be >= 2 to split, got " + dimension);
        }
        int d = dimension / 2;
        if (conditioner.in() != d || conditioner.out() != 2 * (dimension - d)) {
            throw new IllegalArgumentException("AffineCoupling on vectors of length " + dimension + " needs a network from " + d
                    + " to " + 2 * (dimension - d) + " units, got " + conditioner.in() + " to " + conditioner.out());
        }
    }

    /** In one dimension: {@code y = x e^s + t}, {@code s = S tanh(ŝ/S)}, for a constant {@code [t, ŝ]}. */
    static AffineCoupling constant(Var shiftAndLogScale) {
        if (!Arrays.equals(shiftAndLogScale.shape(), new int[] {2})) {
            throw new IllegalArgumentException("AffineCoupling in one dimension needs [t, s] of shape [2], got "
                    + Arrays.toString(shiftAndLogScale.shape()));
        }
        return new AffineCoupling(ConditionerNetwork.constant(shiftAndLogScale), 1);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** {@code [x_{1:d}, x_{d+1:D} ⊙ exp(s) + t]}, {@code [t, ŝ] = net(x_{1:d})}. */
    @Override
    public Var forward(Var x) {
        requireLength(x);
        Var[] ts = shiftAndLogScale(x);
        Var moved = x.slice(-1, split, dimension).mul(ts[1].exp()).add(ts[0]);
        return split == 0 ? moved : Var.concat(-1, x.slice(-1, 0, split), moved);
    }

    /** The forward map and {@code Σ_j s_j} from one pass of the network. */
    @Override
    public NormalizingFlow.Pushed forwardAndLogAbsDet(Var x) {
        requireLength(x);
        Var[] ts = shiftAndLogScale(x);
        Var moved = x.slice(-1, split, dimension).mul(ts[1].exp()).add(ts[0]);
        return new NormalizingFlow.Pushed(split == 0 ? moved : Var.concat(-1, x.slice(-1, 0, split), moved), ts[1].sum(-1));
    }

    /** {@code [y_{1:d}, (y_{d+1:D} - t) ⊙ exp(-s)]}, {@code [t, ŝ] = net(y_{1:d})}. */
    @Override
    public Var inverse(Var y) {
        requireLength(y);
        Var[] ts = shiftAndLogScale(y);
        Var moved = y.slice(-1, split, dimension).sub(ts[0]).mul(ts[1].neg().exp());
        return split == 0 ? moved : Var.concat(-1, y.slice(-1, 0, split), moved);
    }

    /** {@code Σ_j s_j}, the shape of {@code x} without its last axis. */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        requireLength(x);
        return shiftAndLogScale(x)[1].sum(-1);
    }

    private Var[] shiftAndLogScale(Var x) {
        int c = dimension - split;
        Var out = network.apply(split == 0 ? x : x.slice(-1, 0, split));
        Var raw = out.slice(-1, c, 2 * c);
        return new Var[] {out.slice(-1, 0, c), raw.div(LOG_SCALE_BOUND).tanh().mul(LOG_SCALE_BOUND)};
    }

    private void requireLength(Var x) {
        VectorLayer.requireLength("AffineCoupling", dimension, x);
    }


    @Override
    public String toString() {
        return "AffineCoupling[D=" + dimension + ", conditioning on " + split + "]";
    }
}
