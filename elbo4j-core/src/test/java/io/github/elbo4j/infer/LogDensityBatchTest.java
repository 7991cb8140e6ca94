package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Exponential;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link LogDensity#valuesAndGradients} and {@link LogDensity#constrained}: the batched run gives
 * each row what {@link LogDensity#valueAndGradient} gives it alone (itself checked against the
 * density written by hand in {@code LogDensityTest}), with and without plates.
 */
class LogDensityBatchTest {

    private static final double[] X = {0.4, -1.3, 2.2, 0.9, 1.6};

    private static final Model PLATED = m -> {
        Var mu = m.sample("mu", Normal.of(0, 2));
        Var sigma = m.sample("sigma", Exponential.of(1));
        m.plate("data", X.length, p -> m.observe("x", Normal.of(mu, sigma), Tensor.of(X)));
    };

    /** The same density with the data outside a plate: it cannot broadcast over particles, so rows go one at a time. */
    private static final Model UNPLATED = m -> {
        Var mu = m.sample("mu", Normal.of(0, 2));
        Var sigma = m.sample("sigma", Exponential.of(1));
        m.observe("x", Normal.of(mu, sigma), Tensor.of(X));
    };

    private static final double[][] POINTS = {{0.3, -0.2}, {1.1, 0.4}, {-0.5, 0.9}};

    private static void checkRows(Model model) {
        LogDensity density = LogDensity.of(model, RandomStream.of(1));
        double[] grads = new double[6];
        double[] values = density.valuesAndGradients(Tensor.of(POINTS), grads);
        for (int k = 0; k < 3; k++) {
            double[] g = new double[2];
            double v = density.valueAndGradient(POINTS[k], g);
            assertThat(values[k]).isCloseTo(v, within(1e-12 * (1 + Math.abs(v))));
            assertThat(grads[2 * k]).isCloseTo(g[0], within(1e-12 * (1 + Math.abs(g[0]))));
            assertThat(grads[2 * k + 1]).isCloseTo(g[1], within(1e-12 * (1 + Math.abs(g[1]))));
        }
    }

    @Test
    void batchedRowsEqualSingleRowsWithPlates() {
        checkRows(PLATED);
    }

    @Test
    void batchedRowsEqualSingleRowsWithoutPlates() {
        checkRows(UNPLATED);
    }

    @Test
    void constrainedDrawsApplyEachSitesBijector() {
        Map<String, Tensor> z = LogDensity.of(PLATED, RandomStream.of(1)).constrained(Tensor.of(POINTS));
        for (int k = 0; k < 3; k++) {
            assertThat(z.get("mu").get(k)).isEqualTo(POINTS[k][0]);
            assertThat(z.get("sigma").get(k)).isCloseTo(Math.exp(POINTS[k][1]), within(1e-15));
        }
        assertThat(z.get("mu").shape()).containsExactly(3);
    }

    @Test
    void wrongShapesAreNamed() {
        LogDensity density = LogDensity.of(PLATED, RandomStream.of(1));
        assertThatThrownBy(() -> density.valuesAndGradients(Tensor.zeros(3, 4), new double[12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("LogDensity points must have shape [K, 2], got [3, 4]");
        assertThatThrownBy(() -> density.valuesAndGradients(Tensor.zeros(3, 2), new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("LogDensity gradients length must be K*D = 6, got 5");
    }
}
