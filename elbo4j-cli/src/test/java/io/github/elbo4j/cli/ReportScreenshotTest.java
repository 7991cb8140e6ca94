package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report page renders in headless Chromium without console errors or failed loads
 * ({@code scripts/check-reports.sh}): the demos' pages, the index with its thumbnails, and a
 * fit's report. Runs when {@code chromium} is on the PATH (README: how to install it); skipped
 * otherwise, never installing anything itself.
 */
@EnabledIf("chromiumIsPresent")
class ReportScreenshotTest {

    static boolean chromiumIsPresent() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, "chromium")));
    }

    @Test
    void everyReportPageRendersWithoutErrors(@TempDir Path dir) throws IOException, InterruptedException {
        CliRun demos = CliRun.of("demo", "--all", "--out", dir.toString());
        assertThat(demos.exitCode()).as(demos.err()).isZero();
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "a,b\n1,2\n2,1\n3,5\n4,4\n8,1\n7,2\n");
        CliRun fit = CliRun.of("fit", "gmm", "--data", csv.toString(), "--out", dir.resolve("fit").toString(), "--quiet");
        assertThat(fit.exitCode()).as(fit.err()).isZero();

        Path script = Path.of("..", "scripts", "check-reports.sh").toAbsolutePath().normalize();
        Process p = new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();

        List<Path> pages;
        try (Stream<Path> s = Files.walk(dir)) {
            pages = s.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertThat(pages).hasSize(io.github.elbo4j.cli.demo.DemoCatalog.all().size() + 2); // the demos, the index, the fit
        for (Path page : pages) {
            Path shot = Path.of(page.toString().replaceAll("\\.html$", ".png"));
            assertThat(shot).as("screenshot of " + page).isNotEmptyFile();
        }
    }
}
