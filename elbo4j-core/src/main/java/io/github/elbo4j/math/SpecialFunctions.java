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
 * module, itself ported from Boost.Math) so that elbo4j inherits its tested accuracy. Each method
 * states its definition; see DLMF (https://dlmf.nist.gov) chapters 5 (gamma), 7 (error
 * functions) and 8 (incomplete gamma and beta).
 */
public final class SpecialFunctions {

    private SpecialFunctions() {
    }

    /** {@code log Γ(x)} for {@code x > 0} (DLMF 5.2.1); NaN for {@code x <= 0} or NaN. */
    public static double lgamma(double x) {
        return LogGamma.value(x);
    }

    /** Digamma {@code ψ(x) = d/dx log Γ(x)} (DLMF 5.2.2). */
    public static double digamma(double x) {
        return Digamma.value(x);
    }

    /** Trigamma {@code ψ'(x) = d²/dx² log Γ(x)} (DLMF 5.15.1). */
    public static double trigamma(double x) {
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

    /** Inverse error function: {@code erf(erfinv(p)) = p} for {@code -1 <= p <= 1}. */
    public static double erfinv(double p) {
        return InverseErf.value(p);
    }

    /** Inverse complementary error function: {@code erfc(erfcinv(q)) = q} for {@code 0 <= q <= 2}. */
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

    /** Regularized incomplete beta {@code I_x(a, b) = B(x; a, b) / B(a, b)} (DLMF 8.17.2). */
    public static double regularizedBeta(double x, double a, double b) {
        return RegularizedBeta.value(x, a, b);
    }
}
