package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.elbo.ImportanceWeightedElbo;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.InitStrategy;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Sgd;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The gradient's signal-to-noise ratio ({@link SignalToNoise}) against its closed form. Target
 * {@code z_i ~ N(μ_i, σ_i²)}, mean-field guide {@code q = N(m_i, s_i²)} with {@code s = exp ρ},
 * one reparameterized draw {@code z = m + s ε}: the loss {@code -log p(z) + log q(z)} has
 * <pre>
 * ∂/∂m = (z - μ)/σ²                  mean (m - μ)/σ², sd s/σ²         SNR = |m - μ| / s
 * ∂/∂ρ = s[(m - μ + sε)ε/σ² - 1/s]   mean s(s/σ² - 1/s), sd s√((m - μ)² + 2s²)/σ²
 * </pre>
 * ({@code log q(m + sε) = -log s - ε²/2 + c} does not depend on {@code m}, and {@code Var(aε + bε²) = a² + 2b²}).
 */
class SignalToNoiseTest {

    private static final double[] MU = {1, -2};
    private static final double[] SIGMA = {1, 0.5};
    private static final double M = 0;
    private static final double S = 0.4;
    private static final int DRAWS = 4000;

    private static final Model TARGET = m -> m.sample("z", Normal.of(Tensor.of(MU), Tensor.of(SIGMA)).toEvent(1));

    private static Svi.Builder builder() {
        return Svi.builder(TARGET).guide(AutoGuide.meanField(S)).init(InitStrategy.values(Map.of("z", Tensor.of(M, M))))
                .warmStart(WarmStart.none()).seed(5);
    }

    private static double locSnr(int i) {
        return Math.abs(M - MU[i]) / S;
    }

    private static double scaleSnr(int i) {
        double v = SIGMA[i] * SIGMA[i];
        return Math.abs(S / v - 1 / S) / (Math.sqrt((M - MU[i]) * (M - MU[i]) + 2 * S * S) / v);
    }

    /**
     * The estimate {@code |ḡ|/ŝ} from {@code n} draws has standard error about
     * {@code √((1 + SNR² (κ - 1)/4) / n)} (delta method: {@code Var ḡ = σ²/n}, {@code Var ŝ ≈ σ²(κ - 1)/(4n)},
     * {@code κ} the kurtosis); {@code κ = 3} for the location's Gaussian gradient, and {@code κ <= 15}
     * (the kurtosis of {@code ε²}) bounds the scale's. Four standard errors.
     */
    private static double tolerance(double snr, double kurtosis, int n) {
        return 4 * Math.sqrt((1 + snr * snr * (kurtosis - 1) / 4) / n);
    }

    private static void assertClosedForm(SignalToNoise snr) {
        double[] loc = snr.block("auto_loc").snr().toArray();
        double[] scale = snr.block("auto_scale").snr().toArray();
        for (int i = 0; i < 2; i++) {
            assertThat(loc[i]).as("SNR of auto_loc[%d]", i).isCloseTo(locSnr(i), Offset.offset(tolerance(locSnr(i), 3, snr.samples())));
            assertThat(scale[i]).as("SNR of auto_scale[%d]", i)
                    .isCloseTo(scaleSnr(i), Offset.offset(tolerance(scaleSnr(i), 15, snr.samples())));
        }
    }

    @Test
    void fixedParameterEstimateMatchesTheClosedFormOfAGaussianTarget() {
        Svi svi = builder().build();
        SignalToNoise snr = svi.signalToNoise(svi.init(), DRAWS);
        assertThat(snr.samples()).isEqualTo(DRAWS);
        assertThat(snr.blocks()).extracting(SignalToNoise.Block::name).containsExactly("auto_loc", "auto_scale");
        assertClosedForm(snr);
        // the block's number: |E g| over the root of the total variance, from the closed-form means and sds
        double m0 = (M - MU[0]) / (SIGMA[0] * SIGMA[0]);
        double m1 = (M - MU[1]) / (SIGMA[1] * SIGMA[1]);
        double v0 = S / (SIGMA[0] * SIGMA[0]);
        double v1 = S / (SIGMA[1] * SIGMA[1]);
        double block = Math.sqrt((m0 * m0 + m1 * m1) / (v0 * v0 + v1 * v1));
        assertThat(snr.block("auto_loc").blockSnr()).isCloseTo(block, Offset.offset(tolerance(block, 3, DRAWS)));
    }

    @Test
    void aWindowOfStochasticStepsGivesTheListenerTheSameRatio() {
        // a negligible learning rate keeps the parameters where the closed form holds for the whole window
        List<SignalToNoise> seen = new ArrayList<>();
        StepListener listener = new StepListener() {
            @Override
            public void onStep(long step, double elbo, double gradientNorm, long nanos) {
            }

            @Override
            public void onSignalToNoise(SignalToNoise snr) {
                seen.add(snr);
            }
        };
        builder().optimizer(Sgd.lr(1e-12)).convergence(Convergence.none()).maxSteps(2 * DRAWS).signalToNoiseWindow(DRAWS)
                .listener(listener).diagnosticDraws(0).build().run();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).step()).isEqualTo(DRAWS);
        assertThat(seen.get(1).step()).isEqualTo(2 * DRAWS);
        for (SignalToNoise s : seen) {
            assertThat(s.samples()).isEqualTo(DRAWS);
            assertClosedForm(s);
        }
    }

    /**
     * Rainforth et al. (ICML 2018, Theorem 1): the importance-weighted bound's gradient for the
     * guide has SNR {@code O(1/√K)}: its mean falls as {@code 1/K}, its sd as {@code 1/√K}. Target
     * {@code N(0, 1)}, guide {@code N(1, 0.7²)} (close enough that K = 1000 draws are in the
     * asymptotic regime): at K = 1 (the ELBO) the location's SNR is {@code |m - μ|/s = 1.43}; at
     * K = 1000 it must be below a third of that. Each estimate has a standard error of about
     * {@code √((1 + SNR²/2)/400) <= 0.07}, so chance cannot produce the drop, and an estimator whose
     * guide gradient did not lose signal with K would fail.
     */
    @Test
    void importanceWeightingWithManyParticlesStarvesTheGuideOfSignal() {
        Model standard = m -> m.sample("z", Normal.of(0, 1));
        double[] snr = new double[2];
        int[] k = {1, 1000};
        for (int j = 0; j < 2; j++) {
            Svi svi = Svi.builder(standard).guide(AutoGuide.meanField(0.7)).init(InitStrategy.values(Map.of("z", Tensor.scalar(1.0))))
                    .warmStart(WarmStart.none()).seed(5).elbo(new ImportanceWeightedElbo()).numParticles(k[j]).build();
            snr[j] = svi.signalToNoise(svi.init(), 400).block("auto_loc").blockSnr();
        }
        assertThat(snr[0]).isCloseTo(1 / 0.7, Offset.offset(4 * Math.sqrt((1 + 2.04 / 2) / 400)));
        assertThat(snr[1]).isLessThan(snr[0] / 3);
    }

    @Test
    void refusesFewerThanTwoDrawsAndAWindowOfOneStep() {
        Svi svi = builder().build();
        assertThatThrownBy(() -> svi.signalToNoise(svi.init(), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signal-to-noise draws must be >= 2, got 1");
        assertThatThrownBy(() -> builder().signalToNoiseWindow(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signalToNoiseWindow must be 0 (off) or >= 2 steps, got 1");
    }
}
