package io.github.elbo4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/**
 * The benchmark and its torch peer compute the same numbers: the summed log-density and the
 * gradient sums printed as "checksum" by {@code peers/torch_logprob.py} (torch 1.13, float64,
 * Debian bookworm's python3-torch), agree with elbo4j's to 1e-10 relative.
 */
class LogProbBenchmarkTest {

    @Test
    void normalLogProbAndGradientMatchTorch() {
        double[] torch = {-2235034.0291712047, 69204.39399720912, 335843.8175345436};
        double[] ours = LogProbBenchmark.normalChecksum();
        for (int i = 0; i < 3; i++) {
            assertThat(ours[i]).as("checksum %d", i).isCloseTo(torch[i], offset(1e-10 * Math.abs(torch[i])));
        }
    }

    @Test
    void multivariateNormalLogProbAndGradientMatchTorch() {
        double[] torch = {-910540.2112031758, -4.209422453075905, -133203.20130047575};
        double[] ours = LogProbBenchmark.mvnChecksum();
        assertThat(ours[0]).isCloseTo(torch[0], offset(1e-10 * Math.abs(torch[0])));
        // Σ_j ∂/∂μ_j is a sum of terms of both signs (|terms| up to ~1e4): compare on the scale of the log-density
        assertThat(ours[1]).isCloseTo(torch[1], offset(1e-10 * Math.abs(torch[0])));
        assertThat(ours[2]).isCloseTo(torch[2], offset(1e-10 * Math.abs(torch[2])));
    }
}
