package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.function.DoubleBinaryOperator;

/**
 * Element-wise maps of two or three tensors broadcast against each other (NumPy rules), for the
 * cdfs and quantiles that call a scalar special function of a value and the parameters
 * ({@code P(α, βx)}, {@code I_x(a, b)}); {@link Tensor#map} covers one argument only.
 */
public final class BroadcastMap {

    /** A scalar function of three arguments. */
    @FunctionalInterface
    public interface Ternary {
        double apply(double x, double a, double b);
    }

    private BroadcastMap() {
    }

    /** {@code f(x_i, a_i)} over the broadcast shape of {@code x} and {@code a}. */
    public static Tensor of(Tensor x, Tensor a, DoubleBinaryOperator f) {
        int[] shape = Broadcasting.shape(x.shape(), a.shape());
        double[] xv = x.broadcastTo(shape).toArray();
        double[] av = a.broadcastTo(shape).toArray();
        double[] out = new double[xv.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(xv[i], av[i]);
        }
        return Tensor.of(out, shape);
    }

    /** {@code f(x_i, a_i, b_i)} over the broadcast shape of {@code x}, {@code a} and {@code b}. */
    public static Tensor of(Tensor x, Tensor a, Tensor b, Ternary f) {
        int[] shape = Broadcasting.shape(x.shape(), a.shape(), b.shape());
        double[] xv = x.broadcastTo(shape).toArray();
        double[] av = a.broadcastTo(shape).toArray();
        double[] bv = b.broadcastTo(shape).toArray();
        double[] out = new double[xv.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(xv[i], av[i], bv[i]);
        }
        return Tensor.of(out, shape);
    }
}
