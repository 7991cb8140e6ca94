package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * Sets {@code log p} to {@code -∞} where the value lies outside the support, so a density
 * formula evaluated out of its domain never leaks a NaN or a finite value. The gradient there is
 * zero (the branch taken is a constant).
 */
final class SupportMask {

    private static final Var MINUS_INFINITY = Var.constant(Double.NEGATIVE_INFINITY);

    private SupportMask() {
    }

    static Var apply(Var logProb, Constraint support, Var value) {
        Tensor inside = support.check(value.value());
        if (inside.min().item() == 1.0) {
            return logProb;
        }
        return Var.where(inside, logProb, MINUS_INFINITY.broadcastTo(logProb.shape()));
    }
}
