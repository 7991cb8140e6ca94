package io.github.elbo4j.infer;

import java.util.Arrays;
import java.util.Locale;

/**
 * Posterior summary of one scalar latent from draws: mean, standard deviation and the 5%, 50%,
 * 95% quantiles (type-7 linear interpolation, Hyndman &amp; Fan, Am. Stat. 1996).
 */
public record SiteSummary(String name, double mean, double sd, double q05, double q50, double q95) {

    /** The column titles matching {@link #toString()}. */
    public static final String HEADER = String.format(Locale.ROOT, "%-16s %10s %10s %10s %10s %10s", "", "mean", "sd", "5%", "50%", "95%");

    /** The summary of {@code draws}. */
    public static SiteSummary of(String name, double[] draws) {
        int n = draws.length;
        double mean = 0;
        for (double v : draws) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : draws) {
            ss += (v - mean) * (v - mean);
        }
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        return new SiteSummary(name, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0,
                quantile(sorted, 0.05), quantile(sorted, 0.5), quantile(sorted, 0.95));
    }

    /** Type-7 quantile of sorted data: {@code x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋])}, {@code h = (n-1)p}. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-16s %10.4f %10.4f %10.4f %10.4f %10.4f", name, mean, sd, q05, q50, q95);
    }
}
