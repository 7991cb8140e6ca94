package io.github.elbo4j.cli.report;

import io.github.elbo4j.cli.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Small grey-level images (e.g. 28 × 28 digits) laid out in a grid of {@code rows × columns}
 * tiles, image {@code k} in row {@code k / columns}, column {@code k % columns}. A value {@code v}
 * in [0, 1] (a pixel probability) is drawn as grey level {@code 255 (1 - v)}: 1 is black ink, 0
 * white paper. Each image pixel becomes a {@code scale × scale} block; tiles are separated (and
 * framed) by a light grey line one image pixel wide, which also fills unused tiles. Written as PNG,
 * and as SVG holding that PNG (a vector drawing of every pixel would be megabytes).
 */
public final class ImageGrid {

    /** Grey level of the lines between tiles. */
    static final int LINE_GREY = 200;

    private final double[] values;
    private final int height;
    private final int width;
    private final int rows;
    private final int columns;
    private final int scale;

    private ImageGrid(double[] values, int height, int width, int rows, int columns, int scale) {
        this.values = values;
        this.height = height;
        this.width = width;
        this.rows = rows;
        this.columns = columns;
        this.scale = scale;
    }

    /**
     * A grid of the images in {@code values} (image after image, each {@code height × width} row by
     * row, at most {@code rows × columns} images, every value in [0, 1]), drawn at scale 1.
     */
    public static ImageGrid of(double[] values, int height, int width, int rows, int columns) {
        for (int[] a : new int[][] {{height, 0}, {width, 1}, {rows, 2}, {columns, 3}}) {
            if (a[0] < 1) {
                throw new IllegalArgumentException("ImageGrid " + new String[] {"height", "width", "rows", "columns"}[a[1]]
                        + " must be >= 1, got " + a[0]);
            }
        }
        int size = height * width;
        if (values.length % size != 0 || values.length / size > rows * columns) {
            throw new IllegalArgumentException("ImageGrid values must hold whole " + height + " × " + width + " images, at most " + rows
                    + " × " + columns + " of them (" + rows * columns * size + " values), got " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException("ImageGrid values must be in [0, 1], got " + values[i] + " at pixel " + i % size
                        + " of image " + i / size);
            }
        }
        return new ImageGrid(values.clone(), height, width, rows, columns, 1);
    }

    /** The same grid with each image pixel drawn as a {@code s × s} block. */
    public ImageGrid scale(int s) {
        if (s < 1 || s > 64) {
            throw new IllegalArgumentException("ImageGrid scale must be in 1..64, got " + s);
        }
        return new ImageGrid(values, height, width, rows, columns, s);
    }

    /** Width of the drawing in pixels: the tiles and a line before, between and after them. */
    public int pixelWidth() {
        return scale * (columns * (width + 1) + 1);
    }

    /** Height of the drawing in pixels. */
    public int pixelHeight() {
        return scale * (rows * (height + 1) + 1);
    }

    /** The drawing. */
    public BufferedImage image() {
        BufferedImage img = new BufferedImage(pixelWidth(), pixelHeight(), BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[pixelWidth()];
        java.util.Arrays.fill(row, LINE_GREY);
        var raster = img.getRaster();
        for (int y = 0; y < pixelHeight(); y++) {
            raster.setSamples(0, y, row.length, 1, 0, row);
        }
        int size = height * width;
        int[] block = new int[scale * scale];
        for (int k = 0; k < values.length / size; k++) {
            int left = scale * (1 + (k % columns) * (width + 1));
            int top = scale * (1 + (k / columns) * (height + 1));
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    java.util.Arrays.fill(block, (int) Math.round(255 * (1 - values[k * size + r * width + c])));
                    raster.setSamples(left + c * scale, top + r * scale, scale, scale, 0, block);
                }
            }
        }
        return img;
    }

    /** The drawing as PNG bytes. */
    public byte[] png() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG in memory", e);
        }
        return bytes.toByteArray();
    }

    /** An SVG document of the drawing's size holding the PNG, with {@code title} as its title. */
    public String svg(String title) {
        return svg(title, png());
    }

    private String svg(String title, byte[] png) {
        String t = HtmlReport.escape(title);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\""
                + pixelWidth() + "\" height=\"" + pixelHeight() + "\" viewBox=\"0 0 " + pixelWidth() + " " + pixelHeight() + "\">\n<title>" + t
                + "</title>\n<image x=\"0\" y=\"0\" width=\"" + pixelWidth() + "\" height=\"" + pixelHeight()
                + "\" style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                + "\"/>\n</svg>\n";
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}, each whole or not at all; returns the PNG bytes. */
    public byte[] save(Path dir, String name, String title) throws IOException {
        byte[] png = png();
        AtomicFile.write(dir.resolve(name + ".png"), png);
        AtomicFile.write(dir.resolve(name + ".svg"), svg(title, png));
        return png;
    }
}
