package io.github.elbo4j.diagnostics;

import io.github.elbo4j.math.SpecialFunctions;
import java.util.Arrays;

/**
 * Convergence and efficiency of Markov chains on one scalar quantity, from its draws
 * {@code x[c][i]} (chain {@code c}, iteration {@code i}, every chain the same length): the
 * rank-normalized split R-hat, the bulk and tail effective sample sizes, and the Monte Carlo
 * standard error of the mean, as defined by Vehtari, Gelman, Simpson, Carpenter &amp; Bürkner (2021),
 * "Rank-normalization, folding, and localization: an improved R-hat for assessing convergence of
 * MCMC", Bayesian Analysis 16(2), 667-718 (sections 3 and 4, and appendix A for the ESS).
 *
 * <p>Follows rstan 2.21.7 ({@code Rhat}, {@code ess_bulk}, {@code ess_tail} and the
 * {@code mcse_mean} behind {@code monitor}) to about 1e-12 (see {@code ChainDiagnosticsReferenceTest}),
 * with one difference: rstan computes autocovariances by FFT and scales them by {@code M/N}, with
 * {@code M >= N} the next length with prime factors 2, 3, 5 only; here the autocovariance is the
 * plain biased estimate {@code (1/N) Σ_i y_i y_{i+t}} (Geyer 1992), which is what rstan computes when
 * the split-chain length {@code N} has no other prime factors (e.g. 500 from 1000 draws per chain).
 *
 * <p>Draws that are constant or not all finite have no meaningful value: those methods return NaN
 * (rstan returns NA there).
 */
public final class ChainDiagnostics {

    /** The fewest draws per chain: split halves of at least 3 draws each (rstan's ESS needs 3). */
    public static final int MIN_DRAWS = 6;

    private ChainDiagnostics() {
    }

    /**
     * The rank-normalized split R-hat (Vehtari et al. 2021, eq. 4 and section 4.2):
     * {@code max(R̂(z(split(x))), R̂(z(split(|x - median x|))))}, where {@code split} cuts each
     * chain into its first and last {@code ⌊n/2⌋} draws, {@code z} replaces each draw by
     * {@code Φ⁻¹((r - 1/2)/S)} with {@code r} its average rank among all {@code S} draws, and for
     * {@code M} chains of {@code N} draws {@code R̂ = sqrt(((N - 1)/N · W + B/N) / W)} with
     * {@code W} the mean within-chain variance and {@code B/N} the variance of the chain means
     * (Gelman et al., BDA3, section 11.4). Values above 1.01 say the chains have not mixed.
     */
    public static double rhat(double[][] draws) {
        check(draws);
        if (notUsable(draws)) {
            return Double.NaN;
        }
        double median = quantile(sortedPooled(draws), 0.5);
        double[][] folded = new double[draws.length][];
        for (int c = 0; c < draws.length; c++) {
            folded[c] = new double[draws[c].length];
            for (int i = 0; i < draws[c].length; i++) {
                folded[c][i] = Math.abs(draws[c][i] - median);
            }
        }
        return Math.max(plainRhat(zScale(split(draws))), plainRhat(zScale(split(folded))));
    }

    /**
     * The bulk effective sample size: {@link #ess} of the rank-normalized split chains
     * {@code z(split(x))} (Vehtari et al. 2021, section 4.1).
     */
    public static double essBulk(double[][] draws) {
        check(draws);
        return notUsable(draws) ? Double.NaN : ess(zScale(split(draws)));
    }

    /**
     * The tail effective sample size: the smaller of the ESS of the indicators
     * {@code I(x <= q05)} and {@code I(x <= q95)} over the split chains, {@code q05, q95} the 5%
     * and 95% quantiles of all draws (type 7) (Vehtari et al. 2021, section 4.3).
     */
    public static double essTail(double[][] draws) {
        check(draws);
        if (notUsable(draws)) {
            return Double.NaN;
        }
        double[] sorted = sortedPooled(draws);
        return Math.min(ess(split(indicator(draws, quantile(sorted, 0.05)))),
                ess(split(indicator(draws, quantile(sorted, 0.95)))));
    }

