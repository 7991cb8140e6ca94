package io.github.elbo4j.cli.demo;

import io.github.elbo4j.cli.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import javax.imageio.ImageIO;

/**
 * Square panels side by side, each a heat map of a 2-D histogram of draws (white at zero, dark
 * blue at the panel's largest count) over {@code [xLo, xHi] × [yLo, yHi]}, with the contours of a
 * target log density at its maximum minus 1, 3 and 6 nats drawn in red, and a caption above.
 * Written as PNG, and as SVG holding that PNG (as {@code ImageGrid} does).
 */
final class DensityPanels {

    static final int PANEL = 240;
    static final int CAPTION = 22;
    static final int GAP = 8;
    static final double[] LEVELS = {1, 3, 6};

    private DensityPanels() {
    }

    /** One panel: draws as {@code x} and {@code y} columns (null for the target alone) and its caption. */
    record Panel(double[] x, double[] y, String caption) {
    }

    /** The width of {@code n} panels in pixels. */
    static int width(int n) {
        return GAP + n * (PANEL + GAP);
    }

    /** The height in pixels. */
    static int height() {
        return GAP + CAPTION + PANEL + GAP;
    }

    /** The drawing of {@code panels} over the box, with the contours of {@code logTarget} on each. */
    static BufferedImage image(List<Panel> panels, double[] box, DoubleBinaryOperator logTarget) {
        int n = panels.size();
        BufferedImage img = new BufferedImage(width(n), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        double[][] target = new double[PANEL][PANEL];
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < PANEL; r++) {
            for (int c = 0; c < PANEL; c++) {
                target[r][c] = logTarget.applyAsDouble(box[0] + (c + 0.5) / PANEL * (box[1] - box[0]),
                        box[3] - (r + 0.5) / PANEL * (box[3] - box[2]));
                max = Math.max(max, target[r][c]);
            }
        }
        for (int k = 0; k < n; k++) {
            Panel p = panels.get(k);
            int left = GAP + k * (PANEL + GAP);
            int top = GAP + CAPTION;
            if (p.x() != null) {
                heat(img, left, top, p, box);
            }
            for (int r = 0; r < PANEL; r++) {
                for (int c = 0; c < PANEL; c++) {
                    if (onContour(target, r, c, max)) {
                        img.setRGB(left + c, top + r, new Color(214, 39, 40).getRGB());
                    }
                }
            }
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left - 1, top - 1, PANEL + 1, PANEL + 1);
            g.setColor(Color.BLACK);
            g.drawString(p.caption(), left, GAP + CAPTION - 6);
        }
        g.dispose();
        return img;
    }

    /** Whether a contour level lies between this pixel's target value and its right or lower neighbour's. */
    private static boolean onContour(double[][] t, int r, int c, double max) {
        for (double level : LEVELS) {
            double v = max - level;
            if ((c + 1 < PANEL && (t[r][c] - v) * (t[r][c + 1] - v) <= 0 && t[r][c] != t[r][c + 1])
                    || (r + 1 < PANEL && (t[r][c] - v) * (t[r + 1][c] - v) <= 0 && t[r][c] != t[r + 1][c])) {
                return true;
            }
        }
        return false;
    }

    private static void heat(BufferedImage img, int left, int top, Panel p, double[] box) {
        int bins = PANEL / 3;
        double[][] counts = new double[bins][bins];
        double most = 0;
        for (int i = 0; i < p.x().length; i++) {
            int c = (int) Math.floor((p.x()[i] - box[0]) / (box[1] - box[0]) * bins);
            int r = (int) Math.floor((box[3] - p.y()[i]) / (box[3] - box[2]) * bins);
            if (c >= 0 && c < bins && r >= 0 && r < bins) {
                counts[r][c]++;
                most = Math.max(most, counts[r][c]);
            }
        }
        for (int r = 0; r < PANEL; r++) {
            for (int c = 0; c < PANEL; c++) {
                double v = most == 0 ? 0 : counts[r * bins / PANEL][c * bins / PANEL] / most;
                img.setRGB(left + c, top + r, new Color(lerp(255, 8, v), lerp(255, 48, v), lerp(255, 107, v)).getRGB());
            }
        }
    }

    private static int lerp(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg} (the PNG inside); returns the PNG bytes. */
    static byte[] save(BufferedImage img, Path dir, String name, String title) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG in memory", e);
        }
        byte[] png = bytes.toByteArray();
        int w = img.getWidth();
        int h = img.getHeight();
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h
                + "\">\n<title>" + title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</title>\n<image x=\"0\" y=\"0\" width=\"" + w + "\" height=\"" + h
                + "\" xlink:href=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"/>\n</svg>\n";
        AtomicFile.write(dir.resolve(name + ".png"), png);
        AtomicFile.write(dir.resolve(name + ".svg"), svg);
        return png;
    }
}
