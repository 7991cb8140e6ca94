package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.LinearResponse;
import io.github.elbo4j.infer.SignalToNoise;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report tables of an SVI family's fit: the linear-response sds next to the mean-field ones
 * ({@link Fit#linearResponse()}), and the gradient's signal-to-noise ratio per parameter block over
 * the windows of a stochastic fit ({@link SignalToNoise}).
 */
final class FitTables {

    /** Steps per signal-to-noise window of a stochastic fit in the command. */
    static final int SNR_WINDOW = 100;

    private FitTables() {
    }

    /** The LRVB table of a mean-field fit, with rows renamed by {@code labels}. */
    static ReportTable linearResponse(LinearResponse lr, Map<String, String> labels) {
        List<List<String>> rows = new ArrayList<>();
        for (LinearResponse.Row r : lr.rows()) {
            rows.add(List.of(labels.getOrDefault(r.name(), r.name()), fmt(r.meanFieldSd()), fmt(r.sd()),
                    String.format(Locale.ROOT, "%.3f", r.ratio())));
        }
        return new ReportTable("Linear-response sds (LRVB)", String.format(Locale.ROOT,
                "Mean-field sds corrected by linear response (Giordano, Broderick & Jordan 2015, 2018): the covariance is the "
                        + "mean block of the inverse negative ELBO Hessian, by central differences of exact gradients with %d fixed "
                        + "draws (ELBO gradient norm there %.2g); both columns map to constrained space by the delta method at the "
                        + "mean. A ratio well above 1 means the mean-field sd is too small: the posterior is correlated there.",
                lr.draws(), lr.gradientNorm()), List.of("quantity", "mean-field sd", "LRVB sd", "ratio"), rows);
    }

    /** The signal-to-noise table of the windows of a stochastic fit (at least one window). */
    static ReportTable signalToNoise(List<SignalToNoise> windows) {
        SignalToNoise first = windows.get(0);
        SignalToNoise last = windows.get(windows.size() - 1);
        List<List<String>> rows = new ArrayList<>();
        for (SignalToNoise.Block b : last.blocks()) {
            double min = Double.POSITIVE_INFINITY;
            for (SignalToNoise w : windows) {
                min = Math.min(min, w.block(b.name()).blockSnr());
            }
            double[] each = b.snr().toArray();
            int starved = 0;
            for (double v : each) {
                starved += v < 1 ? 1 : 0;
            }
            rows.add(List.of(b.name(), Integer.toString(each.length), fmt(first.block(b.name()).blockSnr()), fmt(min),
                    fmt(b.blockSnr()), starved + " of " + each.length));
        }
        return new ReportTable("Gradient signal-to-noise per parameter block", String.format(Locale.ROOT,
                "|E g| / sd(g) of the loss gradient (Rainforth et al., ICML 2018) over windows of %d steps (Welford's running "
                        + "mean and variance; %d windows, the last ending at step %d); the block's number is ||E g|| / sqrt(sum Var g). "
                        + "Near the optimum E g falls to 0 and so does the SNR; a block far below 1 early on gets mostly noise.",
                first.samples(), windows.size(), last.step()),
                List.of("parameter", "size", "SNR first window", "SNR min", "SNR last window", "elements with SNR < 1 (last)"), rows);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4g", v);
    }

    /** The label map applies to the LRVB rows as to the summary rows. */
    static List<ReportTable> forFit(Fit fit, boolean meanField, List<SignalToNoise> windows, Map<String, String> labels,
                                    Map<String, String> notes) {
        List<ReportTable> tables = new ArrayList<>();
        if (meanField) {
            try {
                tables.add(linearResponse(fit.linearResponse(), labels));
            } catch (IllegalStateException | IllegalArgumentException e) {
                notes.put("linear response", e.getMessage());
            }
        }
        if (!windows.isEmpty()) {
            tables.add(signalToNoise(windows));
        }
        return tables;
    }
}
