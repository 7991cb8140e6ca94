package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report tables {@code elbo4j fit} adds: the linear-response sds next to the mean-field ones
 * (a mean-field fit) and the gradient's signal-to-noise ratio per block (a stochastic fit), in
 * {@code report.html}, in {@code posterior.json} and in the page {@code elbo4j report} redraws.
 */
class FitReportTablesTest {

    private static JsonNode table(Path posterior, String titleStart) throws IOException {
        for (JsonNode t : new ObjectMapper().readTree(posterior.toFile()).path("command").path("tables")) {
            if (t.path("title").asText().startsWith(titleStart)) {
                return t;
            }
        }
        throw new AssertionError("no table '" + titleStart + "' in " + posterior);
    }

    private static double cell(JsonNode table, String quantity, int column) {
        for (JsonNode r : table.path("rows")) {
            if (r.get(0).asText().equals(quantity)) {
                return Double.parseDouble(r.get(column).asText());
            }
        }
        throw new AssertionError("no row '" + quantity + "'");
    }

    /**
     * x1 and x2 have correlation about 0.95, x3 is independent of both: the mean-field sds of the
     * x1 and x2 coefficients are about √(1 - 0.95²) ≈ 0.3 of the posterior's, so linear response
     * must widen them (ratio above 2), and leave x3's within 10% (its posterior correlations are small).
     */
    @Test
    void aMeanFieldFitShowsTheLinearResponseSdsBesideItsOwn(@TempDir Path dir) throws IOException {
        Random rng = new Random(4);
        StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < 200; i++) {
            double x1 = rng.nextGaussian();
            double x2 = x1 + 0.33 * rng.nextGaussian();
            double x3 = rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.10f,%.10f,%.10f,%.10f%n", x1, x2, x3, x1 - x2 + 0.5 * x3 + 0.5 * rng.nextGaussian()));
        }
        Path data = Files.writeString(dir.resolve("lin.csv"), csv.toString());
        Path out = dir.resolve("fit");
        CliRun r = CliRun.of("fit", "linreg", "--data", data.toString(), "--target", "y", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode lr = table(out.resolve("posterior.json"), "Linear-response");
        assertThat(cell(lr, "x1", 3)).isGreaterThan(2.0);
        assertThat(cell(lr, "x2", 3)).isGreaterThan(2.0);
        assertThat(cell(lr, "x3", 3)).isBetween(0.9, 1.1);
        assertThat(cell(lr, "x1", 2)).isCloseTo(cell(lr, "x1", 1) * cell(lr, "x1", 3), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Files.readString(out.resolve("report.html"))).contains("Linear-response sds (LRVB)").contains("mean-field sd");

        Path page = dir.resolve("redrawn.html");
        CliRun report = CliRun.of("report", out.resolve("posterior.json").toString(), "--out", page.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(page)).contains("Linear-response sds (LRVB)");
    }

    /** A stochastic fit of 1,000 steps gives ten windows of 100 steps, one row per guide parameter (two coefficients and the intercept). */
    @Test
    void aStochasticFitShowsTheGradientSignalToNoisePerBlock(@TempDir Path dir) throws IOException {
        Random rng = new Random(5);
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 200; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            double p = 1 / (1 + Math.exp(-(1.5 * x1 - x2)));
            csv.append(String.format(Locale.ROOT, "%.10f,%.10f,%d%n", x1, x2, rng.nextDouble() < p ? 1 : 0));
        }
        Path data = Files.writeString(dir.resolve("log.csv"), csv.toString());
        Path out = dir.resolve("fit");
        CliRun r = CliRun.of("fit", "logreg", "--data", data.toString(), "--target", "y", "--out", out.toString(), "--quiet",
                "--optimizer", "adam", "--steps", "1000", "--tolerance", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode snr = table(out.resolve("posterior.json"), "Gradient signal-to-noise");
        assertThat(snr.path("rows")).hasSize(2);
        assertThat(snr.path("rows").get(0).get(0).asText()).isEqualTo("auto_loc");
        assertThat(snr.path("rows").get(1).get(0).asText()).isEqualTo("auto_scale");
        assertThat(snr.path("caption").asText()).contains("windows of 100 steps").contains("10 windows, the last ending at step 1000");
        // the Laplace warm start puts the guide at the optimum from step 0, where E g = 0: every element's gradient
        // is mostly noise (a ratio computed upside down, sd/|mean|, would be far above 1)
        for (int row = 0; row < 2; row++) {
            String block = snr.path("rows").get(row).get(0).asText();
            assertThat(cell(snr, block, 2)).isLessThan(0.5);
            assertThat(cell(snr, block, 4)).isLessThan(0.5);
            assertThat(cell(snr, block, 3)).isLessThanOrEqualTo(Math.min(cell(snr, block, 2), cell(snr, block, 4)));
            assertThat(snr.path("rows").get(row).get(5).asText()).isEqualTo("3 of 3");
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("Gradient signal-to-noise per parameter block");
    }
}
