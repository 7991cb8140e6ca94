package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BnnDemoTest {

    @Test
    void runWritesTheBandsAndTheReliabilityDiagram(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        new BnnDemo(400, 3).run(new DemoContext(dir, 5, new PrintWriter(text)));
        assertThat(ImageIO.read(dir.resolve("bands.png").toFile())).isNotNull();
        assertThat(dir.resolve("bands.svg")).isNotEmptyFile();
        assertThat(ImageIO.read(dir.resolve("reliability.png").toFile())).isNotNull();
        assertThat(ImageIO.read(dir.resolve("epistemic-sd.png").toFile())).isNotNull();
        String html = Files.readString(dir.resolve("report.html"));
        for (String name : new String[] {"Bayes by Backprop", "matrix Gaussian"}) {
            Matcher m = Pattern.compile(name + "\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)").matcher(html);
            assertThat(m.find()).as(html).isTrue();
            double onData = Double.parseDouble(m.group(2));
            double outside = Double.parseDouble(m.group(3));
            // far from the data the weights are unconstrained: the epistemic band must be wider there than on the data
            assertThat(outside).as(name).isGreaterThan(2 * onData);
        }
        assertThat(text.toString()).contains("MC dropout (p = 0.1)");
        // the digits after 3 epochs on 1,200 (measured 2026-12-07: accuracy 0.857-0.863, ECE 0.066-0.245 with MC
        // dropout the least calibrated, NLL 0.44-0.66 per digit): accuracy far above guessing (0.1), an ECE that a
        // network at this accuracy reaches (an ECE from unnormalized scores or swapped bins lands far above 0.35), and
        // an NLL far below the log 10 = 2.30 of a uniform guess
        String digits = text.toString().substring(text.toString().indexOf("digits:"));
        for (String name : new String[] {"Bayes by Backprop", "matrix Gaussian", "MC dropout", "plain network"}) {
            Matcher m = Pattern.compile("\\n" + name + "\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)").matcher(digits);
            assertThat(m.find()).as(digits).isTrue();
            assertThat(Double.parseDouble(m.group(1))).as(name + " accuracy").isGreaterThan(0.75);
            assertThat(Double.parseDouble(m.group(2))).as(name + " ECE").isBetween(0.0, 0.35);
            assertThat(Double.parseDouble(m.group(3))).as(name + " NLL").isLessThan(1.0);
        }
    }

    @Test
    void theDataHaveAGapAndFollowTheCubic() {
        Tensor[] d = BnnDemo.gapData(500, RandomStream.of(1));
        double[] x = d[0].toArray();
        double[] y = d[1].toArray();
        double sq = 0;
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.abs(x[i])).isBetween(1.0, 4.0);
            double r = y[i] - x[i] * x[i] * x[i] / 20;
            sq += r * r;
        }
        // residual sd 0.15 within Monte Carlo error (se of the variance ≈ 0.0225 √(2/500) = 0.0014)
        assertThat(Math.sqrt(sq / x.length)).isBetween(0.135, 0.165);
        assertThat(x[0]).isNegative();
        assertThat(x[499]).isPositive();
    }

    @Test
    void theTableAveragesTheSdOverTheGapTheDataAndOutside() {
        double[] grid = {-5, -2, 0, 0.5, 2, 5};
        double[] sd = {1, 2, 3, 5, 4, 7};
        String row = BnnDemo.line("m", grid, sd);
        assertThat(row).contains("4.0000").contains("3.0000").contains("4.0000");
        assertThat(row.trim().split("\\s+")).containsExactly("m", "4.0000", "3.0000", "4.0000");
    }
}
