package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code elbo4j fit gp}: on {@code y = sin(2 x1) + N(0, 0.1²)} with an irrelevant second feature,
 * the SE-ARD kernel must learn a short lengthscale for {@code x1} and a long one for {@code x2}
 * (automatic relevance determination), a noise variance near 0.01, and write the predictions.
 */
class GpFitCommandTest {

    private static Path data(Path dir, int n) throws IOException {
        Random rng = new Random(3);
        StringBuilder s = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < n; i++) {
            double x1 = -3 + 6 * rng.nextDouble();
            double x2 = -3 + 6 * rng.nextDouble();
            s.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", x1, x2, Math.sin(2 * x1) + 0.1 * rng.nextGaussian()));
        }
        Path csv = dir.resolve("gp.csv");
        Files.writeString(csv, s.toString());
        return csv;
    }

    @Test
    void theArdKernelFindsTheRelevantFeatureAndTheNoise(@TempDir Path dir) throws IOException {
        Path csv = data(dir, 400);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("fit", "gp", "--data", csv.toString(), "--target", "y", "--out", out.toString(), "--quiet",
                "--steps", "150", "--components", "25", "--batch-size", "100", "--lr", "0.03");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        double l1 = value(summary, "lengthscale[x1]");
        double l2 = value(summary, "lengthscale[x2]");
        double noise = value(summary, "noise variance");
        assertThat(l1).isBetween(0.2, 1.0);
        assertThat(l2).isGreaterThan(3 * l1);
        // 400 points: the noise variance's own sampling sd is about 0.01 · √(2/400) = 0.0007
        assertThat(noise).isBetween(0.007, 0.014);
        JsonNode doc = new ObjectMapper().readTree(out.resolve("posterior.json").toFile());
        assertThat(doc.toString()).contains("prediction_mean").contains("prediction_sd_f").contains("prediction_sd_y");
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void moreInducingInputsThanRowsIsBadInput(@TempDir Path dir) throws IOException {
        Path csv = data(dir, 10);
        CliRun r = CliRun.of("fit", "gp", "--data", csv.toString(), "--target", "y", "--out", dir.resolve("out").toString(),
                "--quiet", "--components", "11");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("elbo4j fit: gp --components (inducing inputs) = 11 must be <= the 10 rows");
        CliRun noTarget = CliRun.of("fit", "gp", "--data", csv.toString(), "--out", dir.resolve("o2").toString(), "--quiet");
        assertThat(noTarget.err().trim()).isEqualTo("elbo4j fit: gp needs --target COLUMN (the response)");
    }

    private static double value(List<String> csv, String name) {
        String[] header = csv.get(0).split(",");
        int col = List.of(header).indexOf("mean");
        for (String line : csv) {
            if (line.startsWith(name + ",") || line.startsWith("\"" + name + "\",")) {
                return Double.parseDouble(line.substring(line.indexOf(name) + name.length()).replaceFirst("^\"?,", "")
                        .split(",")[col - 1]);
            }
        }
        throw new AssertionError(name + " not in " + csv);
    }
}
