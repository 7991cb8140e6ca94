package io.github.elbo4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * ImageGrid on a grid of 2 rows × 3 columns of 4 × 5 images (neither the grid nor the images
 * square, so a transposed grid or a transposed image puts the ink elsewhere), drawn at scale 2.
 */
class ImageGridTest {

    private static final int H = 4;
    private static final int W = 5;

    /** Six blank images with one ink pixel: image {@code k}, row {@code r}, column {@code c} set to {@code v}. */
    private static double[] oneInk(int k, int r, int c, double v) {
        double[] x = new double[6 * H * W];
        x[k * H * W + r * W + c] = v;
        return x;
    }

    private static BufferedImage decode(byte[] png) throws java.io.IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void aValueOfOneIsABlackBlockAtItsTileRowAndColumnAndNowhereElse() throws Exception {
        // image 4 is in grid row 1, column 1; its pixel (row 3, column 1)
        ImageGrid g = ImageGrid.of(oneInk(4, 3, 1, 1.0), H, W, 2, 3).scale(2);
        BufferedImage img = decode(g.png());
        assertThat(img.getWidth()).isEqualTo(2 * (3 * (W + 1) + 1)).isEqualTo(g.pixelWidth());
        assertThat(img.getHeight()).isEqualTo(2 * (2 * (H + 1) + 1)).isEqualTo(g.pixelHeight());
        int left = 2 * (1 + 1 * (W + 1) + 1);
        int top = 2 * (1 + 1 * (H + 1) + 3);
        int black = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int grey = img.getRaster().getSample(x, y, 0);
                boolean inBlock = x >= left && x < left + 2 && y >= top && y < top + 2;
                if (inBlock) {
                    assertThat(grey).as("(%d, %d)", x, y).isZero();
                }
                black += grey == 0 ? 1 : 0;
            }
        }
        assertThat(black).isEqualTo(4);
    }

    @Test
    void tilesArePaperWhiteAndFramedByGreyLinesAndGreyLevelsFollowTheValue() throws Exception {
        double[] x = oneInk(0, 0, 0, 0.25);
        BufferedImage img = decode(ImageGrid.of(x, H, W, 2, 3).png());
        assertThat(img.getRaster().getSample(0, 0, 0)).isEqualTo(ImageGrid.LINE_GREY);
        assertThat(img.getRaster().getSample(1, 1, 0)).isEqualTo(Math.round(255 * 0.75));
        assertThat(img.getRaster().getSample(2, 1, 0)).isEqualTo(255);
        assertThat(img.getRaster().getSample(1 + W, 1, 0)).as("the line after the first tile").isEqualTo(ImageGrid.LINE_GREY);
    }

    @Test
    void unusedTilesAreFilledWithTheLineGrey() throws Exception {
        double[] four = new double[4 * H * W];
        BufferedImage img = decode(ImageGrid.of(four, H, W, 2, 3).png());
        // tile 5 (row 1, column 2) is unused; tile 3 (row 1, column 0) is a white image
        assertThat(img.getRaster().getSample(1 + 2 * (W + 1), 1 + (H + 1), 0)).isEqualTo(ImageGrid.LINE_GREY);
        assertThat(img.getRaster().getSample(1, 1 + (H + 1), 0)).isEqualTo(255);
    }

    @Test
    void valuesOutsideTheUnitIntervalAndTooManyImagesAreRefused() {
        double[] x = oneInk(2, 0, 3, 1.5);
        assertThatThrownBy(() -> ImageGrid.of(x, H, W, 2, 3)).hasMessage("ImageGrid values must be in [0, 1], got 1.5 at pixel 3 of image 2");
        assertThatThrownBy(() -> ImageGrid.of(new double[7 * H * W], H, W, 2, 3))
                .hasMessageContaining("at most 2 × 3 of them (120 values), got 140 values");
        assertThatThrownBy(() -> ImageGrid.of(new double[H * W + 1], H, W, 2, 3)).hasMessageContaining("whole 4 × 5 images");
        assertThatThrownBy(() -> ImageGrid.of(new double[H * W], H, W, 0, 3)).hasMessage("ImageGrid rows must be >= 1, got 0");
    }

    @Test
    void saveWritesThePngAndAnSvgOfTheSameSizeHoldingIt(@TempDir Path dir) throws Exception {
        ImageGrid g = ImageGrid.of(oneInk(1, 2, 4, 1.0), H, W, 2, 3).scale(3);
        byte[] png = g.save(dir, "grid", "a <test> grid");
        assertThat(Files.readAllBytes(dir.resolve("grid.png"))).isEqualTo(png);
        Element svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("grid.svg").toFile()).getDocumentElement();
        assertThat(svg.getTagName()).isEqualTo("svg");
        assertThat(svg.getAttribute("width")).isEqualTo(String.valueOf(g.pixelWidth()));
        assertThat(svg.getAttribute("height")).isEqualTo(String.valueOf(g.pixelHeight()));
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("a <test> grid");
        String href = ((Element) svg.getElementsByTagName("image").item(0)).getAttribute("xlink:href");
        assertThat(href).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(href.substring("data:image/png;base64,".length()))).isEqualTo(png);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("grid.png", "grid.svg");
        }
    }
}
