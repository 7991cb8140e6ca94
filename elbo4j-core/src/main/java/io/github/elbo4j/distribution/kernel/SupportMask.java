package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * Sets {@code log p} to {@code -∞} where the value lies outside the support, so a density
 * formula evaluated out of its domain never leaks a NaN or a finite value. The gradient there is
 * zero (the branch taken is a constant).
 */
public final class SupportMask {

    private static final Var MINUS_INFINITY = Var.constant(Double.NEGATIVE_INFINITY);

    private SupportMask() {
    }

    public static Var apply(Var logProb, Constraint support, Var value) {
        if (support.contains(value.value())) {
            return logProb;
        }
        return apply(logProb, support.check(value.value()));
    }

    /** {@code logProb} where {@code inside} is 1, {@code -∞} where it is 0 (a membership computed by the caller). */
    public static Var apply(Var logProb, Tensor inside) {
        if (allInside(inside)) {
            return logProb;
        }
        return Var.where(inside, logProb, MINUS_INFINITY.broadcastTo(logProb.shape()));
    }

    /**
     * The value where {@code inside} is 1 and the constant {@code fill} (a point of the support)
     * elsewhere: a density formula evaluated on it is finite everywhere, so the zero adjoint that
     * {@link #apply} sends to the masked elements does not meet an infinite or NaN partial
     * derivative upstream (which would turn the parameters' gradients into NaN: 0 · ∞).
     */
    public static Var interior(Var value, Tensor inside, double fill) {
        return interior(value, inside, Tensor.scalar(fill));
    }

    /** As {@link #interior(Var, Tensor, double)} with a fill per element (broadcast against the value). */
    public static Var interior(Var value, Tensor inside, Tensor fill) {
        if (allInside(inside)) {
            return value;
        }
        int[] shape = io.github.elbo4j.tensor.Broadcasting.shape(value.shape(), fill.shape(), inside.shape());
        return Var.where(inside, value.broadcastTo(shape), Var.constant(fill.broadcastTo(shape)));
    }

    private static boolean allInside(Tensor inside) {
        return inside.size() == 0 || inside.min().item() == 1.0;
    }
}
