package io.github.elbo4j.diagnostics;

import java.util.Locale;

/**
 * The result of {@link Psis#smooth}: normalized Pareto-smoothed importance weights of {@code S}
 * independent draws, the fitted tail shape k-hat that says whether to trust them, and the
 * self-normalized estimates they give. Immutable: the arrays it returns are copies.
 */
public final class ParetoSmoothedWeights {

    private final double[] logWeights;
    private final double[] weights;
    private final double paretoK;
    private final int tailLength;
    private final double effectiveSampleSize;

    /** Takes ownership of {@code logWeights}, already normalized. */
    ParetoSmoothedWeights(double[] logWeights, double paretoK, int tailLength, double effectiveSampleSize) {
        this.logWeights = logWeights;
        this.weights = new double[logWeights.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(logWeights[i]);
        }
        this.paretoK = paretoK;
        this.tailLength = tailLength;
        this.effectiveSampleSize = effectiveSampleSize;
    }

    /** The number of draws {@code S}. */
    public int draws() {
        return logWeights.length;
    }

    /**
     * The smoothed, truncated and normalized log weights {@code log w_s}, with
     * {@code logsumexp(log w) = 0} up to rounding; {@code -∞} where the log ratio was {@code -∞}.
     * A new array.
     */
    public double[] logWeights() {
        return logWeights.clone();
    }

    /** The normalized weights {@code w_s = exp(log w_s)}, summing to 1 up to rounding. A new array. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The estimated shape k-hat of the generalized Pareto fitted to the largest ratios: the
     * weights have about {@code 1/k} finite moments. {@code +∞} when the tail was too short to fit
     * ({@code S < 21}) or the fit failed, {@code -∞} when the tail was constant. Read it with
     * {@link #reading()}.
     */
    public double paretoK() {
        return paretoK;
    }

    /** The number {@code M} of largest ratios that were smoothed, {@link Psis#tailLength}. */
    public int tailLength() {
        return tailLength;
    }

    /** {@code min(1 - 1/log10(S), 0.7)}, {@link Psis#paretoKThreshold} for these {@code S} draws. */
    public double paretoKThreshold() {
        return Psis.paretoKThreshold(draws());
    }

    /**
     * The effective sample size {@code 1 / Σ_s w_s²} of the normalized smoothed weights (Kong 1992,
     * "A note on importance sampling using standardized weights", U. Chicago tech. report 348;
     * Vehtari et al. 2024, section 3, with {@code r_eff = 1}; equal to loo 2.5.1's {@code n_eff}).
     * {@code S} for equal weights, 1 when one weight holds everything. Meaningful only when
     * k-hat is below {@link #paretoKThreshold()}.
     */
    public double effectiveSampleSize() {
        return effectiveSampleSize;
    }

    /** What k-hat says about these weights: {@link ParetoKReading#of}{@code (paretoK(), draws())}. */
    public ParetoKReading reading() {
        return ParetoKReading.of(paretoK, draws());
    }

    /** One line for users: {@link ParetoKReading#explain}{@code (paretoK(), draws())}. */
    public String explanation() {
        return reading().explain(paretoK, draws());
    }

    /**
     * The self-normalized PSIS estimate of {@code E_p[h]} from the draws' values {@code h_s}:
     * {@code Ê = Σ_s w_s h_s / Σ_s w_s} (Owen 2013, "Monte Carlo theory, methods and examples",
     * section 9.2; Vehtari et al. 2024, section 3). For a variational approximation this is the
     * PSIS-corrected posterior mean of {@code h}; trust it only as far as {@link #reading()} says.
     *
     * @param h one finite value per draw, {@code h.length == draws()}; not modified
     */
    public double mean(double[] h) {
        checkValues(h);
        double weighted = 0;
        double total = 0;
        for (int s = 0; s < h.length; s++) {
            weighted += weights[s] * h[s];
            total += weights[s];
        }
        return weighted / total;
    }

    /**
     * The Monte Carlo standard error of {@link #mean}: {@code √(Σ_s w_s² (h_s - Ê)²)} for normalized
     * weights and independent draws, the delta-method variance of a ratio estimator (Owen 2013,
     * section 9.2, the variance estimate of self-normalized importance sampling; Vehtari et al.
     * 2024, section 3, there divided by {@code r_eff} for correlated draws). loo 2.5.1's
     * {@code E_loo(type = "variance")} returns its square (stan-dev/loo issue 225). It assumes
     * weights with finite variance: it is optimistic for k-hat between 0.5 and the threshold and
     * meaningless above it.
     *
     * @param h one finite value per draw, {@code h.length == draws()}; not modified
     */
    public double monteCarloStandardError(double[] h) {
        double mean = mean(h);
        double variance = 0;
        double total = 0;
        for (int s = 0; s < h.length; s++) {
            double d = h[s] - mean;
            variance += weights[s] * weights[s] * d * d;
            total += weights[s];
        }
        return Math.sqrt(variance) / total;
    }

    private void checkValues(double[] h) {
        if (h.length != weights.length) {
            throw new IllegalArgumentException("PSIS h length must equal the number of draws "
                    + weights.length + ", got " + h.length);
        }
        for (int s = 0; s < h.length; s++) {
            if (!Double.isFinite(h[s])) {
                throw new IllegalArgumentException("PSIS h[" + s + "] must be finite, got " + h[s]);
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ParetoSmoothedWeights[draws=%d, paretoK=%.4g, tailLength=%d, "
                + "effectiveSampleSize=%.1f]", draws(), paretoK, tailLength, effectiveSampleSize);
    }
}
