package io.github.elbo4j.optim;

/**
 * A line search for the strong Wolfe conditions (Nocedal &amp; Wright, Numerical Optimization,
 * 2nd ed., 2006, Algorithms 3.5 and 3.6): find {@code α > 0} with
 * <pre>
 * φ(α) ≤ φ(0) + c₁ α φ'(0)          (sufficient decrease)
 * |φ'(α)| ≤ c₂ |φ'(0)|               (curvature)
 * </pre>
 * for {@code φ(α) = f(x + α d)}, bracketing by doubling and then zooming with safeguarded cubic
 * interpolation (eq. 3.59). A non-finite {@code φ(α)} counts as too long a step. Not thread-safe;
 * one search per minimizer.
 */
final class WolfeLineSearch {

    private static final int MAX_EVALUATIONS = 40;
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    private final DifferentiableFunction f;
    private final int n;
    private final double[] trial;
    private final double[] trialGradient;
    private int evaluations;

    /** The accepted point: step, value, and (in the caller's arrays) position and gradient. */
    record Step(double alpha, double value) {
    }

    WolfeLineSearch(DifferentiableFunction f, int n) {
        this.f = f;
        this.n = n;
        this.trial = new double[n];
        this.trialGradient = new double[n];
    }

    /** Function evaluations made so far. */
    int evaluations() {
        return evaluations;
    }

    /**
     * Searches along {@code d} from {@code x} (value {@code f0}, slope {@code slope0 = ∇f(x)ᵀd < 0}),
     * starting at {@code alpha0}. On success writes the new point into {@code xOut} and its gradient
     * into {@code gradientOut} and returns the step; returns {@code null} when no step met the
     * conditions within the evaluation budget (the arrays are then untouched).
     */
    Step search(double[] x, double f0, double slope0, double[] d, double alpha0, double[] xOut, double[] gradientOut) {
        double alphaPrev = 0;
        double phiPrev = f0;
        double slopePrev = slope0;
        double alpha = alpha0;
        for (int i = 0; i < MAX_EVALUATIONS; i++) {
            double phi = evaluate(x, d, alpha);
            double slope = slopeAt(d);
            if (!Double.isFinite(phi) || !Double.isFinite(slope)) {
                return zoom(x, f0, slope0, d, alphaPrev, phiPrev, slopePrev, alpha, Double.POSITIVE_INFINITY, Double.NaN,
                        xOut, gradientOut);
            }
            if (phi > f0 + C1 * alpha * slope0 || (i > 0 && phi >= phiPrev)) {
                return zoom(x, f0, slope0, d, alphaPrev, phiPrev, slopePrev, alpha, phi, slope, xOut, gradientOut);
            }
            if (Math.abs(slope) <= -C2 * slope0) {
                return accept(alpha, phi, xOut, gradientOut);
            }
            if (slope >= 0) {
                return zoom(x, f0, slope0, d, alpha, phi, slope, alphaPrev, phiPrev, slopePrev, xOut, gradientOut);
            }
            alphaPrev = alpha;
            phiPrev = phi;
            slopePrev = slope;
            alpha *= 2;
        }
        // every trial decreased f enough but kept descending steeply: take the longest one
        return alphaPrev > 0 ? reevaluate(x, d, alphaPrev, xOut, gradientOut) : null;
    }

    /** Algorithm 3.6: {@code lo} satisfies sufficient decrease and has the lower value; the bracket shrinks. */
    private Step zoom(double[] x, double f0, double slope0, double[] d, double lo, double phiLo, double slopeLo,
                      double hi, double phiHi, double slopeHi, double[] xOut, double[] gradientOut) {
        for (int i = 0; i < MAX_EVALUATIONS; i++) {
            if (Math.abs(hi - lo) <= 1e-16 * Math.max(1.0, Math.abs(hi))) {
                break;
            }
            double alpha = interpolate(lo, phiLo, slopeLo, hi, phiHi, slopeHi);
            double phi = evaluate(x, d, alpha);
            double slope = slopeAt(d);
            if (!Double.isFinite(phi) || !Double.isFinite(slope) || phi > f0 + C1 * alpha * slope0 || phi >= phiLo) {
                hi = alpha;
                phiHi = Double.isFinite(phi) ? phi : Double.POSITIVE_INFINITY;
                slopeHi = Double.isFinite(phi) ? slope : Double.NaN;
            } else {
                if (Math.abs(slope) <= -C2 * slope0) {
                    return accept(alpha, phi, xOut, gradientOut);
                }
                if (slope * (hi - lo) >= 0) {
                    hi = lo;
                    phiHi = phiLo;
                    slopeHi = slopeLo;
                }
                lo = alpha;
                phiLo = phi;
                slopeLo = slope;
            }
        }
        // out of budget or bracket: a point with sufficient decrease is still progress
        return lo > 0 ? reevaluate(x, d, lo, xOut, gradientOut) : null;
    }

    /**
     * The minimizer of the cubic through {@code (lo, φ_lo, φ'_lo)} and {@code (hi, φ_hi, φ'_hi)}
     * (Nocedal &amp; Wright eq. 3.59), kept in the middle 80 % of the bracket; bisection when the
     * cubic is undefined (non-finite end, complex root).
     */
    static double interpolate(double lo, double phiLo, double slopeLo, double hi, double phiHi, double slopeHi) {
        double width = hi - lo;
        double min = Math.min(lo, hi) + 0.1 * Math.abs(width);
        double max = Math.max(lo, hi) - 0.1 * Math.abs(width);
        double mid = 0.5 * (lo + hi);
        if (!Double.isFinite(phiHi) || !Double.isFinite(slopeHi)) {
            return mid;
        }
        double d1 = slopeLo + slopeHi - 3 * (phiLo - phiHi) / (lo - hi);
        double disc = d1 * d1 - slopeLo * slopeHi;
        if (!(disc >= 0)) {
            return mid;
        }
        double d2 = Math.signum(hi - lo) * Math.sqrt(disc);
        double alpha = hi - (hi - lo) * (slopeHi + d2 - d1) / (slopeHi - slopeLo + 2 * d2);
        if (!Double.isFinite(alpha)) {
            return mid;
        }
        return Math.min(max, Math.max(min, alpha));
    }

    private double evaluate(double[] x, double[] d, double alpha) {
        for (int i = 0; i < n; i++) {
            trial[i] = x[i] + alpha * d[i];
        }
        evaluations++;
        return f.valueAndGradient(trial, trialGradient);
    }

    private double slopeAt(double[] d) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += trialGradient[i] * d[i];
        }
        return s;
    }

    private Step accept(double alpha, double phi, double[] xOut, double[] gradientOut) {
        System.arraycopy(trial, 0, xOut, 0, n);
        System.arraycopy(trialGradient, 0, gradientOut, 0, n);
        return new Step(alpha, phi);
    }

    private Step reevaluate(double[] x, double[] d, double alpha, double[] xOut, double[] gradientOut) {
        double phi = evaluate(x, d, alpha);
        return Double.isFinite(phi) ? accept(alpha, phi, xOut, gradientOut) : null;
    }
}
