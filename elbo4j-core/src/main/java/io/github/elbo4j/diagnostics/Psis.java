package io.github.elbo4j.diagnostics;

import io.github.elbo4j.math.LogSpace;
import java.util.Arrays;
import java.util.Optional;

/**
 * Pareto-smoothed importance sampling (PSIS; Vehtari, Simpson, Gelman, Yao and Gabry 2024,
 * "Pareto smoothed importance sampling", JMLR 25(72)) of independent draws: the largest importance
 * ratios are replaced by expected order statistics of a generalized Pareto distribution fitted to
 * them, which stabilizes the estimates and, through the fitted shape k-hat, says whether they can
 * be trusted. For a variational approximation {@code q} of a posterior {@code p}, the log ratios are
 * {@code log p(x, z_s) - log q(z_s)} for draws {@code z_s ~ q} (Yao, Vehtari, Simpson and Gelman
 * 2018, "Yes, but did it work?: evaluating variational inference", ICML).
 *
 * <p>Follows the R package loo 2.5.1 ({@code psis(log_ratios, r_eff = 1)}) to about 1e-13 (see
 * {@code PsisReferenceTest}), with two differences: a constant tail (the {@code M} largest ratios
 * all equal) gives {@code k = -∞} (bounded weights that reach their maximum: nothing to smooth, and
 * nothing to distrust), where loo warns and gives {@code k = ∞}; and loo's {@code psis()} refuses
 * {@code -∞} log ratios, which are accepted here as zero weights.
 */
public final class Psis {

    /** The fewest tail draws the Pareto fit is attempted on (loo's {@code min_len}). */
    public static final int MIN_TAIL_LENGTH = 5;
    /** loo's test for a constant tail: largest minus smallest tail log weight below this. */
    private static final double CONSTANT_TAIL = Math.ulp(1.0) / 100;

    private Psis() {
    }

    /**
     * Pareto-smooths {@code S} raw log importance ratios {@code r_s} (Vehtari et al. 2024,
     * section 3, with {@code r_eff = 1}):
     * <ol>
     * <li>{@code M = tailLength(S) = ⌈min(0.2 S, 3 √S)⌉}; shift {@code l_s = r_s - max r}.</li>
     * <li>If {@code M >= 5}: sort, take the {@code M} largest {@code l_(S-M+1..S)} and the cutoff
     * {@code u = l_(S-M)}; fit {@link GeneralizedParetoFit#estimate} to the exceedances
     * {@code exp(l) - exp(u)} and replace the tail draw of rank {@code j = 1..M} by
     * {@code log(F⁻¹((j - 1/2) / M) + exp(u))}; k-hat is the fitted shape. Otherwise, or if the fit
     * fails, nothing is smoothed and k-hat is {@code +∞}. A constant tail gives k-hat {@code -∞}.</li>
     * <li>Truncate at the largest raw weight: {@code l_s = min(l_s, 0)}.</li>
     * <li>Normalize: {@code log w_s = l_s + max r - logsumexp(l + max r)}, so {@code Σ w_s = 1}.</li>
     * </ol>
     * Tied ratios are ranked by their index, as R's stable sort does. Costs one sort, O(S log S).
     *
     * @param logRatios {@code S >= 2} log importance ratios; {@code -∞} (a zero weight) is allowed,
     *     NaN and {@code +∞} are not, and at least one must be finite. Not modified.
     * @throws IllegalArgumentException naming the index and the value of the first bad entry
     */
    public static ParetoSmoothedWeights smooth(double[] logRatios) {
        double max = checkedMaximum(logRatios);
        int s = logRatios.length;
        double[] lw = new double[s];
        for (int i = 0; i < s; i++) {
            lw[i] = (logRatios[i] - max) + 0.0;   // + 0.0 turns -0.0 into 0.0, which sorts as equal
        }
        int m = tailLength(s);
        double paretoK = Double.POSITIVE_INFINITY;
        if (m >= MIN_TAIL_LENGTH) {
            paretoK = smoothTail(lw, m);
        }
        for (int i = 0; i < s; i++) {
            lw[i] = Math.min(lw[i], 0.0) + max;
        }
        double normalizer = LogSpace.logSumExp(lw);
        double sumOfSquares = 0;
        for (int i = 0; i < s; i++) {
            lw[i] -= normalizer;
            double w = Math.exp(lw[i]);
            sumOfSquares += w * w;
        }
        return new ParetoSmoothedWeights(lw, paretoK, m, 1 / sumOfSquares);
    }

