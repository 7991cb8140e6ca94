package io.github.elbo4j.cli.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The house look of elbo4j's plots: one factory for line charts and density-normalized
 * histograms, and {@link #finish} (called by {@link ChartFiles} before drawing): axes that end on
 * round numbers, so the ticks fall on round numbers, and a legend that covers no data.
 */
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
        return c;
    }

    /**
     * Readies {@code chart} for drawing: each axis without an explicit range gets the data's range
     * widened to round numbers (a multiple of 1, 2 or 5 × 10^k, about ten intervals), then the legend
     * goes to the first corner it leaves all data visible in, or outside the plot.
     */
    public static void finish(XYChart chart) {
        if (chart.getSeriesMap().isEmpty()) {
            return;
        }
        double[] x = range(chart, true);
        double[] y = range(chart, false);
        var s = chart.getStyler();
        if (s.getXAxisMin() == null || s.getXAxisMax() == null) {
            double[] nice = roundRange(s.getXAxisMin() != null ? s.getXAxisMin() : x[0], s.getXAxisMax() != null ? s.getXAxisMax() : x[1]);
            s.setXAxisMin(nice[0]);
            s.setXAxisMax(nice[1]);
        }
        if (s.getYAxisMin() == null || s.getYAxisMax() == null) {
            double[] nice = roundRange(s.getYAxisMin() != null ? s.getYAxisMin() : y[0], s.getYAxisMax() != null ? s.getYAxisMax() : y[1]);
            s.setYAxisMin(nice[0]);
            s.setYAxisMax(nice[1]);
        }
        LegendPlacement.place(chart);
        offGridPoint(chart);
    }

    /**
     * XChart puts the x ticks on the data's own x values (0, 106, 212, ... or -1.19, -0.79, ...)
     * whenever all the x values of all series are equally spaced. An invisible point between the
     * first two of them (y = NaN draws nothing) breaks the spacing, and the ticks go back to round
     * steps. Not for a short run of whole numbers (a few iterations or sweeps): there the data's own
     * values are the round ticks, and round steps would be halves (0.5, 1.5, ...).
     */
    private static void offGridPoint(XYChart chart) {
        String name = " ";
        if (chart.getSeriesMap().containsKey(name)) {
            return;
        }
        double[] x = chart.getSeriesMap().values().iterator().next().getXData();
        if (x.length < 2 || fewWholeNumbers(x)) {
            return;
        }
        XYSeries hidden = chart.addSeries(name, new double[] {0.5 * (x[0] + x[1])}, new double[] {Double.NaN});
        hidden.setMarker(SeriesMarkers.NONE);
        hidden.setShowInLegend(false);
    }

    /** True for at most 12 equally spaced whole numbers one apart (x ticks at each of them stay readable). */
    static boolean fewWholeNumbers(double[] x) {
        if (x.length > 12) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] != Math.rint(x[i]) || (i > 0 && x[i] - x[i - 1] != 1)) {
                return false;
            }
        }
        return true;
    }

    /** Finite min and max over every series' x (or y) values. */
    private static double[] range(XYChart chart, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        return lo == hi ? new double[] {lo - 0.5, hi + 0.5} : new double[] {lo, hi};
    }

    /** {@code [lo, hi]} widened to multiples of a round step (1, 2 or 5 × 10^k) giving 5 to 12 intervals. */
    static double[] roundRange(double lo, double hi) {
        double step = roundStep((hi - lo) / 10);
        // a bound within a millionth of a step of a multiple is that multiple (0.999 stays below 1)
        double a = Math.floor(lo / step + 1e-6) * step;
        double b = Math.ceil(hi / step - 1e-6) * step;
        return new double[] {a + 0.0, b + 0.0}; // + 0.0 turns -0.0 into 0.0
    }

    /** The smallest of 1, 2, 5 × 10^k that is at least {@code raw}. */
    static double roundStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /**
     * Sets the y range of an ELBO chart so the whole run reads: from the lowest value after the
     * first tenth of each trace (the first steps, often far below, are cut at the bottom) to the
     * highest value, widened to round numbers. Returns whether any value was cut.
     */
    public static boolean elboRange(XYChart chart, double[]... traces) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double all = Double.POSITIVE_INFINITY;
        for (double[] t : traces) {
            int skip = t.length / 10;
            for (int i = 0; i < t.length; i++) {
                if (!Double.isFinite(t[i])) {
                    continue;
                }
                all = Math.min(all, t[i]);
                hi = Math.max(hi, t[i]);
                if (i >= skip) {
                    lo = Math.min(lo, t[i]);
                }
            }
        }
        if (!(lo < hi)) {
            return false;
        }
        double margin = 0.05 * (hi - lo);
        double[] nice = roundRange(lo - margin, hi + margin);
        chart.getStyler().setYAxisMin(nice[0]);
        chart.getStyler().setYAxisMax(nice[1]);
        return all < nice[0];
    }

    /** Draws {@code s} dashed, so a curve that coincides with one drawn before it stays visible on top. */
    public static XYSeries dashed(XYSeries s) {
        s.setLineStyle(new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f,
                new float[] {7f, 5f}, 0f));
        return s;
    }

    /** Draws {@code s} as a wide light line, so curves drawn over it stay visible. */
    public static XYSeries wide(XYSeries s) {
        s.setLineStyle(new java.awt.BasicStroke(5f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
        return s;
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
