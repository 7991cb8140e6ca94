package io.github.elbo4j.distribution.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * Inverts a continuous cdf where no closed-form quantile exists (Gamma, Beta, Student's t): the
 * root of an increasing residual {@code r(t)} by Newton's method safeguarded by bisection
 * (Press et al., Numerical Recipes 3rd ed., sec. 9.4, {@code rtsafe}), on an unbounded variable
 * {@code t} ({@code log x} for a positive variable, {@code logit x} for one in (0, 1)). Each
 * iterate tightens a bracket {@code lo < root < hi} by the sign of the residual; a Newton step
 * that leaves the bracket is replaced by its midpoint, or by a doubling step while one side is
 * still open. The search stops when a step is below {@code tolerance} (then applied), so with
 * quadratic convergence the returned {@code t} is within about {@code tolerance²} of the root of
 * the computed residual; what remains is the residual's own rounding divided by its slope.
 */
public final class QuantileSearch {

    private static final int MAX_ITERATIONS = 400;

    private QuantileSearch() {
    }

    /**
     * The root of {@code residual} (increasing in {@code t}) with derivative {@code slope},
     * starting from {@code t0}. Steps are accepted as converged when
     * {@code |Δt| <= tolerance · max(scale, |t|)}.
     */
    public static double solve(DoubleUnaryOperator residual, DoubleUnaryOperator slope, double t0,
                        double tolerance, double scale) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double t = t0;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double r = residual.applyAsDouble(t);
            if (r == 0) {
                return t;
            }
            if (r < 0) {
                lo = t;
            } else {
                hi = t;
            }
            double next = t - r / slope.applyAsDouble(t);
            if (!(next > lo && next < hi)) {
                double width = Math.max(1.0, Math.abs(t));
                if (hi == Double.POSITIVE_INFINITY) {
                    next = t + width;
                } else if (lo == Double.NEGATIVE_INFINITY) {
                    next = t - width;
                } else {
                    next = 0.5 * (lo + hi);
                }
            }
            if (Math.abs(next - t) <= tolerance * Math.max(scale, Math.abs(t)) || next == lo || next == hi) {
                return next;
            }
            t = next;
        }
        return t;
    }
}
