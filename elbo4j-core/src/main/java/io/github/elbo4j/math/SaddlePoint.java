package io.github.elbo4j.math;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * Binomial and Poisson log-probabilities by the saddle-point expansion of Loader (2000), "Fast and
 * accurate computation of binomial probabilities" (the method behind R's {@code dbinom} and
 * {@code dpois}). The naive {@code k log λ - λ - log Γ(k + 1)} subtracts numbers of size
 * {@code k log k} to get one of size {@code log k}, losing {@code log10(k)} digits for large
 * counts; the saddle-point form adds only small terms:
 * <pre>
 *   log Poisson(k; λ)    = -stirlerr(k) - bd0(k, λ) - ½ log(2πk)                         (k ≥ 1)
 *   log Binomial(k; n, p) = stirlerr(n) - stirlerr(k) - stirlerr(n-k)
 *                          - bd0(k, np) - bd0(n-k, nq) + ½ log(n / (2π k (n-k)))       (0 &lt; k &lt; n)
 * </pre>
 * with the Stirling remainder {@code stirlerr(x) = log Γ(x+1) - ½ log(2πx) - x log x + x} and the
 * deviance term {@code bd0(x, m) = x log(x/m) + m - x}.
 */
public final class SaddlePoint {

    private static final double HALF_LOG_TWO_PI = 0.9189385332046727;
    private static final double LOG_TWO_PI = 1.8378770664093453;

    private SaddlePoint() {
    }

    /**
     * {@code stirlerr(x)}: for {@code x > 15} the Stirling series
     * {@code 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷) + 1/(1188x⁹)} (DLMF 5.11.1; the next term,
     * {@code 691/(360360 x¹¹)}, is below {@code 2e-16} there), else the definition (its terms are
     * then below 40, so the absolute error stays near {@code 1e-14}).
     */
    public static double stirlerr(double x) {
        if (x > 15) {
            double r = 1.0 / x;
            double r2 = r * r;
            return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
        }
        return SpecialFunctions.lgamma(x + 1) - (x + 0.5) * Math.log(x) + x - HALF_LOG_TWO_PI;
    }

    /**
     * {@code bd0(x, m) = x log(x/m) + m - x >= 0}. Near {@code x = m} it is evaluated from
     * {@code v = (x - m)/(x + m)} as {@code (x - m) v + 2x (v³/3 + v⁵/5 + ...)}, which follows
     * from {@code log(x/m) = log((1 + v)/(1 - v)) = 2 artanh v} and avoids the cancellation.
     */
    public static double bd0(double x, double m) {
        double d = x - m;
        if (Math.abs(d) < 0.1 * (x + m)) {
            double v = d / (x + m);
            double v2 = v * v;
            double sum = d * v;
            double term = 2 * x * v;
            for (int j = 1; j < 1000; j++) {
                term *= v2;
                double next = sum + term / (2 * j + 1);
                if (next == sum) {
                    return sum;
                }
                sum = next;
            }
            return sum;
        }
        return x * Math.log(x / m) + m - x;
    }

    /** {@code log P(K = k)} for {@code K ~ Poisson(rate)}, {@code k} a non-negative integer. */
    public static double poisson(double k, double rate) {
        if (k == 0) {
            return -rate;
        }
        return -stirlerr(k) - bd0(k, rate) - 0.5 * (LOG_TWO_PI + Math.log(k));
    }

    /**
     * {@code log P(K = k)} for {@code K ~ Binomial(n, p)}, {@code 0 <= k <= n} integers, given
     * {@code p}, {@code q = 1 - p} and their logarithms (each accurate in its own tail).
     */
    public static double binomial(double k, double n, double p, double q, double logP, double logQ) {
        if (k == 0) {
            return n == 0 ? 0.0 : n * logQ;
        }
        if (k == n) {
            return n * logP;
        }
        double m = n - k;
        return stirlerr(n) - stirlerr(k) - stirlerr(m) - bd0(k, n * p) - bd0(m, n * q)
                + 0.5 * (Math.log(n / (k * m)) - LOG_TWO_PI);
    }
}
