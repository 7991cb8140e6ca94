package io.github.elbo4j.cli.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The house look of elbo4j's plots: one factory for line charts and density-normalized histograms. */
public final class Charts {

    private Charts() {
    }

    /** An empty 800×500 line chart with titles. */
    public static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        c.getStyler().setMarkerSize(0);
        c.getStyler().setXAxisDecimalPattern("0.##");
        c.getStyler().setYAxisDecimalPattern("0.###");
        c.getStyler().setXAxisMaxLabelCount(12);
        return c;
    }

    /** A palette of distinguishable colours (Okabe & Ito 2008, colour-blind safe). */
    public static final java.awt.Color[] PALETTE = {
        new java.awt.Color(0, 114, 178), new java.awt.Color(213, 94, 0), new java.awt.Color(0, 158, 115),
        new java.awt.Color(204, 121, 167), new java.awt.Color(230, 159, 0), new java.awt.Color(86, 180, 233),
        new java.awt.Color(0, 0, 0)};

    /** {@code c} with the given alpha (0–255), for filled areas that must not hide each other. */
    public static java.awt.Color translucent(java.awt.Color c, int alpha) {
        return new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Adds a line series without markers. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /**
     * Adds a density-normalized histogram of {@code data} on {@code bins} equal bins over
     * {@code [lo, hi]} (height = count / (n · width)), drawn as a step area.
     */
    public static XYSeries histogram(XYChart chart, String name, double[] data, double lo, double hi, int bins) {
        double width = (hi - lo) / bins;
        int[] counts = new int[bins];
        for (double v : data) {
            int b = (int) Math.floor((v - lo) / width);
            if (b >= 0 && b < bins) {
                counts[b]++;
            }
        }
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int b = 0; b < bins; b++) {
            double h = counts[b] / (data.length * width);
            x[2 * b] = lo + b * width;
            x[2 * b + 1] = lo + (b + 1) * width;
            y[2 * b] = h;
            y[2 * b + 1] = h;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }
}
