package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaussianSamplingDemoTest {

    @Test
    void sampleMomentsAreWithinFourStandardErrorsOfTheTruth() {
        for (long seed = 1; seed <= 5; seed++) {
            io.github.elbo4j.random.RandomStream rng = io.github.elbo4j.random.RandomStream.of(seed);
            double[] eps = new double[GaussianSamplingDemo.SAMPLES];
            rng.fillGaussian(eps);
            double mu = 2.0;
            double sigma = 0.5;
            double[] z = new double[eps.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = mu + sigma * eps[i];
            }
            GaussianSamplingDemo.Row row = GaussianSamplingDemo.summarize(mu, sigma, z);
            assertThat(Math.abs(row.mean() - mu)).isLessThan(4 * row.meanStandardError());
            assertThat(Math.abs(row.sd() - sigma)).isLessThan(4 * row.sdStandardError());
            assertThat(row.pValue()).as("chi-square p-value, seed %d", seed).isGreaterThan(1e-4);
        }
    }

    @Test
    void chiSquareDetectsSamplesFromTheWrongScale() {
        double[] z = new double[GaussianSamplingDemo.SAMPLES];
        io.github.elbo4j.random.RandomStream.of(3).fillGaussian(z);
        for (int i = 0; i < z.length; i++) {
            z[i] *= 1.3; // sd 1.3 tested as if it were 1
        }
        assertThat(GaussianSamplingDemo.summarize(0, 1, z).pValue()).isLessThan(1e-4);
    }

    @Test
    void normalCdfMatchesKnownValues() {
        // Phi(1.959963984540054) = 0.975 (scipy.stats.norm.ppf(0.975) = 1.959963984540054)
        assertThat(GaussianSamplingDemo.normalCdf(1.959963984540054)).isCloseTo(0.975, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(GaussianSamplingDemo.normalCdf(0)).isEqualTo(0.5);
    }

    @Test
    void runWritesTheSummaryAndOneSampleRowPerDraw(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        new GaussianSamplingDemo().run(new DemoContext(dir, 42, new PrintWriter(text)));
        List<String> rows = Files.readAllLines(dir.resolve("samples.csv"));
        assertThat(rows).hasSize(1 + GaussianSamplingDemo.PARAMETERS.length * GaussianSamplingDemo.SAMPLES);
        assertThat(Files.readString(dir.resolve("summary.txt"))).isEqualTo(text.toString().lines()
                .filter(l -> !l.startsWith("wrote")).reduce("", (a, b) -> a + b + "\n"));
    }
}
