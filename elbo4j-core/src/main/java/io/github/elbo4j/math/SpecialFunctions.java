package io.github.elbo4j.math;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErf;
import org.apache.commons.numbers.gamma.InverseErfc;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * Special functions of one or two real arguments, delegated to Apache Commons Numbers (Gamma
 * module, itself ported from Boost.Math) so that elbo4j inherits its tested accuracy; digamma and
 * trigamma add the reflection formulas for negative arguments and fix two edge cases, as their
 * javadoc says. Each method states its definition; see DLMF (https://dlmf.nist.gov) chapters 5
 * (gamma), 7 (error functions) and 8 (incomplete gamma and beta). The accuracy of each against
 * mpmath is measured by {@code SpecialFunctionsTest}.
 */
public final class SpecialFunctions {

    /**
     * At or below this, digamma and trigamma go through their recurrences: Commons Numbers 1.2 keeps
     * only the leading terms there ({@code -γ - 1/x} and {@code 1/x²}), 1.6e-10 relative error at 1e-5.
     */
    private static final double SMALL_ARGUMENT = 1e-4;

    private SpecialFunctions() {
    }

    /**
     * {@code log |Γ(x)|} (DLMF 5.2.1), via Commons Numbers' {@code LogGamma}. For {@code x > 0} this
     * is {@code log Γ(x)}; for a negative non-integer it is the log of the absolute value, as C's
     * {@code lgamma} and scipy's {@code gammaln}. The poles {@code x = 0, -1, -2, ...} and NaN give
     * NaN; {@code +∞} gives {@code +∞}.
     */
    public static double lgamma(double x) {
        return LogGamma.value(x);
    }

    /**
     * Digamma {@code ψ(x) = d/dx log Γ(x)} (DLMF 5.2.2). For {@code x > 1e-4} it delegates to Commons
     * Numbers' {@code Digamma}; for {@code 0 < x <= 1e-4} it uses the recurrence {@code ψ(x) = ψ(1 +
     * x) - 1/x} (DLMF 5.5.2), as Commons keeps only {@code -γ - 1/x} there (1.6e-10 relative error at
     * 1e-5). For {@code x < 0} it uses the reflection {@code ψ(x) = ψ(1 - x) -
     * π cot(π x)} (DLMF 5.5.4) with the exact reduction {@code cot(π x) = cot(π (x - rint(x)))}, which
     * keeps full relative accuracy next to the poles and costs O(1) for any {@code |x|} (Commons
     * Numbers 1.2 loses up to 1e-6 relative next to the poles). {@code ψ(±0) = ∓∞}; the poles
     * {@code x = -1, -2, ...} give NaN (the two one-sided limits differ), as do {@code -∞} and NaN;
     * {@code ψ(+∞) = +∞}.
     * Near the two roots of ψ the error is about 1e-15 absolute, so the relative error is unbounded.
     */
    public static double digamma(double x) {
        if (x < 0) {
            double nearestInteger = Math.rint(x);
            if (x == nearestInteger) {
                return Double.NaN;
            }
            return Digamma.value(1 - x) - Math.PI / Math.tan(Math.PI * (x - nearestInteger));
        }
        if (x > 0 && x <= SMALL_ARGUMENT) {
            return Digamma.value(1 + x) - 1 / x;
        }
        return Digamma.value(x);
    }

    /**
     * Trigamma {@code ψ'(x) = d²/dx² log Γ(x) = Σ_{k>=0} 1/(x + k)²} (DLMF 5.15.1), via Commons
     * Numbers' {@code Trigamma} for {@code x > 0}, with three corrections to it: for {@code 0 < x <=
     * 1e-4} the recurrence {@code ψ'(x) = ψ'(1 + x) + 1/x²} (DLMF 5.15.5; Commons returns
     * {@code 1/x²} alone there, 1.6e-10 relative error at 1e-5); for {@code x < 0} the reflection
     * {@code ψ'(x) = π² / sin²(π x) - ψ'(1 - x)} (DLMF 5.15.6) with exact reduction of {@code π x}
     * (Commons recurs one step per unit of {@code |x|}: 13 s at {@code x = -1e10}); and
     * {@code ψ'(+∞) = 0} (Commons returns {@code +∞}). The poles {@code x = 0, -1, -2, ...} give
     * {@code +∞}, the limit from both sides; {@code -∞} and NaN give NaN.
     */
    public static double trigamma(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (x < 0) {
            double nearestInteger = Math.rint(x);
            if (x == nearestInteger) {
                return x == Double.NEGATIVE_INFINITY ? Double.NaN : Double.POSITIVE_INFINITY;
            }
            double s = Math.sin(Math.PI * (x - nearestInteger));
            return Math.PI * Math.PI / (s * s) - Trigamma.value(1 - x);
        }
        if (x > 0 && x <= SMALL_ARGUMENT) {
            return 1 / (x * x) + Trigamma.value(1 + x);
        }
        return Trigamma.value(x);
    }

    /** {@code erf(x) = 2/√π ∫_0^x e^{-t²} dt} (DLMF 7.2.1). */
    public static double erf(double x) {
        return Erf.value(x);
    }

    /** {@code erfc(x) = 1 - erf(x)}, accurate for large x (DLMF 7.2.2). */
    public static double erfc(double x) {
        return Erfc.value(x);
    }

    /**
     * Inverse error function (DLMF 7.17.1): the {@code x} with {@code erf(x) = p}, for {@code -1 <= p
     * <= 1}; {@code ±1} give {@code ±∞}, other {@code p} outside the range give NaN. Commons Numbers'
     * port of Boost.Math's {@code erf_inv} (rational approximations in {@code sqrt(-log(1 - |p|))}).
     */
    public static double erfinv(double p) {
        return InverseErf.value(p);
    }

    /**
     * Inverse complementary error function (DLMF 7.17.1): the {@code x} with {@code erfc(x) = q}, for
     * {@code 0 <= q <= 2}, accurate for tiny {@code q} where {@code erfinv(1 - q)} is not; {@code 0}
     * gives {@code +∞}, {@code 2} gives {@code -∞}, other {@code q} outside the range NaN. Commons
     * Numbers' port of Boost.Math's {@code erfc_inv}.
     */
    public static double erfcinv(double q) {
        return InverseErfc.value(q);
    }

    /** {@code log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b)} for {@code a, b > 0} (DLMF 5.12.1). */
    public static double logBeta(double a, double b) {
        return LogBeta.value(a, b);
    }

    /** Regularized lower incomplete gamma {@code P(a, x) = γ(a, x) / Γ(a)} (DLMF 8.2.4). */
    public static double regularizedGammaP(double a, double x) {
        return RegularizedGamma.P.value(a, x);
    }

    /** Regularized upper incomplete gamma {@code Q(a, x) = 1 - P(a, x)} (DLMF 8.2.4). */
    public static double regularizedGammaQ(double a, double x) {
        return RegularizedGamma.Q.value(a, x);
    }

    /**
     * Regularized incomplete beta {@code I_x(a, b) = B(x; a, b) / B(a, b)} (DLMF 8.17.2) for {@code 0
     * <= x <= 1}, {@code a, b >= 0} not both 0. As Boost.Math, a zero shape is the limit of a point
     * mass: {@code I_x(0, b) = 1} and {@code I_x(a, 0) = 0} for {@code 0 < x < 1}. Anything else
     * outside the domain gives NaN.
     */
    public static double regularizedBeta(double x, double a, double b) {
        return RegularizedBeta.value(x, a, b);
    }
}
