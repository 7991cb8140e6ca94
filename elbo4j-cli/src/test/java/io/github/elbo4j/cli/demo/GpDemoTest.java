package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpDemoTest {

    @Test
    void runWritesBothPlotsTheBandWidensInTheGapAndTheMoonsAreSeparated(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        new GpDemo().run(new DemoContext(dir, 42, new PrintWriter(text)));
        assertThat(ImageIO.read(dir.resolve("regression.png").toFile())).isNotNull();
        BufferedImage surface = ImageIO.read(dir.resolve("classification.png").toFile());
        assertThat(surface.getWidth()).isEqualTo(DecisionSurface.SIZE);
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        String out = text.toString();
        Matcher sd = Pattern.compile("in the gap \\|x\\| < 1: ([0-9.]+)\\s+on the data 1 < \\|x\\| < 5: ([0-9.]+)"
                + "\\s+outside \\|x\\| > 5: ([0-9.]+)").matcher(out);
        assertThat(sd.find()).as(out).isTrue();
        double gap = Double.parseDouble(sd.group(1));
        double onData = Double.parseDouble(sd.group(2));
        double outside = Double.parseDouble(sd.group(3));
        // a GP's epistemic sd grows away from the data: in the gap and beyond both ends
        assertThat(gap).isGreaterThan(2 * onData);
        assertThat(outside).isGreaterThan(2 * onData);
        Matcher acc = Pattern.compile("held-out accuracy ([0-9.]+), log predictive density (-?[0-9.]+)").matcher(out);
        assertThat(acc.find()).as(out).isTrue();
        // moons with noise 0.2 are separable to about 97% by the Bayes rule; a coin scores 0.5 and -0.693 nats
        assertThat(Double.parseDouble(acc.group(1))).isGreaterThan(0.93);
        assertThat(Double.parseDouble(acc.group(2))).isGreaterThan(-0.25);
    }

    @Test
    void theColourScaleRunsFromBlueThroughWhiteToRed() {
        assertThat(DecisionSurface.colour(0).getRGB()).isEqualTo(new java.awt.Color(0, 0, 255).getRGB());
        assertThat(DecisionSurface.colour(0.5).getRGB()).isEqualTo(java.awt.Color.WHITE.getRGB());
        assertThat(DecisionSurface.colour(1).getRGB()).isEqualTo(new java.awt.Color(255, 0, 0).getRGB());
    }
}
