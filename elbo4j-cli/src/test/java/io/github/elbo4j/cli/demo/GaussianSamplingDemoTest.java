package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.random.RandomStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaussianSamplingDemoTest {

    /**
     * The demo's own draws ({@link GaussianSamplingDemo#sample}, which its summary, CSV and histograms
     * use), for every (μ, σ) pair and seeds 1–5 and 42: {@code z = μ + σ ε} for the demo's own ε, bit
     * for bit; the sample mean within 4 standard errors {@code σ/√n} of μ and the sample sd within 4
     * large-sample standard errors {@code σ/√(2(n-1))} of σ, both computed here, not by the demo's
     * {@code summarize}; the χ² p-value above 1e-4. Catches draws of {@code μ + σ² ε} or {@code μ + ε}
     * (moments), {@code μ - σ ε} (identity), and one noise stream reused for every pair (the pairs' ε
     * must differ). The CSV check in the run test ties these draws to what the demo writes.
     */
    @Test
    void theDemosDrawsAreMuPlusSigmaEpsAndMatchTheMomentsWithinFourStandardErrors() {
        int n = GaussianSamplingDemo.SAMPLES;
        for (long seed : new long[] {1, 2, 3, 4, 5, 42}) {
            double[][] noises = new double[GaussianSamplingDemo.PARAMETERS.length][];
            for (int k = 0; k < GaussianSamplingDemo.PARAMETERS.length; k++) {
                GaussianSamplingDemo.Sample s = GaussianSamplingDemo.sample(RandomStream.of(seed), k);
                double mu = GaussianSamplingDemo.PARAMETERS[k][0];
                double sigma = GaussianSamplingDemo.PARAMETERS[k][1];
                assertThat(s.mu()).isEqualTo(mu);
                assertThat(s.sigma()).isEqualTo(sigma);
                assertThat(s.z()).hasSize(n);
                assertThat(s.eps()).hasSize(n);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    assertThat(s.z()[i]).as("seed %d pair %d draw %d", seed, k, i).isEqualTo(mu + sigma * s.eps()[i]);
                    sum += s.z()[i];
                }
                double mean = sum / n;
                double ss = 0;
                for (double v : s.z()) {
                    ss += (v - mean) * (v - mean);
                }
                double sd = Math.sqrt(ss / (n - 1));
                assertThat(Math.abs(mean - mu)).as("seed %d pair %d mean %s", seed, k, mean).isLessThan(4 * sigma / Math.sqrt(n));
                assertThat(Math.abs(sd - sigma)).as("seed %d pair %d sd %s", seed, k, sd).isLessThan(4 * sigma / Math.sqrt(2.0 * (n - 1)));
                assertThat(GaussianSamplingDemo.summarize(mu, sigma, s.z()).pValue()).as("chi-square p-value, seed %d pair %d", seed, k)
                        .isGreaterThan(1e-4);
                noises[k] = s.eps();
            }
            assertThat(noises[0]).isNotEqualTo(noises[1]);
            assertThat(noises[1]).isNotEqualTo(noises[2]);
        }
    }

    @Test
    void chiSquareDetectsSamplesFromTheWrongScale() {
        double[] z = new double[GaussianSamplingDemo.SAMPLES];
        RandomStream.of(3).fillGaussian(z);
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
        // The CSV holds the draws of sample(RandomStream.of(seed), k), pair after pair, as Java prints doubles.
        for (int k = 0; k < GaussianSamplingDemo.PARAMETERS.length; k++) {
            GaussianSamplingDemo.Sample s = GaussianSamplingDemo.sample(RandomStream.of(42), k);
            for (int i = 0; i < GaussianSamplingDemo.SAMPLES; i++) {
                assertThat(rows.get(1 + k * GaussianSamplingDemo.SAMPLES + i)).isEqualTo(s.mu() + "," + s.sigma() + "," + s.z()[i]);
            }
        }
        assertThat(Files.readString(dir.resolve("summary.txt"))).isEqualTo(text.toString().lines()
                .filter(l -> !l.startsWith("wrote")).reduce("", (a, b) -> a + b + "\n"));
    }
}
