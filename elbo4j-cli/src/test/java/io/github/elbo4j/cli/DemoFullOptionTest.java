package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code elbo4j demo vae --full FILE}: training on a given file, and the refusals of a bad one. */
class DemoFullOptionTest {

    /** The first {@code rows} images of the bundled sample as a plain CSV file, with {@code edit} applied to its text. */
    private static Path sampleFile(Path dir, int rows, java.util.function.UnaryOperator<String> edit) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(io.github.elbo4j.cli.demo.VaeDemo.class.getResourceAsStream("mnist-sample.csv.gz"));
             var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.US_ASCII))) {
            List<String> lines = r.lines().limit(rows + 1).toList();
            Path f = dir.resolve("digits.csv");
            Files.writeString(f, edit.apply(String.join("\n", lines) + "\n"));
            return f;
        }
    }

    @Test
    void vaeFullTrainsOnTheGivenFile(@TempDir Path dir) throws IOException {
        Path data = sampleFile(dir, 50, s -> s);
        CliRun r = CliRun.of("demo", "vae", "--full", data.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("data: " + data + ", 50 digits binarized at 128; 40 train, 10 held out")
                .contains("Adam 0.001, batch 128, 20 epochs").contains("epoch 20:");
        assertThat(dir.resolve("out").resolve("vae").resolve("report.html")).content().contains("50 digits");
    }

    @Test
    void vaeFullRefusesAMalformedFileNamingTheLineAndWritesNothing(@TempDir Path dir) throws IOException {
        Path data = sampleFile(dir, 5, s -> s.replace("\n3,", "\n3,x"));
        CliRun r = CliRun.of("demo", "vae", "--full", data.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("elbo4j demo: " + data + ":5: column 2 (p0) must be an integer 0..255, got 'x0'" + System.lineSeparator());
        assertThat(dir.resolve("out").resolve("vae").resolve("report.html")).doesNotExist();
    }

    @Test
    void fullIsRefusedForAMissingFileAndForDemosThatReadNoData(@TempDir Path dir) throws IOException {
        Path data = sampleFile(dir, 20, s -> s);
        CliRun gmm = CliRun.of("demo", "gmm", "--full", data.toString(), "--out", dir.resolve("out").toString());
        assertThat(gmm.exitCode()).isEqualTo(2);
        assertThat(gmm.err()).contains("--full " + data + ": only the demos that read a data file take one (vae, ssvae), not gmm");
        CliRun missing = CliRun.of("demo", "vae", "--full", dir.resolve("nope.csv").toString(), "--out", dir.resolve("out").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--full " + dir.resolve("nope.csv") + ": no such file");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
