package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Exponential;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link LogDensity#of} against the density written out by hand: {@code σ ~ Exponential(1)},
 * {@code x_i ~ N(μ, σ)}, {@code μ ~ N(0, 2)}, with {@code σ = e^v} so
 * <pre>
 * log p(u) = log N(μ | 0, 2) − σ + v + Σ_i log N(x_i | μ, σ),   u = (μ, v)
 * ∂/∂μ = −μ/4 + Σ (x_i − μ)/σ²,   ∂/∂v = −σ + 1 − n + Σ (x_i − μ)²/σ²
 * </pre>
 * (the {@code + v} is the log-Jacobian of {@code exp}; the derivative in {@code v} is the one in
 * σ times σ).
 */
class LogDensityTest {

    private static final double[] X = {0.4, -1.3, 2.2, 0.9, 1.6};

    private static final Model MODEL = m -> {
        Var mu = m.sample("mu", Normal.of(0, 2));
        Var sigma = m.sample("sigma", Exponential.of(1));
        m.plate("data", X.length, p -> m.observe("x", Normal.of(mu, sigma), Tensor.of(X)));
    };

    private static double logNormal(double x, double mean, double sd) {
        double z = (x - mean) / sd;
        return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
    }

    @Test
    void valueAndGradientAreTheHandWrittenUnconstrainedDensity() {
        LogDensity density = LogDensity.of(MODEL, RandomStream.of(3));
        assertThat(density.dimension()).isEqualTo(2);
        assertThat(density.layout().entries().stream().map(e -> e.name())).containsExactly("mu", "sigma");
        double mu = 0.7;
        double v = -0.4;
        double sigma = Math.exp(v);
        double expected = logNormal(mu, 0, 2) - sigma + v;
        double dMu = -mu / 4;
        double dV = -sigma + 1 - X.length;
        for (double x : X) {
            expected += logNormal(x, mu, sigma);
            dMu += (x - mu) / (sigma * sigma);
            dV += (x - mu) * (x - mu) / (sigma * sigma);
        }
        double[] g = new double[2];
        assertThat(density.valueAndGradient(new double[] {mu, v}, g)).isCloseTo(expected, within(1e-12));
        assertThat(g[0]).isCloseTo(dMu, within(1e-12));
        assertThat(g[1]).isCloseTo(dV, within(1e-11));
        double[] batched = density.values(Tensor.of(new double[] {mu, v, 0.0, 0.0}, 2, 2));
        assertThat(batched[0]).isCloseTo(expected, within(1e-12));
        assertThat(batched[1]).isNotCloseTo(expected, within(1e-3));
    }
}
