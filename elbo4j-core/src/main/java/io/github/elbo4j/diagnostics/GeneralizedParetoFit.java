package io.github.elbo4j.diagnostics;

import io.github.elbo4j.math.LogSpace;
import java.util.Arrays;
import java.util.Optional;

/**
 * A generalized Pareto distribution GPD(k, σ) fitted to exceedances over a threshold, as PSIS fits
 * the largest importance ratios. Its distribution function for {@code x >= 0} is
 * {@code F(x) = 1 - (1 + k x / σ)^(-1/k)} ({@code 1 - exp(-x / σ)} at {@code k = 0}), with support
 * {@code [0, ∞)} for {@code k >= 0} and {@code [0, σ / |k|]} for {@code k < 0}; moments of order
 * {@code 1/k} and above are infinite (Pickands 1975, "Statistical inference using extreme order
 * statistics", Ann. Statist. 3(1)). Zhang and Stephens write the shape with the opposite sign.
 *
 * @param shape the shape {@code k}, finite
 * @param scale the scale {@code σ}, finite and {@code > 0}
 */
public record GeneralizedParetoFit(double shape, double scale) {

    /** Grid points beyond {@code ⌊√n⌋}: loo's {@code min_grid_pts} (Zhang and Stephens' paper uses 20). */
    private static final int MIN_GRID_POINTS = 30;
    /** The constant 3 in Zhang and Stephens' (2009) grid. */
    private static final double GRID_PRIOR = 3;
    /** The weakly informative prior on the shape: worth this many observations ... */
    private static final double PRIOR_OBSERVATIONS = 10;
    /** ... centred at this shape. */
    private static final double PRIOR_SHAPE = 0.5;

