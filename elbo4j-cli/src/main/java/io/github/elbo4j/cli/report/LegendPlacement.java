package io.github.elbo4j.cli.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Puts a chart's legend where it covers no data: the first empty corner of the plot area (top
 * right, top left, bottom right, bottom left), else outside to the right. The legend's size is
 * measured with its font; the data are the series' segments (lines), points (scatter) and the
 * area under them (area series), in the plot's own coordinates.
 */
final class LegendPlacement {

    /** XChart's layout around the plot area of an 800×500 chart, in pixels, measured on our charts. */
    private static final double LEFT = 90;
    private static final double RIGHT = 15;
    private static final double TOP = 40;
    private static final double BOTTOM = 60;
    /** XChart maps the axis range onto the middle 92% of the plot area (its plotContentSize). */
    private static final double CONTENT = 0.92;
    /** Clear space kept between the legend box and any data, in pixels. */
    private static final double CLEARANCE = 8;

    private LegendPlacement() {
    }

    /** Sets the legend position of {@code chart}, whose axis ranges must already be set. */
    static void place(XYChart chart) {
        var styler = chart.getStyler();
        if (!styler.isLegendVisible() || chart.getSeriesMap().isEmpty()) {
            return;
        }
        double plotW = chart.getWidth() - LEFT - RIGHT;
        double plotH = chart.getHeight() - TOP - BOTTOM;
        double[] box = legendSize(chart);
        double pad = styler.getLegendPadding();
        double w = (box[0] + 2 * CLEARANCE) / plotW;
        double h = (box[1] + 2 * CLEARANCE) / plotH;
        double px = Math.max(0, pad - CLEARANCE) / plotW;
        double py = Math.max(0, pad - CLEARANCE) / plotH;
        // corners as [x0, y0, x1, y1] in plot fractions, y up
        double[][] corners = {
            {1 - px - w, 1 - py - h, 1 - px, 1 - py},
            {px, 1 - py - h, px + w, 1 - py},
            {1 - px - w, py, 1 - px, py + h},
            {px, py, px + w, py + h}};
        LegendPosition[] positions = {LegendPosition.InsideNE, LegendPosition.InsideNW, LegendPosition.InsideSE, LegendPosition.InsideSW};
        for (int c = 0; c < corners.length; c++) {
            if (!covered(chart, corners[c])) {
                styler.setLegendPosition(positions[c]);
                return;
            }
        }
        styler.setLegendPosition(LegendPosition.OutsideE);
    }

    /** Width and height of the legend box in pixels, from its font and labels. */
    private static double[] legendSize(XYChart chart) {
        Font font = chart.getStyler().getLegendFont();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double widest = 0;
        for (String name : chart.getSeriesMap().keySet()) {
            widest = Math.max(widest, font.getStringBounds(name, frc).getWidth());
        }
        double line = font.getSize2D() * 1.25;
        int n = chart.getSeriesMap().size();
        double padding = chart.getStyler().getLegendPadding();
        return new double[] {widest + chart.getStyler().getLegendSeriesLineLength() + 3 * padding, n * (line + padding) + padding};
    }

    private static boolean covered(XYChart chart, double[] box) {
        var s = chart.getStyler();
        double xMin = s.getXAxisMin();
        double xMax = s.getXAxisMax();
        double yMin = s.getYAxisMin();
        double yMax = s.getYAxisMax();
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (!series.isEnabled()) {
                continue;
            }
            double[] x = series.getXData();
            double[] y = series.getYData();
            int n = Math.min(x.length, y.length);
            double[] fx = new double[n];
            double[] fy = new double[n];
            for (int i = 0; i < n; i++) {
                fx[i] = (1 - CONTENT) / 2 + CONTENT * (x[i] - xMin) / (xMax - xMin);
                fy[i] = (1 - CONTENT) / 2 + CONTENT * (y[i] - yMin) / (yMax - yMin);
            }
            var style = series.getXYSeriesRenderStyle();
            boolean area = style == XYSeries.XYSeriesRenderStyle.Area || style == XYSeries.XYSeriesRenderStyle.StepArea;
            boolean points = style == XYSeries.XYSeriesRenderStyle.Scatter;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(fx[i]) || !Double.isFinite(fy[i])) {
                    continue;
                }
                if (inside(fx[i], fy[i], box)) {
                    return true;
                }
                if (area && segmentHits(fx[i], Math.max(0, fy[i]), fx[i], 0, box)) {
                    return true; // the filled part below the point
                }
                if (!points && i > 0 && Double.isFinite(fx[i - 1]) && Double.isFinite(fy[i - 1])) {
                    if (segmentHits(fx[i - 1], fy[i - 1], fx[i], fy[i], box)) {
                        return true;
                    }
                    if (area && fx[i - 1] < box[0] && fx[i] > box[2] && Math.min(fy[i - 1], fy[i]) > box[1]) {
                        return true; // the box sits inside one filled step
                    }
                }
            }
        }
        return false;
    }

    private static boolean inside(double x, double y, double[] b) {
        return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
    }

    /** Whether segment (x0, y0)–(x1, y1) meets box b, by Liang–Barsky clipping. */
    private static boolean segmentHits(double x0, double y0, double x1, double y1, double[] b) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - b[0], b[2] - x0, y0 - b[1], b[3] - y0};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }
}
