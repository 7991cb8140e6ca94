package io.github.elbo4j.distribution;

import io.github.elbo4j.math.SpecialFunctions;

/**
 * The derivative of the regularized lower incomplete gamma function
 * {@code P(a, x) = γ(a, x)/Γ(a)} (the cdf of {@code Gamma(a, 1)}) with respect to its shape
 * {@code a}, and the implicit reparameterization gradient of a standard gamma draw built on it
 * (Figurnov, Mohamed &amp; Mnih, "Implicit Reparameterization Gradients", NeurIPS 2018, eq. 6):
 * holding the uniform {@code u = P(a, z)} fixed, {@code dz/da = -(∂P/∂a)(a, z) / p(z; a)}.
 *
 * <p>Derived here by forward-mode differentiation of the two classical expansions of {@code P}
 * (both in Numerical Recipes, 3rd ed., §6.2, and DLMF 8.7.1 / 8.9.2); each is used where it
 * converges fast and has no cancellation:
 * <ul>
 *   <li>{@code x < a + 1}: the series {@code P = x^a e^{-x}/Γ(a+1) · S},
 *       {@code S = Σ_{n≥0} c_n}, {@code c_0 = 1}, {@code c_n = c_{n-1} x/(a+n)}. Then
 *       {@code ∂c_n/∂a = x/(a+n) (∂c_{n-1}/∂a - c_{n-1}/(a+n))} and
 *       {@code ∂P/∂a = P [log x - ψ(a+1) + S'/S]}. With the density
 *       {@code p = x^{a-1} e^{-x}/Γ(a)}, {@code P/(x p) = S/a}, so
 *       {@code d log z/da = -[S (log z - ψ(a+1)) + S'] / a}: no exponentials, hence no underflow
 *       for tiny draws.</li>
 *   <li>{@code x ≥ a + 1}: Legendre's continued fraction for the upper function,
 *       {@code Q = 1 - P = x^a e^{-x}/Γ(a) · 1/f},
 *       {@code f = b_0 + a_1/(b_1 + a_2/(b_2 + …))}, {@code b_n = x + 2n + 1 - a},
 *       {@code a_n = n (a - n)}, evaluated by the three-term recurrences
 *       {@code A_n = b_n A_{n-1} + a_n A_{n-2}} (likewise {@code B_n}) carried together with
 *       their {@code a}-derivatives ({@code ∂b_n/∂a = -1}, {@code ∂a_n/∂a = n}), rescaled every
 *       step. Then {@code ∂P/∂a = -∂Q/∂a = -Q [log x - ψ(a) - f'/f]}, {@code Q/(x p) = 1/f}, and
 *       {@code d log z/da = (log z - ψ(a) - f'/f) / f}, a sum of positive terms there
 *       ({@code log z ≥ log(a+1) > ψ(a)}, {@code f'/f < 0}).</li>
 * </ul>
 * The series stops when the next term changes the sum and its derivative by less than
 * {@value #SERIES_EPSILON} relative; the fraction when one more step changes {@code f} and
 * {@code f'} by less than {@value #FRACTION_EPSILON} relative (a few ulps: the recomputed
 * approximants jitter by rounding once converged).
 */
final class GammaShapeDerivative {

    static final double SERIES_EPSILON = 1e-16;
    static final double FRACTION_EPSILON = 1e-15;
    private static final int MAX_TERMS = 10_000_000;

    private GammaShapeDerivative() {
    }

    /** {@code ∂P(a, x)/∂a} for {@code a > 0}, {@code x >= 0} (0 at {@code x = 0} and {@code x = ∞}). */
    static double cdfDerivative(double a, double x) {
        if (x == 0 || x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        double logX = Math.log(x);
        if (x < a + 1) {
            double[] s = series(a, x);
            double p = Math.exp(a * logX - x - SpecialFunctions.lgamma(a + 1)) * s[0];
            return p * (logX - SpecialFunctions.digamma(a + 1) + s[1] / s[0]);
        }
        double[] f = continuedFraction(a, x);
        double q = Math.exp(a * logX - x - SpecialFunctions.lgamma(a)) / f[0];
        return -q * (logX - SpecialFunctions.digamma(a) - f[1] / f[0]);
    }

    /**
     * {@code d log z/da} at fixed {@code P(a, z)} for a draw {@code z ~ Gamma(a, 1)} given as
     * {@code log z} (so that draws below the smallest double keep their gradient).
     */
    static double logDrawDerivative(double logZ, double a) {
        double z = Math.exp(logZ);
        if (z < a + 1) {
            double[] s = series(a, z);
            return -(s[0] * (logZ - SpecialFunctions.digamma(a + 1)) + s[1]) / a;
        }
        double[] f = continuedFraction(a, z);
        return (logZ - SpecialFunctions.digamma(a) - f[1] / f[0]) / f[0];
    }

    /** {@code {S, ∂S/∂a}} of the series (converges for all {@code x}; used for {@code x < a + 1}). */
    private static double[] series(double a, double x) {
        double c = 1;
        double dc = 0;
        double s = 1;
        double ds = 0;
        for (int n = 1; n < MAX_TERMS; n++) {
            double r = x / (a + n);
            dc = r * (dc - c / (a + n));
            c *= r;
            s += c;
            ds += dc;
            if (c <= SERIES_EPSILON * s && Math.abs(dc) <= SERIES_EPSILON * Math.abs(ds)) {
                return new double[] {s, ds};
            }
        }
        throw new IllegalStateException("incomplete gamma series did not converge for a = " + a + ", x = " + x);
    }

    /** {@code {f, ∂f/∂a}} of Legendre's continued fraction (used for {@code x >= a + 1}). */
    private static double[] continuedFraction(double a, double x) {
        double aPrev = 1;
        double daPrev = 0;
        double bPrev = 0;
        double dbPrev = 0;
        double aCur = x + 1 - a;
        double daCur = -1;
        double bCur = 1;
        double dbCur = 0;
        double f = aCur;
        double df = daCur;
        for (int n = 1; n < MAX_TERMS; n++) {
            double bn = x + 2 * n + 1 - a;
            double an = n * (a - n);
            double aNext = bn * aCur + an * aPrev;
            double daNext = -aCur + bn * daCur + n * aPrev + an * daPrev;
            double bNext = bn * bCur + an * bPrev;
            double dbNext = -bCur + bn * dbCur + n * bPrev + an * dbPrev;
            double scale = 1 / bNext;
            aPrev = aCur * scale;
            daPrev = daCur * scale;
            bPrev = bCur * scale;
            dbPrev = dbCur * scale;
            aCur = aNext * scale;
            daCur = daNext * scale;
            bCur = 1;
            dbCur = dbNext * scale;
            double fNext = aCur;
            double dfNext = daCur - aCur * dbCur;
            boolean done = Math.abs(fNext - f) <= FRACTION_EPSILON * Math.abs(fNext)
                    && Math.abs(dfNext - df) <= FRACTION_EPSILON * (Math.abs(dfNext) + 1);
            f = fNext;
            df = dfNext;
            if (done) {
                return new double[] {f, df};
            }
        }
        throw new IllegalStateException("incomplete gamma continued fraction did not converge for a = " + a + ", x = " + x);
    }
}
