package io.github.elbo4j.cli.fit;

import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import java.io.IOException;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The ELBO figures of a fit report: the whole trace (its first steps cut when they would flatten
 * the rest), then the tail read closely. For a stochastic trace the tail is the last half with
 * its mean per 1% of the steps (the noise averaged); for a deterministic or exact trace it is the
 * distance to the final value on a log axis, which shows convergence over orders of magnitude.
 */
final class ElboCharts {

    private ElboCharts() {
    }

    static void add(HtmlReport page, double[] trace, String kind) throws IOException {
        if (trace.length == 0) {
            return;
        }
        XYChart whole = Charts.lines("ELBO per " + unit(kind), unit(kind), "ELBO");
        Charts.line(whole, "ELBO", steps(0, trace.length), trace);
        boolean cut = Charts.elboRange(whole, trace);
        page.figure(ChartFiles.png(whole), "ELBO per " + unit(kind) + " (it should rise and flatten)"
                + (cut ? "; the first steps, far below, are cut so the rest of the run reads" : ""));
        if (trace.length < 4) {
            return;
        }
        if ("STOCHASTIC".equals(kind)) {
            int from = trace.length / 2;
            int bins = Math.min(50, trace.length - from);
            double[] x = new double[bins];
            double[] y = new double[bins];
            int per = (trace.length - from) / bins;
            for (int b = 0; b < bins; b++) {
                double sum = 0;
                for (int i = 0; i < per; i++) {
                    sum += trace[from + b * per + i];
                }
                x[b] = from + b * per + per / 2.0;
                y[b] = sum / per;
            }
            XYChart tail = Charts.lines("Last half of the run", "step", "mean ELBO");
            Charts.line(tail, "mean of " + per + " steps", x, y);
            page.figure(ChartFiles.png(tail), "The last half, each point the mean of " + per
                    + " noisy estimates: a flat line means the optimizer has stopped improving");
        } else {
            double last = trace[trace.length - 1];
            double[] gap = new double[trace.length - 1];
            double[] x = steps(0, trace.length - 1);
            int kept = 0;
            for (int i = 0; i < trace.length - 1; i++) {
                double g = Math.abs(last - trace[i]);
                if (g > 0) {
                    gap[kept] = g;
                    x[kept] = i;
                    kept++;
                }
            }
            if (kept < 2) {
                return;
            }
            XYChart tail = Charts.lines("Distance to the final ELBO", unit(kind), "|ELBO(final) - ELBO|");
            tail.getStyler().setYAxisLogarithmic(true);
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (int i = 0; i < kept; i++) {
                lo = Math.min(lo, gap[i]);
                hi = Math.max(hi, gap[i]);
            }
            // decades, set here: the round-number range of a linear axis could start at 0
            tail.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
            tail.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
            tail.getStyler().setYAxisDecimalPattern("0.#E0");
            tail.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            Charts.line(tail, "distance", java.util.Arrays.copyOf(x, kept), java.util.Arrays.copyOf(gap, kept));
            page.figure(ChartFiles.png(tail), "Distance to the final value on a log axis: a deterministic objective falls by "
                    + "orders of magnitude to the minimizer's tolerance");
        }
    }

    private static String unit(String kind) {
        return switch (kind) {
            case "DETERMINISTIC" -> "L-BFGS iteration";
            case "EXACT" -> "sweep";
            default -> "step";
        };
    }

    private static double[] steps(int from, int to) {
        double[] s = new double[to - from];
        for (int i = 0; i < s.length; i++) {
            s[i] = from + i;
        }
        return s;
    }
}
