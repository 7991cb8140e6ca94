package io.github.elbo4j.distribution.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * The quantile function of a distribution on the integers,
 * {@code F⁻¹(u) = min { k : F(k) >= u }} (the generalized inverse; scipy's {@code ppf}), found
 * from the cdf {@code F} by a doubling search from a starting guess and then bisection on the
 * integers, so it costs {@code O(log |F⁻¹(u) - guess|)} cdf evaluations.
 */
public final class DiscreteQuantile {

    private DiscreteQuantile() {
    }

    /**
     * {@code F⁻¹(u)} over the support {@code lower..upper} ({@code upper} may be {@code +∞}):
     * {@code lower} for {@code u = 0}, {@code upper} for {@code u = 1}, NaN outside {@code [0, 1]}.
     */
    public static double of(DoubleUnaryOperator cdf, double u, double guess, double lower, double upper) {
        if (!(u >= 0 && u <= 1)) {
            return Double.NaN;
        }
        if (u == 0) {
            return lower;
        }
        if (u == 1) {
            return upper;
        }
        double hi = Math.min(Math.max(Math.floor(guess), lower), upper);
        double lo;
        if (cdf.applyAsDouble(hi) >= u) {
            // walk down until F(lo) < u, or lo falls below the support (where F = 0 < u)
            double step = 1;
            lo = hi - step;
            while (lo >= lower && cdf.applyAsDouble(lo) >= u) {
                hi = lo;
                step *= 2;
                lo = Math.max(hi - step, lower - 1);
            }
        } else {
            double step = 1;
            lo = hi;
            hi = Math.min(lo + step, upper);
            while (hi < upper && cdf.applyAsDouble(hi) < u) {
                lo = hi;
                step *= 2;
                hi = Math.min(lo + step, upper);
            }
        }
        // invariant: F(lo) < u <= F(hi); above 2^53 adjacent doubles are more than 1 apart, so stop
        // when the midpoint cannot separate them
        while (hi - lo > 1) {
            double mid = Math.floor(lo + (hi - lo) / 2);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (cdf.applyAsDouble(mid) >= u) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
