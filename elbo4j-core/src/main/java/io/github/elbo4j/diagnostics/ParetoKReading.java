package io.github.elbo4j.diagnostics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a PSIS k-hat says about importance-sampling estimates from {@code S} draws (Vehtari,
 * Simpson, Gelman, Yao and Gabry 2024, "Pareto smoothed importance sampling", JMLR 25(72),
 * section 3; for variational inference, Yao, Vehtari, Simpson and Gelman 2018, "Yes, but did it
 * work?", ICML). With the threshold {@code t(S) = min(1 - 1/log10(S), 0.7)}
 * ({@link Psis#paretoKThreshold}), the cases, checked in this order:
 * <ul>
 * <li>{@link #NOT_ESTIMATED}: {@code k = +∞} because the tail had fewer than 5 draws ({@code S < 21});</li>
 * <li>{@link #DO_NOT_TRUST}: {@code k >= 0.7} (including a failed fit, {@code k = +∞});</li>
 * <li>{@link #TOO_FEW_DRAWS}: {@code t(S) <= k < 0.7}: more draws would make it usable;</li>
 * <li>{@link #USABLE}: {@code 0.5 <= k < t(S)}: finite mean, infinite variance of the raw weights,
 * but PSIS estimates converge at a useful rate;</li>
 * <li>{@link #GOOD}: {@code k < 0.5} and {@code k < t(S)}: the raw weights have finite variance.</li>
 * </ul>
 */
public enum ParetoKReading {

    /** {@code k < 0.5} and below the threshold: the estimates are reliable. */
    GOOD,
    /** {@code 0.5 <= k <} the threshold: usable, with slower convergence. */
    USABLE,
    /** The threshold {@code <= k < 0.7}: too few draws for this k; more would do. */
    TOO_FEW_DRAWS,
    /** {@code k >= 0.7}: the estimates cannot be trusted, whatever the number of draws. */
    DO_NOT_TRUST,
    /** The tail was too short to fit, so there is no k-hat. */
    NOT_ESTIMATED;

    private static final double FINITE_VARIANCE = 0.5;
    private static final double UNRELIABLE = 0.7;

    /**
     * The reading of {@code paretoK} for {@code draws} draws, by the rules in the class comment.
     *
     * @param paretoK a k-hat, not NaN ({@code ±∞} allowed)
     * @param draws the number of draws {@code S >= 2}
     */
    public static ParetoKReading of(double paretoK, int draws) {
        if (Double.isNaN(paretoK)) {
            throw new IllegalArgumentException("ParetoKReading paretoK must be a number (±Infinity allowed), got NaN");
        }
        double threshold = Psis.paretoKThreshold(draws);
        if (paretoK == Double.POSITIVE_INFINITY && Psis.tailLength(draws) < Psis.MIN_TAIL_LENGTH) {
            return NOT_ESTIMATED;
        }
        if (paretoK >= UNRELIABLE) {
            return DO_NOT_TRUST;
        }
        if (paretoK >= threshold) {
            return TOO_FEW_DRAWS;
        }
        return paretoK >= FINITE_VARIANCE ? USABLE : GOOD;
    }

    /**
     * One line for users that states k-hat, the rule it met and what to do, e.g. {@code k-hat 0.82
     * >= 0.7: the approximation's tails are too light; do not trust means or variances}. Numbers
     * are shown with two decimals, rounded so that the printed comparison stays true.
     *
     * @param paretoK the k-hat this reading was made from
     * @param draws the number of draws {@code S >= 2}
     */
    public String explain(double paretoK, int draws) {
        double threshold = Psis.paretoKThreshold(draws);
        String k = twoDecimals(paretoK, RoundingMode.FLOOR);
        return switch (this) {
            case GOOD -> "k-hat " + k + " < 0.5: the importance weights have a finite variance;"
                    + " the PSIS estimates are reliable";
            case USABLE -> "k-hat " + k + " is in [0.5, " + twoDecimals(threshold, RoundingMode.CEILING)
                    + "): the PSIS estimates are usable but converge slowly; report them with their MCSE";
            case TOO_FEW_DRAWS -> "k-hat " + k + " >= " + twoDecimals(threshold, RoundingMode.FLOOR)
                    + ", the threshold for " + draws + " draws: too few draws for this k-hat;"
                    + " use more than " + (long) Math.floor(Math.pow(10, 1 / (1 - paretoK))) + " draws";
            case DO_NOT_TRUST -> "k-hat " + k + " >= 0.7: the approximation's tails are too light;"
                    + " do not trust means or variances";
            case NOT_ESTIMATED -> "k-hat not estimated: " + draws + " draws leave " + Psis.tailLength(draws)
                    + " for the Pareto tail, which needs " + Psis.MIN_TAIL_LENGTH
                    + " (21 draws or more); do not trust the estimates";
        };
    }

    /** {@code x} with two decimals, rounded in the given direction; infinities as themselves. */
    private static String twoDecimals(double x, RoundingMode mode) {
        if (Double.isInfinite(x)) {
            return Double.toString(x);
        }
        return BigDecimal.valueOf(x).setScale(2, mode).toPlainString();
    }
}
