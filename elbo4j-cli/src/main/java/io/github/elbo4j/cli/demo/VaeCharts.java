package io.github.elbo4j.cli.demo;

import io.github.elbo4j.amortized.VaeFit;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.tensor.Tensor;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts of {@link VaeDemo}: ELBO per epoch, and the 2-D latent space coloured by digit. */
final class VaeCharts {

    /** Ten distinguishable colours, one per digit (Tableau 10, matplotlib's default cycle). */
    static final Color[] DIGIT_COLOURS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189),
        new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private VaeCharts() {
    }

    /** Training and held-out ELBO per digit after each epoch, for both models; the first epochs' low values may be cut. */
    static XYChart elbo(VaeFit big, VaeFit small) {
        XYChart c = Charts.lines("ELBO per digit", "epoch", "ELBO per digit (nats)");
        double[][] traces = new double[4][];
        VaeFit[] fits = {big, small};
        for (int m = 0; m < 2; m++) {
            VaeFit f = fits[m];
            String latent = m == 0 ? "20-D latent" : "2-D latent";
            double[] epochs = new double[f.history().epochs()];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e + 1;
            }
            traces[2 * m] = f.trainElboPerDatum();
            traces[2 * m + 1] = f.history().heldOut();
            Charts.line(c, latent + ", training", epochs, traces[2 * m]).setLineColor(Charts.PALETTE[m]);
            Charts.dashed(Charts.line(c, latent + ", held-out (dashed)", epochs, traces[2 * m + 1])).setLineColor(Charts.PALETTE[m]);
        }
        if (Charts.elboRange(c, traces)) {
            c.setTitle("ELBO per digit (the first epochs' lower values are cut)");
        }
        return c;
    }

    /** The encoder means {@code (z1, z2)} of digits ({@code means} as {@code [n, 2]} row-major) coloured by {@code labels}. */
    static XYChart latent(double[] means, int[] labels) {
        XYChart c = Charts.lines("The 2-D latent space: encoder means by digit", "z1", "z2");
        c.getStyler().setMarkerSize(5);
        for (int d = 0; d < 10; d++) {
            int count = 0;
            for (int label : labels) {
                count += label == d ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            double[] x = new double[count];
            double[] y = new double[count];
            int k = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == d) {
                    x[k] = means[2 * i];
                    y[k] = means[2 * i + 1];
                    k++;
                }
            }
            XYSeries s = c.addSeries(String.valueOf(d), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Charts.translucent(DIGIT_COLOURS[d], 170));
        }
        return c;
    }

    /**
     * The points of an {@code m × m} grid over {@code [-r, r]²} as {@code [m², 2]}, in the order an
     * image grid draws its tiles: row i (top to bottom) has {@code z2 = r - 2ri/(m-1)}, column j (left
     * to right) {@code z1 = -r + 2rj/(m-1)}, so the picture has the axes of the scatter plot.
     */
    static Tensor latentGrid(int m, double r) {
        double[] z = new double[2 * m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                z[2 * (i * m + j)] = -r + 2 * r * j / (m - 1);
                z[2 * (i * m + j) + 1] = r - 2 * r * i / (m - 1);
            }
        }
        return Tensor.of(z, m * m, 2);
    }
}
