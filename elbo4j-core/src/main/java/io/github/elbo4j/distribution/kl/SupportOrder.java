package io.github.elbo4j.distribution.kl;

import io.github.elbo4j.transform.Constraint;

/**
 * Containment between supports, as far as it can be decided from the constraint types: used to
 * say that {@code KL(p ‖ q) = +∞} when {@code p} puts mass outside the support of {@code q}.
 */
final class SupportOrder {

    private SupportOrder() {
    }

    /** True only when {@code inner ⊄ outer} is certain (continuous sets on the real line). */
    static boolean definitelyNotContained(Constraint inner, Constraint outer) {
        double[] a = interval(inner);
        double[] b = interval(outer);
        if (a == null || b == null) {
            return false;
        }
        return a[0] < b[0] || a[1] > b[1];
    }

    /**
     * The closure {@code [lo, hi]} of a continuous univariate support (the hull of the batch's
     * intervals for bounds that are {@code Var}s), or null when not one.
     */
    private static double[] interval(Constraint c) {
        if (c instanceof Constraint.Real) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        if (c instanceof Constraint.Positive || c instanceof Constraint.NonNegative) {
            return new double[] {0.0, Double.POSITIVE_INFINITY};
        }
        if (c instanceof Constraint.GreaterThan g) {
            return new double[] {g.lower(), Double.POSITIVE_INFINITY};
        }
        if (c instanceof Constraint.Interval i) {
            return new double[] {i.lower(), i.upper()};
        }
        if (c instanceof Constraint.VarGreaterThan g) {
            return new double[] {g.lower().value().min().item(), Double.POSITIVE_INFINITY};
        }
        if (c instanceof Constraint.VarInterval i) {
            return new double[] {i.lower().value().min().item(), i.upper().value().max().item()};
        }
        return null;
    }
}
