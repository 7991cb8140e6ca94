package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class McDropoutTest {

    /**
     * On the gap design, the mean of 500 stochastic passes fits x³/20 on the data, the passes
     * spread (dropout stays on at prediction), and more at |x| = 6 than on the data; without dropout
     * ({@code p = 0}) every pass is the same function.
     */
    @Test
    void predictiveFromStochasticPasses() {
        Tensor[] d = BnnRegressionTest.gapData(300, 11);
        McDropout net = McDropout.of(Activation.RELU, 0.1, 0.15, 1, 50, 1);
        List<Tensor> w = net.fit(d[0], d[1], 2000, 0);
        Predictive onData = net.predict(w, d[0], 500, RandomStream.of(1));
        Tensor trueF = d[0].reshape(-1).pow(3).div(20);
        assertThat(onData.rmse(trueF)).isLessThan(0.1);
        double dataSd = onData.epistemicSd().mean().item();
        assertThat(dataSd).isGreaterThan(1e-3);
        double[] far = net.predict(w, Tensor.of(new double[] {-6, 6}, 2, 1), 500, RandomStream.of(2)).epistemicSd().toArray();
        assertThat(Math.min(far[0], far[1])).as("far %s, data %s", java.util.Arrays.toString(far), dataSd)
                .isGreaterThan(dataSd);

        McDropout plain = McDropout.of(Activation.RELU, 0.0, 0.15, 1, 10, 1);
        List<Tensor> w0 = plain.fit(d[0], d[1], 50, 0);
        assertThat(plain.predict(w0, d[0], 3, RandomStream.of(1)).epistemicSd().max().item()).isLessThan(1e-12);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> McDropout.of(Activation.RELU, 1.0, 0.1, 1, 5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> McDropout.of(Activation.RELU, 0.1, 0.1, 1, 5, 2))
                .hasMessage("McDropout sizes must be at least 2 and end with 1 output, got [1, 5, 2]");
        assertThatThrownBy(() -> McDropout.of(Activation.RELU, 0.1, 0.1, 1, 1).withPriorScale(0))
                .hasMessage("McDropout prior scale must be finite and > 0, got 0.0");
        McDropout net = McDropout.of(Activation.RELU, 0.1, 0.1, 2, 3, 1);
        assertThatThrownBy(() -> net.fit(Tensor.zeros(4, 1), Tensor.zeros(4), 5, 0))
                .hasMessage("McDropout fit needs x [N, 2] and y [N], got [4, 1] and [4]");
        assertThatThrownBy(() -> net.predict(net.fit(Tensor.zeros(4, 2), Tensor.zeros(4), 1, 0), Tensor.zeros(1, 2), 1,
                RandomStream.of(1))).hasMessage("McDropout predict passes must be >= 2, got 1");
    }

    /**
     * The learned noise sd recovers the true 0.15 within 15% (the residual sd of a fit this close, on
     * 400 points, has a sampling error near 0.15/sqrt(800) = 0.005), and the predictive carries it.
     */
    @Test
    void learnedNoiseRecoversTheTrueNoise() {
        Tensor[] d = BnnRegressionTest.gapData(400, 5);
        McDropout net = McDropout.of(Activation.RELU, 0.05, 0.5, 1, 50, 1).withLearnedNoise(0.5);
        List<Tensor> w = net.fit(d[0], d[1], 2000, 0);
        double sigma = Math.exp(w.get(4).item());
        assertThat(sigma).isBetween(0.15 / 1.15, 0.15 * 1.15);
        assertThat(net.predict(w, d[0], 2, RandomStream.of(1)).noiseSd()).isEqualTo(sigma);
        assertThatThrownBy(() -> net.predict(w.subList(0, 4), d[0], 2, RandomStream.of(1)))
                .hasMessage("McDropout predict weights must hold 5 tensors (weight and bias per layer, then log σ), got 4");
        assertThatThrownBy(() -> net.withLearnedNoise(-1.0)).hasMessage("McDropout initial noise sd must be finite and > 0, got -1.0");
    }
}
