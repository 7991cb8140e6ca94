package io.github.elbo4j.math;

/**
 * The modified Bessel functions {@code I_0} and {@code I_1} of a positive argument, in the two
 * forms the von Mises distribution needs: {@code log I_0(κ)} and the ratio
 * {@code A(κ) = I_1(κ) / I_0(κ)}, evaluated without overflow for any {@code κ >= 0}.
 *
 * <ul>
 * <li>{@code κ < 20}: the ascending series (DLMF 10.25.2)
 * {@code I_0(κ) = Σ_k q^k / (k!)²}, {@code I_1(κ) = (κ/2) Σ_k q^k / (k! (k+1)!)},
 * {@code q = κ²/4}; all terms are positive, and {@code log I_0 = log1p(Σ_{k≥1} …)} keeps the
 * relative accuracy of {@code log I_0 ≈ κ²/4} for small {@code κ}.</li>
 * <li>{@code κ >= 20}: Hankel's asymptotic expansion (DLMF 10.40.1)
 * {@code I_ν(κ) ~ e^κ / √(2πκ) · Σ_k c_k}, {@code c_0 = 1},
 * {@code c_k = c_{k-1} ((2k-1)² - 4ν²) / (8kκ)}, summed until the terms stop decreasing. Its
 * error is of the order of the smallest term, about {@code e^{-2κ} < 5e-18} at {@code κ = 20},
 * and the neglected exponentially small part of {@code I_ν} is {@code O(e^{-2κ})} relative too.</li>
 * </ul>
 * Against mpmath at 40 digits over {@code κ ∈ [1e-8, 1e5]} (both sides of the switch at 20) the
 * relative error of {@code log I_0} and of {@code A} is below 1.1e-15 (see {@code BesselITest}).
 * The argument is the von Mises concentration {@code κ >= 0}; a negative or NaN argument gives NaN. The differentiable
 * forms (gradients {@code A(κ)} and {@code 1 - A/κ - A²}) are in the distribution layer, which owns
 * the autodiff types.
 */
public final class BesselI {

    private static final double SERIES_LIMIT = 20.0;
    private static final double HALF_LOG_TWO_PI = 0.9189385332046727;

    private BesselI() {
    }

    /** {@code log I_0(κ)} for {@code κ >= 0}. */
    public static double logI0(double kappa) {
        if (!(kappa >= 0)) {
            return Double.NaN;
        }
        if (kappa < SERIES_LIMIT) {
            double q = 0.25 * kappa * kappa;
            double term = 1.0;
            double tail = 0.0;
            for (int k = 1; k < 200; k++) {
                term *= q / ((double) k * k);
                tail += term;
                if (term <= 1e-17 * (1.0 + tail)) {
                    break;
                }
            }
            return Math.log1p(tail);
        }
        return kappa - 0.5 * Math.log(kappa) - HALF_LOG_TWO_PI + Math.log(hankel(0, kappa));
    }

    /** {@code A(κ) = I_1(κ) / I_0(κ)} for {@code κ >= 0}: {@code ≈ κ/2} near 0, {@code → 1} as {@code κ → ∞}. */
    public static double ratio(double kappa) {
        if (!(kappa >= 0)) {
            return Double.NaN;
        }
        if (kappa < SERIES_LIMIT) {
            double q = 0.25 * kappa * kappa;
            double t0 = 1.0;
            double t1 = 1.0;
            double s0 = 1.0;
            double s1 = 1.0;
            for (int k = 1; k < 200; k++) {
                t0 *= q / ((double) k * k);
                t1 *= q / ((double) k * (k + 1));
                s0 += t0;
                s1 += t1;
                if (t0 <= 1e-17 * s0 && t1 <= 1e-17 * s1) {
                    break;
                }
            }
            return 0.5 * kappa * s1 / s0;
        }
        return hankel(1, kappa) / hankel(0, kappa);
    }

    /** {@code Σ_k c_k} of Hankel's expansion for {@code I_ν}, {@code ν ∈ {0, 1}}. */
    private static double hankel(int nu, double kappa) {
        double fourNuSquared = 4.0 * nu * nu;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 200; k++) {
            double odd = 2.0 * k - 1.0;
            double next = term * (odd * odd - fourNuSquared) / (8.0 * k * kappa);
            if (Math.abs(next) >= Math.abs(term)) {
                break;
            }
            term = next;
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }
}
