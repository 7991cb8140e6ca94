package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

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

/** {@code elbo4j fit linreg|logreg --method nuts}: the draws' summary, the R-hat/ESS table and the trace plots. */
class NutsFitCommandTest {

    private static Path linearData(Path dir) throws IOException {
        Random rng = new Random(1);
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 200; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            double y = 1.5 * x1 - 2 * x2 + 0.5 + 0.3 * rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.10f,%.10f,%.10f%n", x1, x2, y));
        }
        Path p = dir.resolve("lin.csv");
        Files.writeString(p, csv.toString());
        return p;
    }

    @Test
    void linearRegressionByNutsRecoversTheCoefficientsAndReportsConvergence(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit");
        CliRun r = CliRun.of("fit", "linreg", "--data", linearData(dir).toString(), "--target", "y", "--method", "nuts",
                "--steps", "600", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        // least-squares noise on 200 rows with sd 0.3 is about 0.02 per coefficient; 0.1 is 5 such errors
        assertThat(rows.get(1)).startsWith("x1,");
        assertThat(Double.parseDouble(rows.get(1).split(",")[1])).isCloseTo(1.5, offset(0.1));
        assertThat(Double.parseDouble(rows.get(2).split(",")[1])).isCloseTo(-2.0, offset(0.1));
        assertThat(rows.get(3)).startsWith("intercept,");
        assertThat(Double.parseDouble(rows.get(3).split(",")[1])).isCloseTo(0.5, offset(0.1));
        // sigma's posterior sits at the noise sd 0.3 (its sd ~ 0.3/sqrt(400) = 0.015)
        // (600 draws per chain: with 300 the largest of the 8 R-hats (bulk and tail) was 1.011, as expected
        // when the tail ESS is near 400, where R-hat's own spread is ~0.005)
        assertThat(rows.get(4)).startsWith("sigma,");
        assertThat(Double.parseDouble(rows.get(4).split(",")[1])).isCloseTo(0.3, offset(0.06));

        JsonNode doc = new ObjectMapper().readTree(out.resolve("posterior.json").toFile());
        assertThat(doc.get("method").asText()).startsWith("NUTS");
        assertThat(doc.get("verdict").get("level").asText()).as(doc.get("verdict").toString()).isEqualTo("GOOD");
        assertThat(doc.get("command").get("notes").get("divergences").asText()).isEqualTo("0");
        JsonNode draws = doc.get("command").get("arrays").get("nuts_draws");
        assertThat(draws.get("shape").toString()).isEqualTo("[4,600,4]");
        String page = Files.readString(out.resolve("report.html"));
        assertThat(page).contains("Convergence of the chains").contains("R-hat").contains("bulk ESS")
                .contains("Trace of x1").contains("Trace of sigma").contains("data:image/png;base64,");

        Path redrawn = dir.resolve("redrawn.html");
        CliRun report = CliRun.of("report", out.resolve("posterior.json").toString(), "--out", redrawn.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(redrawn)).contains("Convergence of the chains").contains("Trace of x2");
    }

    @Test
    void theSameSeedGivesTheSameSummaryForAnyThreadCount(@TempDir Path dir) throws IOException {
        Path data = linearData(dir);
        CliRun one = CliRun.of("fit", "linreg", "--data", data.toString(), "--target", "y", "--method", "nuts", "--steps", "60",
                "--threads", "1", "--out", dir.resolve("a").toString(), "--quiet");
        CliRun two = CliRun.of("fit", "linreg", "--data", data.toString(), "--target", "y", "--method", "nuts", "--steps", "60",
                "--threads", "2", "--out", dir.resolve("b").toString(), "--quiet");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(Files.readString(dir.resolve("b/summary.csv"))).isEqualTo(Files.readString(dir.resolve("a/summary.csv")));
    }

    @Test
    void tooFewDrawsToMixGiveAWarningVerdict(@TempDir Path dir) throws IOException {
        // 10 warm-up + 10 draws per chain: the ESS rule (100 per chain) cannot hold
        CliRun r = CliRun.of("fit", "logreg", "--data", linearDataAsBinary(dir).toString(), "--target", "y", "--method", "nuts",
                "--steps", "10", "--out", dir.resolve("fit").toString(), "--quiet", "--strict");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("smallest bulk ESS").contains("below 400");
    }

    @Test
    void helpNamesTheNutsMethod() {
        CliRun help = CliRun.of("fit", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("nuts samples the posterior with NUTS");
    }

    private static Path linearDataAsBinary(Path dir) throws IOException {
        Random rng = new Random(2);
        StringBuilder csv = new StringBuilder("x1,y\n");
        for (int i = 0; i < 100; i++) {
            double x = rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.10f,%d%n", x, rng.nextDouble() < 1 / (1 + Math.exp(-2 * x)) ? 1 : 0));
        }
        Path p = dir.resolve("bin.csv");
        Files.writeString(p, csv.toString());
        return p;
    }
}
