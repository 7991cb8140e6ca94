package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * The product {@code x · log y} with the convention {@code 0 · log 0 = 0} (Cover &amp; Thomas,
 * Elements of Information Theory, 2nd ed., sec. 2.1), as {@code scipy.special.xlogy}: a count of
 * zero contributes nothing even where its probability is zero, instead of {@code 0 · (-∞) = NaN}.
 */
public final class XLogY {

    private static final Var ZERO = Var.constant(0.0);

    private XLogY() {
    }

    /** {@code x · logY} where {@code x != 0}, else 0 (broadcast); differentiable in {@code logY}. */
    public static Var of(Tensor x, Var logY) {
        Var product = logY.mul(x);
        Tensor zero = x.eq(Tensor.scalar(0.0));
        if (zero.max().item() == 0.0) {
            return product;
        }
        return Var.where(zero, ZERO.broadcastTo(product.shape()), product);
    }

    /** {@code x · logY} where {@code x != 0}, else 0, with both factors differentiable (for entropies). */
    public static Var of(Var x, Var logY) {
        Var product = x.mul(logY);
        Tensor zero = x.value().eq(Tensor.scalar(0.0)).broadcastTo(product.shape());
        if (zero.max().item() == 0.0) {
            return product;
        }
        return Var.where(zero, ZERO.broadcastTo(product.shape()), product);
    }
}
