package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeDemoTest {

    /** Two epochs and few draws: the files and the report, not the fit's quality. */
    private static final VaeDemo QUICK = new VaeDemo(new VaeDemo.Settings(2, 100, 3e-3, 2, 5), new VaeDemo.Settings(1, 100, 3e-3, 2, 5));

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("/%s/ in:%n%s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void runOnTheSampleWritesEveryPromisedFileAndReportsTheHeldOutLogLikelihood(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        QUICK.run(new DemoContext(dir, 3, new PrintWriter(text)));
        // grid sizes: scale × (tiles × (28 + 1) + 1)
        int[][] sizes = {{800, 500}, {3 * (10 * 29 + 1), 3 * (4 * 29 + 1)}, {3 * (8 * 29 + 1), 3 * (8 * 29 + 1)}, {800, 500},
            {2 * (12 * 29 + 1), 2 * (12 * 29 + 1)}};
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // XChart's SVG names the SVG 1.1 DTD: parse without fetching it
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        String[] names = {"elbo", "reconstructions", "samples", "latent", "manifold"};
        for (int i = 0; i < names.length; i++) {
            BufferedImage png = ImageIO.read(dir.resolve(names[i] + ".png").toFile());
            assertThat(png).as(names[i]).isNotNull();
            assertThat(new int[] {png.getWidth(), png.getHeight()}).as(names[i]).containsExactly(sizes[i]);
            var svg = xml.newDocumentBuilder().parse(dir.resolve(names[i] + ".svg").toFile());
            assertThat(svg.getDocumentElement().getTagName()).as(names[i]).isEqualTo("svg");
        }
        assertThat(dir.resolve(new VaeDemo().mainPlot())).exists();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("1200 train, 300 held out").contains("held-out log-likelihood per digit (IWAE bound, k = 5)");
        String num = "(-?[0-9]+\\.[0-9]+)";
        double elbo = number(html, "held-out ELBO per digit \\(2 draws\\): " + num + " \\(latent 20\\)");
        double logLik = number(html, "held-out log-likelihood per digit \\(IWAE bound, k = 5\\): " + num + " \\(latent 20\\)");
        // after 2 epochs both bounds are far above a fair coin per pixel (784 log 1/2 = -543.4) and below 0;
        // the 5-sample bound is above the ELBO by its gap, which after 2 epochs is several nats
        assertThat(elbo).isBetween(-784 * Math.log(2), 0.0);
        assertThat(logLik).isGreaterThan(elbo).isLessThan(0.0);
        assertThat(number(html, "fair coin scores 784 log 1/2 = " + num)).isCloseTo(-784 * Math.log(2), offset(0.005));
        assertThat(text.toString()).contains("epoch  2: training ELBO").contains("held-out log-likelihood per digit");
    }

    @Test
    void theSplitHoldsOutAFifthTheSameWayEveryTimeAndUsesEveryDigitOnce() {
        int[][] s = VaeDemo.split(1500, "x");
        assertThat(s[0]).hasSize(1200);
        assertThat(s[1]).hasSize(300);
        int[] all = java.util.stream.IntStream.concat(Arrays.stream(s[0]), Arrays.stream(s[1])).sorted().toArray();
        assertThat(all).isEqualTo(java.util.stream.IntStream.range(0, 1500).toArray());
        assertThat(VaeDemo.split(1500, "x")[1]).isEqualTo(s[1]);
        // a shuffle, not the last 300 rows
        assertThat(Arrays.stream(s[1]).filter(i -> i < 1200).count()).isGreaterThan(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VaeDemo.split(9, "few.csv"))
                .hasMessage("few.csv: 9 images; the demo needs at least 10 (a fifth is held out)");
    }

    @Test
    void reconstructionsShowTwoOfEachDigitInDigitOrderAndFillInForAMissingDigit() {
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = (i * 7) % 10; // every digit 4 times, shuffled
        }
        int[] held = java.util.stream.IntStream.range(0, 40).toArray();
        int[] picks = VaeDemo.reconstructionPicks(labels, held);
        assertThat(picks).hasSize(20).doesNotHaveDuplicates();
        for (int k = 0; k < 20; k++) {
            assertThat(labels[picks[k]]).as("tile %d", k).isEqualTo(k % 10);
        }
        for (int i = 0; i < 40; i++) {
            labels[i] = labels[i] == 3 ? 5 : labels[i]; // no 3 left
        }
        int[] again = VaeDemo.reconstructionPicks(labels, held);
        assertThat(again).hasSize(20).doesNotHaveDuplicates();
        assertThat(labels[again[4]]).isEqualTo(4);
        // tiles 0-2 took rows 0 (a 0), 3 (a 1) and 6 (a 2); the stand-in for 3 is the first unused row
        assertThat(again[3]).isEqualTo(1);
    }

    @Test
    void originalsSitAboveTheirReconstructions() {
        int p = DigitCsv.PIXELS;
        int n = 13;
        double[] x = new double[n * p];
        double[] rec = new double[n * p];
        for (int k = 0; k < n; k++) {
            x[k * p] = 1.0 / (k + 2);
            rec[k * p] = 1.0 / (k + 100);
        }
        double[] tiles = VaeDemo.originalsAboveReconstructions(x, rec);
        assertThat(tiles).hasSize(40 * p);
        for (int k = 0; k < n; k++) {
            int tile = (k / 10) * 20 + k % 10;
            assertThat(tiles[tile * p]).as("original %d", k).isEqualTo(x[k * p]);
            assertThat(tiles[(tile + 10) * p]).as("reconstruction %d below it", k).isEqualTo(rec[k * p]);
        }
        assertThat(tiles[33 * p]).as("an empty tile").isZero();
    }

    @Test
    void theLatentGridRunsLikeTheScatterPlotsAxes() {
        Tensor z = VaeCharts.latentGrid(3, 2.0);
        double[] v = z.toArray();
        assertThat(z.shape()).containsExactly(9, 2);
        assertThat(new double[] {v[0], v[1]}).as("top left").containsExactly(-2.0, 2.0);
        assertThat(new double[] {v[4], v[5]}).as("top right").containsExactly(2.0, 2.0);
        assertThat(new double[] {v[12], v[13]}).as("bottom left").containsExactly(-2.0, -2.0);
        assertThat(new double[] {v[8], v[9]}).as("centre").containsExactly(0.0, 0.0);
    }
}