    /**
     * The PSIS tail length {@code M = ⌈min(0.2 S, 3 √(S / r_eff))⌉} with {@code r_eff = 1}
     * (independent draws; Vehtari et al. 2024, section 3): the number of largest ratios that are
     * smoothed.
     *
     * @param draws the number of draws {@code S >= 1}
     */
    public static int tailLength(int draws) {
        checkDraws(draws, 1);
        return (int) Math.ceil(Math.min(0.2 * draws, 3 * Math.sqrt(draws)));
    }

    /**
     * The sample-size-dependent k-hat threshold {@code min(1 - 1 / log10(S), 0.7)} (Vehtari et al.
     * 2024, section 3): below it, the PSIS estimate's error is small with {@code S} draws; it
     * reaches 0.7 at {@code S ≈ 2154} and is negative for {@code S < 10}. Equivalently, k-hat needs
     * {@code S > 10^(1 / (1 - k))} draws.
     *
     * @param draws the number of draws {@code S >= 2}
     */
    public static double paretoKThreshold(int draws) {
        checkDraws(draws, 2);
        return Math.min(1 - 1 / Math.log10(draws), 0.7);
    }

    static void checkDraws(int draws, int minimum) {
        if (draws < minimum) {
            throw new IllegalArgumentException("PSIS draws must be >= " + minimum + ", got " + draws);
        }
    }

    /** The largest entry, after checking the rules of {@link #smooth}. */
    private static double checkedMaximum(double[] logRatios) {
        if (logRatios.length < 2) {
            throw new IllegalArgumentException("PSIS logRatios length must be >= 2, got " + logRatios.length);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logRatios.length; i++) {
            double r = logRatios[i];
            if (Double.isNaN(r) || r == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("PSIS logRatios[" + i
                        + "] must be finite or -Infinity (a zero weight), got " + r);
            }
            max = Math.max(max, r);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("PSIS logRatios must have a finite entry, got all "
                    + logRatios.length + " -Infinity (every weight zero)");
        }
        return max;
    }

    /**
     * Replaces the {@code m} largest of {@code lw} (shifted so that the largest is 0) by the
     * Pareto-smoothed values, in place; returns k-hat.
     */
    private static double smoothTail(double[] lw, int m) {
        int s = lw.length;
        double[] sorted = lw.clone();
        Arrays.sort(sorted);
        double smallestInTail = sorted[s - m];
        if (sorted[s - 1] - smallestInTail < CONSTANT_TAIL) {
            return Double.NEGATIVE_INFINITY;
        }
        double expCutoff = Math.exp(sorted[s - m - 1]);
        double[] exceedances = new double[m];
        for (int j = 0; j < m; j++) {
            exceedances[j] = Math.exp(sorted[s - m + j]) - expCutoff;
        }
        Optional<GeneralizedParetoFit> fit = GeneralizedParetoFit.fitSorted(exceedances, true);
        if (fit.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        int[] tail = tailInRankOrder(lw, Arrays.copyOfRange(sorted, s - m, s));
        for (int j = 0; j < m; j++) {
            lw[tail[j]] = Math.log(fit.get().quantile((j + 0.5) / m) + expCutoff);
        }
        return fit.get().shape();
    }

    /**
     * The indices of the {@code m = sortedTail.length} largest entries of {@code lw}, ordered by
     * (value, index) ascending, as the last {@code m} of R's stable {@code sort.int(index.return =
     * TRUE)}: of entries tied at the tail's smallest value, those with the largest indices.
     */
    private static int[] tailInRankOrder(double[] lw, double[] sortedTail) {
        int m = sortedTail.length;
        double smallest = sortedTail[0];
        int tiedInTail = 0;
        while (tiedInTail < m && sortedTail[tiedInTail] == smallest) {
            tiedInTail++;
        }
        int tiedInAll = 0;
        for (double v : lw) {
            if (v == smallest) {
                tiedInAll++;
            }
        }
        int tiedToSkip = tiedInAll - tiedInTail;
        int[] tail = new int[m];
        int[] placedAtValue = new int[m];   // per first rank of a value: how many of its ties are placed
        for (int i = 0; i < lw.length; i++) {
            double v = lw[i];
            if (v < smallest || (v == smallest && tiedToSkip-- > 0)) {
                continue;
            }
            int first = firstRankOf(v, sortedTail);
            tail[first + placedAtValue[first]++] = i;
        }
        return tail;
    }

    /** The first position of {@code v} in {@code sorted} (which holds it), by bisection. */
    private static int firstRankOf(double v, double[] sorted) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