    /** Checks that the shape is finite and the scale finite and positive. */
    public GeneralizedParetoFit {
        if (!Double.isFinite(shape)) {
            throw new IllegalArgumentException("GeneralizedParetoFit shape must be finite, got " + shape);
        }
        if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("GeneralizedParetoFit scale must be > 0 and finite, got " + scale);
        }
    }

    /**
     * The Zhang–Stephens estimate with the weakly informative prior on the shape that PSIS uses:
     * {@link #estimateWithoutPrior}'s {@code (k̂, σ̂)}, then {@code k̃ = (n k̂ + 10 · 0.5) / (n + 10)},
     * a prior worth 10 observations at {@code k = 0.5} that steadies the estimate from short tails
     * (Vehtari, Simpson, Gelman, Yao and Gabry 2024, "Pareto smoothed importance sampling", JMLR
     * 25(72), section 3; loo 2.5.1's {@code gpdfit(wip = TRUE)}). The scale stays {@code σ̂ = -k̂ / θ̂}
     * of the unadjusted shape, as in loo. The order of {@code exceedances} does not matter.
     *
     * @param exceedances at least 2 values, each finite and {@code >= 0}; not modified
     * @return the fit, or empty when the profile likelihood cannot be evaluated (e.g. more than a
     *     quarter of the exceedances are 0, so the grid is infinite), where loo reports {@code k = ∞}
     */
    public static Optional<GeneralizedParetoFit> estimate(double[] exceedances) {
        return fitSorted(checkedSortedCopy(exceedances), true);
    }

    /**
     * The Zhang and Stephens (2009) estimate ("A new and efficient estimation method for the
     * generalized Pareto distribution", Technometrics 51(3)). With {@code θ = -k / σ},
     * the likelihood is maximized over {@code k} in closed form for each {@code θ}:
     * {@code k(θ) = (1/n) Σ log(1 - θ x_i)}, leaving the profile log-likelihood
     * {@code ℓ(θ) = n (log(-θ / k(θ)) - k(θ) - 1)}. The estimate is the posterior mean of {@code θ}
     * over the grid {@code θ_j = 1/x_(n) + (1 - √(m / (j - 1/2))) / (3 x*)}, {@code j = 1..m},
     * {@code m = 30 + ⌊√n⌋}, {@code x* = x_(⌊n/4 + 1/2⌋)} (about the first quartile), whose points
     * are quantiles of their prior, so {@code θ̂ = Σ_j θ_j w_j} with {@code w_j ∝ exp ℓ(θ_j)}; then
     * {@code k̂ = k(θ̂)} and {@code σ̂ = -k̂ / θ̂}. Every {@code θ_j < 1/x_(n)}, so all the logs are
     * finite. No iteration: the result is a fixed function of the data.
     *
     * @param exceedances at least 2 values, each finite and {@code >= 0}; not modified
     * @return the fit, or empty when the profile likelihood cannot be evaluated (see {@link #estimate})
     */
    public static Optional<GeneralizedParetoFit> estimateWithoutPrior(double[] exceedances) {
        return fitSorted(checkedSortedCopy(exceedances), false);
    }

    /**
     * The quantile {@code F⁻¹(p) = σ ((1 - p)^(-k) - 1) / k}, computed as
     * {@code σ expm1(-k log1p(-p)) / k} so that it stays accurate for small {@code |k|} and
     * small {@code p}; {@code -σ log1p(-p)} at {@code k = 0} (Pickands 1975). {@code p = 1} gives the
     * upper end of the support ({@code +∞} for {@code k >= 0}).
     *
     * @param p a probability in {@code [0, 1]}
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("GeneralizedParetoFit quantile p must be in [0, 1], got " + p);
        }
        if (shape == 0) {
            return -scale * Math.log1p(-p);
        }
        return scale * Math.expm1(-shape * Math.log1p(-p)) / shape;
    }

    private static double[] checkedSortedCopy(double[] exceedances) {
        if (exceedances.length < 2) {
            throw new IllegalArgumentException(
                    "GeneralizedParetoFit exceedances length must be >= 2, got " + exceedances.length);
        }
        for (int i = 0; i < exceedances.length; i++) {
            double x = exceedances[i];
            if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("GeneralizedParetoFit exceedances[" + i
                        + "] must be finite and >= 0, got " + x);
            }
        }
        double[] sorted = exceedances.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * The fit on exceedances already sorted ascending, unchecked (PSIS passes its sorted tail).
     * Empty when the shape or the scale is not finite or the scale is not positive; loo would
     * report {@code k = ∞} in the first case and smooth with NaN in the others.
     */
    static Optional<GeneralizedParetoFit> fitSorted(double[] sorted, boolean weaklyInformativePrior) {
        int n = sorted.length;
        int m = MIN_GRID_POINTS + (int) Math.floor(Math.sqrt(n));
        double largest = sorted[n - 1];
        double quartile = sorted[(int) Math.floor(n / 4.0 + 0.5) - 1];
        double[] theta = new double[m];
        double[] logLikelihood = new double[m];
        for (int j = 0; j < m; j++) {
            theta[j] = 1 / largest + (1 - Math.sqrt(m / (j + 0.5))) / GRID_PRIOR / quartile;
            double k = meanLog1p(-theta[j], sorted);
            logLikelihood[j] = n * (Math.log(-theta[j] / k) - k - 1);
        }
        double normalizer = LogSpace.logSumExp(logLikelihood);
        double thetaHat = 0;
        for (int j = 0; j < m; j++) {
            thetaHat += theta[j] * Math.exp(logLikelihood[j] - normalizer);
        }
        double k = meanLog1p(-thetaHat, sorted);
        double sigma = -k / thetaHat;
        if (weaklyInformativePrior) {
            k = (n * k + PRIOR_OBSERVATIONS * PRIOR_SHAPE) / (n + PRIOR_OBSERVATIONS);
        }
        if (!Double.isFinite(k) || !(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
            return Optional.empty();
        }
        return Optional.of(new GeneralizedParetoFit(k, sigma));
    }

    /** {@code (1/n) Σ_i log1p(a x_i)}. */
    private static double meanLog1p(double a, double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.log1p(a * v);
        }
        return sum / x.length;
    }
}
