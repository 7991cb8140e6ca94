package io.github.elbo4j.cli.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A classifier's probability surface over a box as an image: each pixel coloured from blue
 * ({@code p = 0}) through white ({@code 0.5}) to red ({@code 1}), the 0.5 contour in black, the
 * training points as dots in their class colour (ringed in white) and the inducing inputs as black crosses.
 */
final class DecisionSurface {

    static final int SIZE = 420;

    private DecisionSurface() {
    }

    /**
     * The image of {@code probability} ({@code grid × grid} values, row-major with {@code y} rising
     * upwards from row 0 = bottom) over {@code box = {xLo, xHi, yLo, yHi}}.
     */
    static BufferedImage image(double[] probability, int grid, double[] box, double[][] points, double[] labels,
            double[][] inducing, String title) {
        BufferedImage img = new BufferedImage(SIZE, SIZE + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE + 30);
        for (int py = 0; py < SIZE; py++) {
            for (int px = 0; px < SIZE; px++) {
                int i = Math.min(grid - 1, px * grid / SIZE);
                int j = Math.min(grid - 1, (SIZE - 1 - py) * grid / SIZE);
                double p = probability[j * grid + i];
                boolean edge = i + 1 < grid && (probability[j * grid + i + 1] - 0.5) * (p - 0.5) < 0
                        || j + 1 < grid && (probability[(j + 1) * grid + i] - 0.5) * (p - 0.5) < 0;
                img.setRGB(px, py + 30, edge ? 0 : colour(p).getRGB());
            }
        }
        for (int k = 0; k < points.length; k++) {
            int px = toPixel(points[k][0], box[0], box[1]);
            int py = SIZE - toPixel(points[k][1], box[2], box[3]) + 30;
            g.setColor(Color.WHITE);
            g.fillOval(px - 4, py - 4, 8, 8);
            g.setColor(labels[k] > 0.5 ? new Color(150, 0, 0) : new Color(0, 0, 150));
            g.fillOval(px - 3, py - 3, 6, 6);
        }
        g.setColor(Color.BLACK);
        for (double[] z : inducing) {
            int px = toPixel(z[0], box[0], box[1]);
            int py = SIZE - toPixel(z[1], box[2], box[3]) + 30;
            g.drawLine(px - 5, py - 5, px + 5, py + 5);
            g.drawLine(px - 5, py + 5, px + 5, py - 5);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(title, 8, 20);
        g.dispose();
        return img;
    }

    private static int toPixel(double v, double lo, double hi) {
        return (int) Math.round((v - lo) / (hi - lo) * (SIZE - 1));
    }

    /** Blue at 0, white at 0.5, red at 1. */
    static Color colour(double p) {
        double t = Math.max(0, Math.min(1, p));
        if (t < 0.5) {
            int c = (int) Math.round(255 * 2 * t);
            return new Color(c, c, 255);
        }
        int c = (int) Math.round(255 * 2 * (1 - t));
        return new Color(255, c, c);
    }
}
