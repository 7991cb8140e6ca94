package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Mlp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A rational-quadratic neural spline coupling layer (Durkan, Bekasov, Murray &amp; Papamakarios,
 * "Neural Spline Flows", NeurIPS 2019, sec. 3): the first {@code d = ⌊D/2⌋} coordinates pass
 * unchanged and condition a network giving, for each of the other {@code D - d}, the
 * {@code 3K - 1} unnormalized parameters of a monotone rational-quadratic spline with {@code K} bins
 * on {@code [-B, B]} (widths and heights by softmax, interior derivatives by softplus, derivative 1
 * at the ends), the identity outside:
 * <pre>{@code y_{1:d} = x_{1:d},   y_j = g_j(x_j),   log|det ∂y/∂x| = Σ_j log g_j'(x_j)}</pre>
 * with {@code g}, {@code g'} and {@code g⁻¹} (a quadratic root, the paper's appendix A, eqs. 6-8)
 * as in the package's spline. The inverse is one pass of the network. Put a {@link Permutation}
 * between layers so that every coordinate is transformed.
 *
 * <p>The network's output for transformed coordinate {@code j} is the block of columns
 * {@code j(3K-1) .. (j+1)(3K-1) - 1}: {@code K} widths, {@code K} heights, {@code K - 1}
 * derivatives. For {@code D = 1} nothing conditions and the {@code 3K - 1} values are constants.
 */
public final class SplineCoupling implements VectorLayer {

    private final ConditionerNetwork network;
    private final int dimension;
    private final int split;
    private final int bins;
    private final double bound;

    private SplineCoupling(ConditionerNetwork network, int dimension, int bins, double bound) {
        this.network = network;
        this.dimension = dimension;
        this.split = dimension / 2;
        this.bins = bins;
        this.bound = bound;
    }

    /**
     * The layer on vectors of length {@code dimension} whose network is {@code conditioner} with its own initial weights.
     *
     * @throws IllegalArgumentException as {@link #of(Mlp, int, int, double, Map)}
     */
    public static SplineCoupling of(Mlp conditioner, int dimension, int bins, double bound) {
        checkSettings(bins, bound);
        checkSizes(conditioner, dimension, bins);
        Map<String, Var> p = new HashMap<>();
        ConditionerNetwork.initialParameters(conditioner, conditioner.in()).forEach((k, v) -> p.put(k, Var.constant(v)));
        return of(conditioner, dimension, bins, bound, p);
    }

    /**
     * The layer on vectors of length {@code dimension} with {@code bins} bins on
     * {@code [-bound, bound]}, whose network is {@code conditioner} with the param values
     * {@code parameters} (by its layers' param names); gradients reach them.
     *
     * @throws IllegalArgumentException when {@code bins < 1}, {@code bound} is not finite and
     *     {@code > 0}, {@code dimension < 2}, or the network does not map {@code ⌊D/2⌋} inputs to
     *     {@code (D - ⌊D/2⌋)(3K - 1)} outputs
     */
    public static SplineCoupling of(Mlp conditioner, int dimension, int bins, double bound, Map<String, Var> parameters) {
        checkSettings(bins, bound);
        checkSizes(conditioner, dimension, bins);
        int d = dimension / 2;
        return new SplineCoupling(ConditionerNetwork.of(conditioner, parameters, d, (dimension - d) * (3 * bins - 1)), dimension, bins, bound);
    }

    /** In one dimension: the spline with the constant parameters {@code θ [3K - 1]}. */
    static SplineCoupling constant(Var theta, int bins, double bound) {
        checkSettings(bins, bound);
        if (!Arrays.equals(theta.shape(), new int[] {3 * bins - 1})) {
            throw new IllegalArgumentException("SplineCoupling in one dimension with " + bins + " bins needs parameters of shape ["
                    + (3 * bins - 1) + "], got " + Arrays.toString(theta.shape()));
        }
        return new SplineCoupling(ConditionerNetwork.constant(theta), 1, bins, bound);
    }

    /** Checks {@code bins >= 1} and {@code 0 < bound < ∞}, with messages naming the value and the rule. */
    static void checkSettings(int bins, double bound) {
        if (bins < 1) {
            throw new IllegalArgumentException("SplineCoupling bins must be >= 1, got " + bins);
        }
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("SplineCoupling bound must be finite and > 0 (the spline acts on [-bound, bound]), got " + bound);
        }
    }

    private static void checkSizes(Mlp conditioner, int dimension, int bins) {
        if (dimension < 2) {
            throw new IllegalArgumentException("SplineCoupling dimension must be >= 2 to split, got " + dimension);
        }
        int d = dimension / 2;
        int out = (dimension - d) * (3 * bins - 1);
        if (conditioner.in() != d || conditioner.out() != out) {
            throw new IllegalArgumentException("SplineCoupling on vectors of length " + dimension + " with " + bins + " bins needs a network from "
                    + d + " to " + out + " units, got " + conditioner.in() + " to " + conditioner.out());
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The number of bins {@code K}. */
    public int bins() {
        return bins;
    }

    /** The half-width {@code B} of the interval {@code [-B, B]} the splines act on. */
    public double bound() {
        return bound;
    }

    /** {@code [x_{1:d}, g(x_{d+1:D})]}, the splines' parameters from {@code net(x_{1:d})}. */
    @Override
    public Var forward(Var x) {
        requireLength(x);
        Var moved = spline(x).forward(x.slice(-1, split, dimension))[0];
        return split == 0 ? moved : Var.concat(-1, x.slice(-1, 0, split), moved);
    }

    /** The forward map and {@code Σ_j log g_j'(x_j)} from one pass of the network. */
    @Override
    public NormalizingFlow.Pushed forwardAndLogAbsDet(Var x) {
        requireLength(x);
        Var[] g = spline(x).forward(x.slice(-1, split, dimension));
        return new NormalizingFlow.Pushed(split == 0 ? g[0] : Var.concat(-1, x.slice(-1, 0, split), g[0]), g[1].sum(-1));
    }

    /** {@code [y_{1:d}, g⁻¹(y_{d+1:D})]}, the splines' parameters from {@code net(y_{1:d})}. */
    @Override
    public Var inverse(Var y) {
        requireLength(y);
        Var moved = spline(y).inverse(y.slice(-1, split, dimension));
        return split == 0 ? moved : Var.concat(-1, y.slice(-1, 0, split), moved);
    }

    /** {@code Σ_j log g_j'(x_j)} (0 for coordinates outside {@code [-B, B]}), the shape of {@code x} without its last axis. */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        requireLength(x);
        return spline(x).forward(x.slice(-1, split, dimension))[1].sum(-1);
    }

    private RationalQuadraticSpline spline(Var x) {
        int c = dimension - split;
        int[] s = x.shape();
        int[] shape = Arrays.copyOf(s, s.length + 1);
        shape[s.length - 1] = c;
        shape[s.length] = 3 * bins - 1;
        Var theta = network.apply(split == 0 ? x : x.slice(-1, 0, split)).reshape(shape);
        Var widths = theta.slice(-1, 0, bins);
        Var derivatives = bins == 1 ? widths : theta.slice(-1, 2 * bins, 3 * bins - 1);
        return RationalQuadraticSpline.of(widths, theta.slice(-1, bins, 2 * bins), derivatives, bound);
    }

    private void requireLength(Var x) {
        VectorLayer.requireLength("SplineCoupling", dimension, x);
    }


    @Override
    public String toString() {
        return "SplineCoupling[D=" + dimension + ", " + bins + " bins on [-" + bound + ", " + bound + "]]";
    }
}
