package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowsDemoTest {

    /** Depths 1 and 2, 300 steps, 4,000 draws: the files, the report, and an ELBO of a normalized target (at most 0) per depth. */
    private static final FlowsDemo QUICK = new FlowsDemo(new FlowsDemo.Settings(new int[] {1, 2}, 300, 4000));

    @Test
    void runWritesThePanelsTheElboChartAndTheReport(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        QUICK.run(new DemoContext(dir, 1, new PrintWriter(text)));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        int[][] sizes = {{DensityPanels.width(3), DensityPanels.height()}, {800, 500}};
        String[] names = {"densities", "elbo"};
        for (int i = 0; i < names.length; i++) {
            BufferedImage png = ImageIO.read(dir.resolve(names[i] + ".png").toFile());
            assertThat(png).as(names[i]).isNotNull();
            assertThat(new int[] {png.getWidth(), png.getHeight()}).as(names[i]).containsExactly(sizes[i]);
            assertThat(xml.newDocumentBuilder().parse(dir.resolve(names[i] + ".svg").toFile()).getDocumentElement().getTagName())
                    .isEqualTo("svg");
        }
        assertThat(dir.resolve(new FlowsDemo().mainPlot())).exists();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Normalizing flows of increasing depth").contains("<td>1</td>").contains("<td>2</td>");
        // the target is normalized: every ELBO is -KL(q || p) <= 0, up to its Monte Carlo error (about 0.005 with 20,000 draws)
        Matcher m = Pattern.compile("\\n\\s+([12])\\s+(-?[0-9]+\\.[0-9]+)").matcher(text.toString());
        int found = 0;
        while (m.find()) {
            assertThat(Double.parseDouble(m.group(2))).as("ELBO at depth %s", m.group(1)).isLessThan(0.02).isGreaterThan(-1.0);
            found++;
        }
        assertThat(found).as("rows in:%n%s", text).isEqualTo(2);
    }

    @Test
    void theTargetDensityIsTheBananaAndIntegratesToOne() {
        double h = 0.02;
        double total = 0;
        for (double x1 = -8 + h / 2; x1 < 8; x1 += h) {
            for (double x2 = -10 + h / 2; x2 < 70; x2 += h) {
                total += Math.exp(FlowsDemo.logTarget(x1, x2)) * h * h;
            }
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
}
