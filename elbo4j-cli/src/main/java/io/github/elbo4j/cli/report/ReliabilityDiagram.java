package io.github.elbo4j.cli.report;

import io.github.elbo4j.bnn.Calibration;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The reliability diagram of Guo, Pleiss, Sun &amp; Weinberger (ICML 2017, figure 1), several
 * classifiers on one chart: for each, the accuracy of each non-empty confidence bin against the bin's
 * mean confidence ({@link Calibration#binAccuracy()}, {@link Calibration#binConfidence()}), a line with
 * markers, next to the diagonal of perfect calibration; the legend gives each one's accuracy and ECE.
 * Points below the diagonal are overconfident bins.
 */
public final class ReliabilityDiagram {

    private ReliabilityDiagram() {
    }

    /** The chart of {@code calibrations} (name to calibration, in the map's order), axes [0, 1]. */
    public static XYChart of(String title, Map<String, Calibration> calibrations) {
        XYChart c = Charts.lines(title, "confidence (mean of the bin)", "accuracy (of the bin)");
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setMarkerSize(7);
        Charts.dashed(Charts.line(c, "perfect calibration", new double[] {0, 1}, new double[] {0, 1}))
                .setLineColor(java.awt.Color.GRAY);
        int k = 0;
        for (Map.Entry<String, Calibration> e : calibrations.entrySet()) {
            double[] conf = e.getValue().binConfidence();
            double[] acc = e.getValue().binAccuracy();
            int n = 0;
            for (double v : conf) {
                n += Double.isNaN(v) ? 0 : 1;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            for (int m = 0, i = 0; m < conf.length; m++) {
                if (!Double.isNaN(conf[m])) {
                    x[i] = conf[m];
                    y[i++] = acc[m];
                }
            }
            String name = String.format(Locale.ROOT, "%s (accuracy %.3f, ECE %.3f)", e.getKey(), e.getValue().accuracy(),
                    e.getValue().expectedCalibrationError());
            XYSeries s = c.addSeries(name, x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            java.awt.Color colour = Charts.PALETTE[k++ % Charts.PALETTE.length];
            s.setLineColor(colour);
            s.setMarkerColor(colour);
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return c;
    }
}
