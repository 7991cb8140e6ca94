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
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code elbo4j fit linreg|logreg --method pathfinder|svgd}. */
class FitLogDensityMethodsTest {

    /** 200 rows of {@code y = 1.5 x1 - 2 x2 + 0.5 + N(0, 0.3²)}. */
    private static Path linearData(Path dir) throws IOException {
        Random rng = new Random(1);
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 200; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.10f,%.10f,%.10f%n", x1, x2, 1.5 * x1 - 2 * x2 + 0.5 + 0.3 * rng.nextGaussian()));
        }
        Path p = dir.resolve("lin.csv");
        Files.writeString(p, csv.toString());
        return p;
    }

    private static double mean(List<String> rows, int row) {
        return Double.parseDouble(rows.get(row).split(",")[1]);
    }

    /**
     * Pathfinder on the linear regression: the coefficients within 0.1 of the truth (least-squares
     * noise on 200 rows with sd 0.3 is about 0.02 per coefficient, so 0.1 is 5 such errors), and the
     * report's notes carry the k-hat of the pooled draws and the chosen iterates.
     */
    @Test
    void pathfinderFitsTheLinearRegressionAndReportsItsParetoK(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("pf");
        CliRun r = CliRun.of("fit", "linreg", "--data", linearData(dir).toString(), "--target", "y", "--method", "pathfinder",
                "--paths", "2", "--out", out.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(rows.get(1)).startsWith("x1,");
        assertThat(mean(rows, 1)).isCloseTo(1.5, Offset.offset(0.1));
        assertThat(mean(rows, 2)).isCloseTo(-2.0, Offset.offset(0.1));
        assertThat(mean(rows, 3)).isCloseTo(0.5, Offset.offset(0.1));
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("method").asText()).startsWith("Pathfinder, 2 path(s)");
        double k = doc.path("diagnostics").path("paretoK").asDouble();
        assertThat(doc.path("command").path("notes").path("Pareto k-hat").asText())
                .startsWith(String.format(Locale.ROOT, "%.3f (2000 draws of q)", k));
        assertThat(doc.path("command").path("notes").path("note 1").asText()).startsWith("path 0: L-BFGS");
        assertThat(doc.path("posterior").path("type").asText()).isEqualTo("draws");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Pareto k-hat");
        Path page = dir.resolve("redrawn.html");
        CliRun report = CliRun.of("report", out.resolve("posterior.json").toString(), "--out", page.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
    }

    /**
     * SVGD on a logistic regression of 2000 rows with {@code w = (1, -1)}, {@code b = 0.5}: each
     * coefficient's maximum-likelihood standard error is about 0.06 here, so 0.3 is 5 of them; the
     * report says why there is no k-hat.
     */
    @Test
    void svgdFitsTheLogisticRegression(@TempDir Path dir) throws IOException {
        Random rng = new Random(3);
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 2000; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            double p = 1 / (1 + Math.exp(-(a - b + 0.5)));
            csv.append(String.format(Locale.ROOT, "%.8f,%.8f,%d%n", a, b, rng.nextDouble() < p ? 1 : 0));
        }
        Path data = dir.resolve("log.csv");
        Files.writeString(data, csv.toString());
        Path out = dir.resolve("svgd");
        CliRun r = CliRun.of("fit", "logreg", "--data", data.toString(), "--target", "y", "--method", "svgd", "--particles", "50",
                "--steps", "500", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(mean(rows, 1)).isCloseTo(1.0, Offset.offset(0.3));
        assertThat(mean(rows, 2)).isCloseTo(-1.0, Offset.offset(0.3));
        assertThat(mean(rows, 3)).isCloseTo(0.5, Offset.offset(0.3));
        String json = Files.readString(out.resolve("posterior.json"));
        assertThat(json).contains("SVGD, 50 particles, 500 steps").contains("SVGD particles have no density q");
    }

    @Test
    void badMethodsAndCountsAreNamed(@TempDir Path dir) throws IOException {
        Path data = linearData(dir);
        CliRun unknown = CliRun.of("fit", "linreg", "--data", data.toString(), "--target", "y", "--method", "online",
                "--out", dir.resolve("a").toString(), "--quiet");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().trim()).isEqualTo("elbo4j fit: --method for linreg must be nuts, pathfinder or svgd (or left out for ADVI), got 'online'");
        CliRun particles = CliRun.of("fit", "linreg", "--data", data.toString(), "--target", "y", "--method", "svgd",
                "--particles", "1", "--out", dir.resolve("b").toString(), "--quiet");
        assertThat(particles.exitCode()).isEqualTo(2);
        assertThat(particles.err().trim()).isEqualTo("elbo4j fit: --particles must be >= 2 (SVGD's kernel bandwidth needs pairs), got 1");
        CliRun paths = CliRun.of("fit", "linreg", "--data", data.toString(), "--target", "y", "--method", "pathfinder",
                "--paths", "0", "--out", dir.resolve("c").toString(), "--quiet");
        assertThat(paths.exitCode()).isEqualTo(2);
        assertThat(paths.err().trim()).isEqualTo("elbo4j fit: --paths must be >= 1, got 0");
        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void helpNamesTheMethods() {
        CliRun help = CliRun.of("fit", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("pathfinder (Pathfinder, PSIS-resampled paths) or svgd").contains("--particles=N")
                .contains("--paths=N");
    }
}