    /**
     * The effective sample size of the mean: {@link #ess} of the split chains, not rank-normalized
     * (rstan's {@code ess_mean}; close to the classic {@code n_eff} of rstan's summary).
     */
    public static double essMean(double[][] draws) {
        check(draws);
        return notUsable(draws) ? Double.NaN : ess(split(draws));
    }

    /**
     * The Monte Carlo standard error of the posterior mean, {@code sd(x) / sqrt(ESS(split(x)))}
     * with the ESS of the split chains, not rank-normalized (Vehtari et al. 2021, section 4.4), and
     * {@code sd} the standard deviation of all draws.
     */
    public static double mcseMean(double[][] draws) {
        check(draws);
        if (notUsable(draws)) {
            return Double.NaN;
        }
        double[] all = pooled(draws);
        double mean = 0;
        for (double v : all) {
            mean += v;
        }
        mean /= all.length;
        double ss = 0;
        for (double v : all) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (all.length - 1)) / Math.sqrt(ess(split(draws)));
    }

    /**
     * The effective sample size of {@code M} chains of {@code N} draws with Geyer's initial monotone
     * sequence (Vehtari et al. 2021, appendix A; Geyer 1992): with {@code W} the mean within-chain
     * variance, {@code var⁺ = (N-1)/N · W + var(chain means)} and {@code ρ_t = 1 - (W - mean_c acov_{c,t}) / var⁺},
     * sum pairs {@code ρ_{2k} + ρ_{2k+1}} while positive, make the pair sums non-increasing, and
     * return {@code MN / τ} with {@code τ = -1 + 2 Σ_{t<T} ρ_t + ρ_T}, {@code τ >= 1/log10(MN)}.
     * The chains are used as given (not split, not rank-normalized).
     */
    static double ess(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (n < 3 || notUsable(chains)) {
            return Double.NaN;
        }
        double[][] centered = new double[m][n];
        double[] chainMean = new double[m];
        for (int c = 0; c < m; c++) {
            double mean = 0;
            for (double v : chains[c]) {
                mean += v;
            }
            mean /= n;
            chainMean[c] = mean;
            for (int i = 0; i < n; i++) {
                centered[c][i] = chains[c][i] - mean;
            }
        }
        double meanVar = meanAutocovariance(centered, 0) * n / (n - 1);
        double varPlus = meanVar * (n - 1) / n;
        if (m > 1) {
            varPlus += sampleVariance(chainMean);
        }
        double[] rho = new double[n];
        int t = 0;
        double rhoEven = 1;
        rho[0] = rhoEven;
        double rhoOdd = 1 - (meanVar - meanAutocovariance(centered, 1)) / varPlus;
        rho[1] = rhoOdd;
        while (t < n - 5 && !Double.isNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1 - (meanVar - meanAutocovariance(centered, t)) / varPlus;
            rhoOdd = 1 - (meanVar - meanAutocovariance(centered, t + 1)) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            }
        }
        int maxT = t;
        if (rhoEven > 0) {
            rho[maxT] = rhoEven;
        }
        for (t = 2; t <= maxT - 2; t += 2) {          // initial monotone sequence
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        double draws = (double) m * n;
        double sum = 0;
        for (int i = 0; i < maxT; i++) {
            sum += rho[i];
        }
        double tau = Math.max(-1 + 2 * sum + rho[maxT], 1 / Math.log10(draws));
        return draws / tau;
    }

    /** {@code (1/M) Σ_c (1/N) Σ_{i < N-t} y_{c,i} y_{c,i+t}} of centered chains. */
    private static double meanAutocovariance(double[][] centered, int lag) {
        double total = 0;
        for (double[] y : centered) {
            double s = 0;
            for (int i = 0; i + lag < y.length; i++) {
                s += y[i] * y[i + lag];
            }
            total += s / y.length;
        }
        return total / centered.length;
    }

    /** {@code sqrt((B/N + (N-1)/N · W) / W)}, the (not split) potential scale reduction of the chains as given. */
    private static double plainRhat(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        double[] means = new double[m];
        double within = 0;
        for (int c = 0; c < m; c++) {
            double mean = 0;
            for (double v : chains[c]) {
                mean += v;
            }
            means[c] = mean / n;
            within += sampleVariance(chains[c]) / m;
        }
        double between = n * sampleVariance(means);
        return Math.sqrt((between / within + n - 1) / n);
    }

    /** The first and last {@code ⌊n/2⌋} draws of each chain as two chains (the middle draw of an odd chain is dropped). */
    static double[][] split(double[][] draws) {
        int half = draws[0].length / 2;
        int n = draws[0].length;
        double[][] out = new double[2 * draws.length][];
        for (int c = 0; c < draws.length; c++) {
            out[2 * c] = Arrays.copyOfRange(draws[c], 0, half);
            out[2 * c + 1] = Arrays.copyOfRange(draws[c], n - half, n);
        }
        // rstan orders the columns first halves then second halves; the statistics do not depend on the order
        return out;
    }

    /** {@code Φ⁻¹((r - 1/2)/S)} of each draw's average rank {@code r} among all {@code S} draws. */
    static double[][] zScale(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        int total = m * n;
        double[] all = pooled(chains);
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double[] rank = new double[total];
        int i = 0;
        while (i < total) {
            int j = i;
            while (j + 1 < total && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;       // ranks i+1 .. j+1, averaged
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            i = j + 1;
        }
        double[][] out = new double[m][n];
        for (int c = 0; c < m; c++) {
            for (int k = 0; k < n; k++) {
                out[c][k] = standardNormalQuantile((rank[c * n + k] - 0.5) / total);
            }
        }
        return out;
    }

    /** {@code Φ⁻¹(p) = -√2 erfc⁻¹(2p)}. */
    private static double standardNormalQuantile(double p) {
        return -Math.sqrt(2) * SpecialFunctions.erfcinv(2 * p);
    }

    private static double[][] indicator(double[][] draws, double threshold) {
        double[][] out = new double[draws.length][];
        for (int c = 0; c < draws.length; c++) {
            out[c] = new double[draws[c].length];
            for (int i = 0; i < draws[c].length; i++) {
                out[c][i] = draws[c][i] <= threshold ? 1 : 0;
            }
        }
        return out;
    }

    /** Type-7 quantile of sorted data (R's default): {@code x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋])}, {@code h = (S-1)p}. */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double sampleVariance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }

    private static double[] pooled(double[][] chains) {
        int n = chains[0].length;
        double[] all = new double[chains.length * n];
        for (int c = 0; c < chains.length; c++) {
            System.arraycopy(chains[c], 0, all, c * n, n);
        }
        return all;
    }

    private static double[] sortedPooled(double[][] chains) {
        double[] all = pooled(chains);
        Arrays.sort(all);
        return all;
    }

    /** Not all finite, or constant (max - min below one ulp of 1, rstan's test). */
    private static boolean notUsable(double[][] chains) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] chain : chains) {
            for (double v : chain) {
                if (!Double.isFinite(v)) {
                    return true;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return Math.abs(max - min) < Math.ulp(1.0);
    }

    private static void check(double[][] draws) {
        if (draws.length < 1) {
            throw new IllegalArgumentException("draws must hold at least 1 chain, got 0");
        }
        int n = draws[0].length;
        if (n < MIN_DRAWS) {
            throw new IllegalArgumentException("draws per chain = " + n + " must be >= " + MIN_DRAWS
                    + " (split halves of at least 3 draws)");
        }
        for (int c = 1; c < draws.length; c++) {
            if (draws[c].length != n) {
                throw new IllegalArgumentException("every chain must have the same number of draws: chain 0 has " + n
                        + ", chain " + c + " has " + draws[c].length);
            }
        }
    }
}
