package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static void assertBadInput(Path dir, Path csv, String message, String... extra) throws IOException {
        Path out = dir.resolve("out");
        String[] base = {"fit", "linreg", "--data", csv.toString(), "--target", "y", "--out", out.toString(), "--quiet", "--steps", "10"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        CliRun r = run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("elbo4j fit: " + message);
        assertThat(filesIn(out)).as("no output files left behind").isEmpty();
        assertThat(out).as("not even the folder").doesNotExist();
    }

    @Test
    void unknownOptimizerIsNamed(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ok.csv", "x,y\n1,2\n3,4\n");
        assertBadInput(dir, csv, "--optimizer must be one of adam, sgd, rmsprop, adagrad; got 'lbfgs'",
                "--optimizer", "lbfgs");
    }

    @Test
    void raggedRowNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ragged.csv", "x,y\n1,2\n3\n");
        assertBadInput(dir, csv, csv + ":3: row has 1 field but the header has 2");
    }

    @Test
    void nonNumberNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "text.csv", "x,y\n1,2\n3,abc\n");
        assertBadInput(dir, csv, csv + ":3: column 'y' is not a number: 'abc'");
    }

    @Test
    void nonFiniteValueIsRejected(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "nan.csv", "x,y\n1,NaN\n");
        assertBadInput(dir, csv, csv + ":2: column 'y' is not finite: 'NaN'");
    }

    @Test
    void emptyFileIsRejected(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "empty.csv", "");
        assertBadInput(dir, csv, csv + ": empty file (expected a header row and data rows)");
    }

    @Test
    void headerWithoutRowsIsRejected(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "header.csv", "x,y\n");
        assertBadInput(dir, csv, csv + ": no data rows after the header");
    }

    @Test
    void missingColumnNamedInOptionsListsTheColumns(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ok.csv", "x,z\n1,2\n");
        assertBadInput(dir, csv, csv + ": no column named 'y'; columns are [x, z]");
    }

    @Test
    void missingFileIsRejected(@TempDir Path dir) throws IOException {
        assertBadInput(dir, dir.resolve("none.csv"), dir.resolve("none.csv") + ": no such file");
    }

    @Test
    void aFolderGivenAsDataIsNamedAsAFolder(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("data.csv"));
        assertBadInput(dir, folder, folder + ": is a folder, not a file (--data needs a file)");
    }

    @Test
    void theUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bom.csv");
        Files.write(csv, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "y,x\n1,1\n2,2\n3,2.5\n4,4\n".getBytes(StandardCharsets.UTF_8)));
        Path out = dir.resolve("out");
        CliRun r = run("fit", "linreg", "--data", csv.toString(), "--target", "y", "--out", out.toString(), "--quiet", "--steps", "20");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("summary.csv")).exists();
    }

    @Test
    void aSemicolonFileIsReadWithTheDelimiterOption(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "semi.csv", "x;y\n1;1.5\n2;2\n3;3.5\n4;4\n");
        Path out = dir.resolve("out");
        CliRun r = run("fit", "linreg", "--data", csv.toString(), "--target", "y", "--delimiter", ";", "--out", out.toString(), "--quiet",
                "--steps", "20");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("summary.csv")).exists();
    }

    @Test
    void aTabSeparatedFileIsReadWithDelimiterTab(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "tab.tsv", "x\ty\n1\t1.5\n2\t2\n3\t3.5\n4\t4\n");
        Path out = dir.resolve("out");
        CliRun r = run("fit", "linreg", "--data", csv.toString(), "--target", "y", "--delimiter", "tab", "--out", out.toString(), "--quiet",
                "--steps", "20");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void aDelimiterOfTwoCharactersIsRefused(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ok.csv", "x,y\n1,2\n3,4\n");
        assertBadInput(dir, csv, "--delimiter must be one character other than a quote, a space or a line break (or 'tab'), got ';;'",
                "--delimiter", ";;");
    }

    @Test
    void aNonPositiveLearningRateIsRefused(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ok.csv", "x,y\n1,2\n3,4\n");
        assertBadInput(dir, csv, "--lr must be finite and > 0, got -1.0", "--lr", "-1");
    }

    @Test
    void anOutputFolderUnderAFileIsRefusedBeforeFitting(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ok.csv", "x,y\n1,2\n3,4\n");
        Path out = csv.resolve("fit");
        CliRun r = run("fit", "linreg", "--data", csv.toString(), "--target", "y", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("elbo4j fit: --out " + out + ": " + csv + " is a file, not a folder" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anOutputFolderUnderProcIsRefusedBeforeFitting(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        Path csv = write(dir, "ok.csv", "x,y\n1,2\n3,4\n");
        Path out = Path.of("/proc/elbo4j-out");
        CliRun r = run("fit", "linreg", "--data", csv.toString(), "--target", "y", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("elbo4j fit: --out /proc/elbo4j-out: cannot create folder /proc/elbo4j-out "
                + "(the file system has no such path)" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedBeforeFitting(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ok.csv", "x,y\n1,2\n3,4\n");
        Path out = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(out), "root writes into read-only folders");
            CliRun r = run("fit", "linreg", "--data", csv.toString(), "--target", "y", "--out", out.toString(), "--quiet");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("elbo4j fit: --out " + out + ": cannot create files in " + out + " (permission denied)"
                    + System.lineSeparator());
            assertThat(filesIn(out)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void gmmOnFewerRowsThanTheDefaultComponentsUsesOnePerRow(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "five.csv", "a,b\n1,2\n2,1\n3,5\n4,4\n8,1\n");
        Path out = dir.resolve("out");
        CliRun r = run("fit", "gmm", "--data", csv.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("posterior.json"))).contains("coordinate ascent (CAVI), Bayesian Gaussian mixture, 5 components");
    }

    @Test
    void reportRefusesToOverwriteWithoutForce(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "five.csv", "a,b\n1,2\n2,1\n3,5\n4,4\n8,1\n");
        Path out = dir.resolve("out");
        assertThat(run("fit", "gmm", "--data", csv.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
        Path page = out.resolve("report.html");
        Files.writeString(page, "kept");
        CliRun refused = run("report", out.resolve("posterior.json").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("elbo4j report: " + page + " exists; use --force to overwrite" + System.lineSeparator());
        assertThat(page).hasContent("kept");
        CliRun forced = run("report", out.resolve("posterior.json").toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(page)).contains("elbo4j fit: gmm");
    }

    @Test
    void reportNamesAFolderGivenAsTheOutputFile(@TempDir Path dir) throws IOException {
        Path json = write(dir, "posterior.json", "{}");
        CliRun r = run("report", json.toString(), "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("elbo4j report: --out " + dir + ": is a folder; give a file name" + System.lineSeparator());
    }

    @Test
    void demoRefusesAnOutputFolderUnderAFile(@TempDir Path dir) throws IOException {
        Path file = write(dir, "file", "");
        CliRun r = run("demo", "bayes-coin", "--out", file.resolve("demos").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("elbo4j demo: --out " + file.resolve("demos") + ": " + file + " is a file, not a folder"
                + System.lineSeparator());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void unknownModelListsTheKnownOnes(@TempDir Path dir) throws IOException {
        Path csv = write(dir, "ok.csv", "x,y\n1,2\n");
        CliRun r = run("fit", "nope", "--data", csv.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown model 'nope'; known: linreg, logreg, gmm");
    }

    @Test
    void unknownOptionSuggestsTheNearestOne() {
        CliRun r = run("fit", "linreg", "--data", "x.csv", "--stesp", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option").contains("--steps");
    }

    @Test
    void linearRegressionRecoversTheCoefficientsAndRefusesToOverwrite(@TempDir Path dir) throws IOException {
        Random rng = new Random(1);
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 200; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            double y = 1.5 * x1 - 2 * x2 + 0.5 + 0.3 * rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.10f,%.10f,%.10f%n", x1, x2, y));
        }
        Path data = write(dir, "lin.csv", csv.toString());
        Path out = dir.resolve("fit");
        CliRun r = run("fit", "linreg", "--data", data.toString(), "--target", "y", "--out", out.toString(), "--quiet", "--steps", "3000");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(rows.get(0)).isEqualTo("name,mean,sd,q05,q50,q95");
        double w0 = Double.parseDouble(rows.get(1).split(",")[1]);
        double w1 = Double.parseDouble(rows.get(2).split(",")[1]);
        double b = Double.parseDouble(rows.get(3).split(",")[1]);
        // Least-squares noise on 200 rows with sd 0.3 is about 0.02 per coefficient; 0.1 is 5 such errors.
        assertThat(w0).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(w1).isCloseTo(-2.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(b).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(rows.get(1)).startsWith("x1,");
        assertThat(rows.get(2)).startsWith("x2,");
        assertThat(rows.get(3)).startsWith("intercept,");
        assertThat(Files.readString(out.resolve("posterior.json"))).contains("\"data_sha256\"").contains("\"elboTrace\"")
                .contains("\"format\" : \"elbo4j-fit\"");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<table>").contains("data:image/png;base64,");

        CliRun again = run("fit", "linreg", "--data", data.toString(), "--target", "y", "--out", out.toString(), "--quiet");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists; use --force to overwrite");

        Path page = dir.resolve("redrawn.html");
        CliRun report = run("report", out.resolve("posterior.json").toString(), "--out", page.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(page)).contains("elbo4j fit: linreg");
    }

    /**
     * The exact MAP of {@code linreg}'s model ({@code w_j, b ~ N(0, 10²)}, {@code σ ~ LogNormal(0, 1)},
     * {@code y ~ N(Xw + b, σ²)}) in constrained space, by coordinate ascent to machine precision: given σ,
     * {@code θ = (w, b)} solves the ridge system {@code (ZᵀZ + (σ²/100) I) θ = Zᵀy} with {@code Z = [X, 1]};
     * given θ, {@code s = log σ} solves {@code d/ds [-(n+1) s - RSS e^{-2s}/2 - s²/2] = 0}, i.e.
     * {@code RSS e^{-2s} = n + 1 + s} (the left side falls, the right rises: one root, by bisection).
     */
    static double[] exactLinearRegressionMap(double[][] x, double[] y) {
        int n = y.length;
        int d = x[0].length + 1;
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, z[i], 0, d - 1);
            z[i][d - 1] = 1;
        }
        double sigma = 1;
        double[] theta = new double[d];
        for (int iteration = 0; iteration < 500; iteration++) {
            double[][] a = new double[d][d + 1];
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    for (int i = 0; i < n; i++) {
                        a[j][k] += z[i][j] * z[i][k];
                    }
                }
                a[j][j] += sigma * sigma / 100;
                for (int i = 0; i < n; i++) {
                    a[j][d] += z[i][j] * y[i];
                }
            }
            theta = solve(a);
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i];
                for (int j = 0; j < d; j++) {
                    r -= z[i][j] * theta[j];
                }
                rss += r * r;
            }
            double lo = -20;
            double hi = 20;
            for (int b = 0; b < 200; b++) {
                double s = 0.5 * (lo + hi);
                if (rss * Math.exp(-2 * s) > n + 1 + s) {
                    lo = s;
                } else {
                    hi = s;
                }
            }
            sigma = Math.exp(0.5 * (lo + hi));
        }
        double[] out = java.util.Arrays.copyOf(theta, d + 1);
        out[d] = sigma;
        return out;
    }

    /** Gaussian elimination with partial pivoting of an augmented {@code d × (d+1)} system. */
    private static double[] solve(double[][] a) {
        int d = a.length;
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < d; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= d; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] v = new double[d];
        for (int r = d - 1; r >= 0; r--) {
            double s = a[r][d];
            for (int k = r + 1; k < d; k++) {
                s -= a[r][k] * v[k];
            }
            v[r] = s / a[r][r];
        }
        return v;
    }

    /**
     * {@code --guide map} on a linear regression: the summary's point for every site must equal the
     * exact MAP (computed in the test, {@link #exactLinearRegressionMap}) to 1e-3, and its sd must be 0.
     * Twenty rows and a noise sd of 1.5 make the priors matter: the MAP σ is 1.5436, while keeping the
     * Jacobian of {@code σ = exp(u)} (the unconstrained mode, {@code RSS e^{-2s} = n + s}) gives 1.5801
     * and dropping the priors (maximum likelihood) 1.5980, with w[0] 1.3024 instead of 1.3008; a
     * mean-field guide reports an sd. So each of those mistakes misses by more than the tolerance. Runs the whole
     * budget ({@code --tolerance 0}); the objective is deterministic (one point, no draws).
     */
    @Test
    void mapGuideGivesTheExactMapOfTheLinearRegression(@TempDir Path dir) throws IOException {
        Random rng = new Random(11);
        int n = 20;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < n; i++) {
            String row = String.format(Locale.ROOT, "%.6f,%.6f,%.6f", rng.nextGaussian(), 2 * rng.nextGaussian(), 0.0);
            String[] f = row.split(",");
            x[i][0] = Double.parseDouble(f[0]);
            x[i][1] = Double.parseDouble(f[1]);
            y[i] = Double.parseDouble(String.format(Locale.ROOT, "%.6f", 1.5 * x[i][0] - 2 * x[i][1] + 0.5 + 1.5 * rng.nextGaussian()));
            csv.append(String.format(Locale.ROOT, "%s,%s,%.6f%n", f[0], f[1], y[i]));
        }
        double[] exact = exactLinearRegressionMap(x, y);
        Path data = write(dir, "lin.csv", csv.toString());
        Path out = dir.resolve("map");
        CliRun r = run("fit", "linreg", "--data", data.toString(), "--target", "y", "--guide", "map", "--steps", "5000",
                "--tolerance", "0", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        String[] names = {"x1", "x2", "intercept", "sigma"};
        for (int k = 0; k < names.length; k++) {
            String[] f = rows.get(k + 1).split(",");
            assertThat(f[0]).isEqualTo(names[k]);
            // a point mass: sd 0 up to the rounding of the summary's (x - mean)² over 4000 equal draws
            assertThat(Double.parseDouble(f[2])).as("%s: a point mass has sd 0", names[k]).isLessThan(1e-12);
            assertThat(Double.parseDouble(f[1])).as("%s: MAP %s vs exact %s", names[k], f[1], exact[k])
                    .isCloseTo(exact[k], org.assertj.core.data.Offset.offset(1e-3));
        }
    }
}
