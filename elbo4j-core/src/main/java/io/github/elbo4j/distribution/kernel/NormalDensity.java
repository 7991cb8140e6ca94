package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * The normal log-density {@code log N(x; μ, σ²) = −z²/2 − log σ − log(2π)/2} with
 * {@code z = (x − μ)/σ}, fused into one forward and one backward pass (the inner loop of most
 * models): the forward pass keeps {@code z} and {@code 1/σ}; the pullbacks are
 * {@code ∂/∂x = −z/σ}, {@code ∂/∂μ = z/σ}, {@code ∂/∂σ = (z² − 1)/σ}, each reduced to its input's
 * shape in the same loop that forms it (a scalar parameter never gets an array of the batch's size).
 * Composed from tensor operations the same density takes six passes forward and as many backward,
 * each over an array of the batch's size.
 */
public final class NormalDensity {

    /** {@code log(2π)/2}, the normal log-density's constant. */
    public static final double HALF_LOG_TWO_PI = 0.9189385332046727;

    private NormalDensity() {
    }

    /**
     * The log-density with every operand broadcast to the common shape, or empty when some value
     * is NaN (the caller then takes the masked general path, which gives {@code −∞} there).
     */
    public static Optional<Var> of(Var value, Var loc, Var scale) {
        int[] shape = Broadcasting.shape(Broadcasting.shape(value.shape(), loc.shape()), scale.shape());
        int n = Broadcasting.size(shape);
        Operand x = Operand.of(value.value(), shape);
        Operand m = Operand.of(loc.value(), shape);
        Operand s = Operand.of(scale.value(), shape);
        double[] lp = new double[n];
        double[] z = new double[n];
        double[] inverse;
        if (s.scalar()) {
            double inv = 1.0 / s.data[0];
            double constant = Math.log(s.data[0]) + HALF_LOG_TWO_PI;
            for (int i = 0; i < n; i++) {
                double zi = (x.at(i) - m.at(i)) * inv;
                z[i] = zi;
                lp[i] = -0.5 * zi * zi - constant;
            }
            inverse = new double[] {inv};
        } else {
            inverse = new double[n];
            for (int i = 0; i < n; i++) {
                double si = s.at(i);
                double inv = 1.0 / si;
                double zi = (x.at(i) - m.at(i)) * inv;
                z[i] = zi;
                inverse[i] = inv;
                lp[i] = -0.5 * zi * zi - Math.log(si) - HALF_LOG_TWO_PI;
            }
        }
        for (int i = 0; i < n; i++) {
            if (z[i] != z[i]) {                   // only a NaN value can make z NaN (parameters are checked)
                return Optional.empty();
            }
        }
        int[][] shapes = {value.shape(), loc.shape(), scale.shape()};
        boolean scalarParameters = Broadcasting.size(shapes[1]) == 1 && Broadcasting.size(shapes[2]) == 1
                && loc.isTracked() && scale.isTracked();
        // per backward sweep (one adjoint g, one call per input): g expanded once, both scalar sums in one pass;
        // keyed on g itself, so a second sweep over the same graph (another cotangent) recomputes them
        Tensor[] sweep = new Tensor[1];
        double[][] adjoint = new double[1][];
        double[][] bothSums = new double[1][];
        return Optional.of(CustomFunction.apply(Tensor.of(lp, shape), (g, k) -> {
            if (sweep[0] != g) {
                sweep[0] = g;
                adjoint[0] = g.broadcastTo(shape).toArray();
                bothSums[0] = null;
            }
            if (k > 0 && scalarParameters) {
                if (bothSums[0] == null) {
                    bothSums[0] = scalarSums(adjoint[0], z, inverse);
                }
                return Tensor.of(new double[] {bothSums[0][k - 1]}, shapes[k]);
            }
            return pullback(k, adjoint[0], z, inverse, shape, shapes[k]);
        }, value, loc, scale));
    }

    /** {@code {Σ g z/σ, Σ g (z² − 1)/σ}} in one pass: the gradients of scalar μ and σ. */
    private static double[] scalarSums(double[] g, double[] z, double[] inverse) {
        int mask = inverse.length == 1 ? 0 : -1;
        double loc = 0;
        double scale = 0;
        for (int i = 0; i < z.length; i++) {
            double gi = g[i] * inverse[i & mask];
            double zi = z[i];
            loc += gi * zi;
            scale += gi * (zi * zi - 1.0);
        }
        return new double[] {loc, scale};
    }

    /**
     * {@code g ⊙ ∂lp/∂input_k} summed to the input's shape: {@code k = 0} the value
     * ({@code −z/σ}), 1 the location ({@code z/σ}), 2 the scale ({@code (z² − 1)/σ}).
     */
    private static Tensor pullback(int k, double[] g, double[] z, double[] inverse, int[] shape, int[] target) {
        int n = z.length;
        int mask = inverse.length == 1 ? 0 : -1;       // inverse[i & mask]: the scalar or element i
        double sign = k == 0 ? -1.0 : 1.0;
        if (Broadcasting.size(target) == 1) {
            double total = 0;
            if (k == 2) {
                for (int i = 0; i < n; i++) {
                    total += g[i] * (z[i] * z[i] - 1.0) * inverse[i & mask];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    total += g[i] * z[i] * inverse[i & mask];
                }
                total *= sign;
            }
            return Tensor.of(new double[] {total}, target);
        }
        double[] out = new double[n];
        if (k == 2) {
            for (int i = 0; i < n; i++) {
                out[i] = g[i] * (z[i] * z[i] - 1.0) * inverse[i & mask];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = sign * g[i] * z[i] * inverse[i & mask];
            }
        }
        return Tensor.of(out, shape).sumTo(target);
    }

    /** An operand read at positions of the broadcast shape: a scalar, a full array or an expanded copy. */
    private record Operand(double[] data, boolean scalar) {

        static Operand of(Tensor t, int[] shape) {
            if (t.size() == 1) {
                return new Operand(t.toArray(), true);
            }
            return new Operand(t.broadcastTo(shape).toArray(), false);
        }

        double at(int i) {
            return data[scalar ? 0 : i];
        }
    }
}
