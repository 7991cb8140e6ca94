package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsvaeDemoTest {

    /** Small networks and two epochs: the files and the report, not the fit's quality. */
    private static final SsvaeDemo QUICK = new SsvaeDemo(new SsvaeDemo.Settings(32, 4, 2, 3e-3), new SsvaeDemo.Settings(32, 4, 1, 3e-3));

    @Test
    void runOnTheSampleWritesTheGridAndTheTwoAccuracies(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        QUICK.run(new DemoContext(dir, 3, new PrintWriter(text)));
        BufferedImage grid = ImageIO.read(dir.resolve("generated.png").toFile());
        // 10 classes (rows) by 8 styles (columns), scale × (tiles × (28 + 1) + 1)
        assertThat(new int[] {grid.getWidth(), grid.getHeight()}).containsExactly(3 * (8 * 29 + 1), 3 * (10 * 29 + 1));
        assertThat(dir.resolve("generated.svg")).isNotEmptyFile();
        assertThat(ImageIO.read(dir.resolve("objective.png").toFile())).isNotNull();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("100 labeled (10 per class), 1100 unlabeled, 300 test");
        Matcher m = Pattern.compile("test accuracy: M2 ([0-9.]+) %, the same classifier trained on the 100 labeled digits alone ([0-9.]+) %")
                .matcher(html);
        assertThat(m.find()).as(html).isTrue();
        // ten classes: chance is 10 %; even two epochs of the labeled digits alone do better
        assertThat(Double.parseDouble(m.group(2))).isBetween(15.0, 100.0);
        // seed 3, two epochs: M2 69.3 %, alone 26.7 %; an M2 that ignored the unlabeled digits (or reported the
        // classifier-only accuracy in its place) would not lead by 10 points
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(Double.parseDouble(m.group(2)) + 10);
        assertThat(text.toString()).contains("epoch  2: objective");
    }

    @Test
    void theLabeledDigitsAreTheFirstTenOfEachClassInTrainingOrder() {
        int[] labels = new int[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = (i * 7) % 10;
        }
        int[] train = java.util.stream.IntStream.range(0, 60).map(i -> 59 - i).toArray();
        int[] picks = SsvaeDemo.labeledPicks(labels, train, 2);
        assertThat(picks).hasSize(20);
        int[] perClass = new int[10];
        for (int i : picks) {
            perClass[labels[i]]++;
        }
        assertThat(perClass).containsOnly(2);
        // the first two of each class in training order (59, 58, ...), not in index order
        assertThat(picks[0]).isEqualTo(59);
        assertThat(Arrays.stream(picks).min().getAsInt()).isGreaterThanOrEqualTo(40);
    }
}
