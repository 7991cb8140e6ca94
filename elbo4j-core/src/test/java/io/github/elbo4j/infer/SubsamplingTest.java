package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The subsampled, rescaled log-likelihood {@code (N/B) Σ_{i∈batch} log p(x_i | w)} is an unbiased
 * estimate of the full-data one, so its gradient is too (Hoffman et al., JMLR 14, 2013, eq. 17).
 * Checked: the mean of R minibatch gradients is within 4 standard errors (sample sd / √R) of
 * the full-data gradient.
 */
class SubsamplingTest {

    private static final int N = 50;

    private static double gradient(int batch, long seed) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Math.sin(i * 1.3) * 2 + 0.1 * i;
        }
        Tensor data = Tensor.of(x);
        Model model = m -> {
            Var w = m.param("w", Tensor.scalar(0.0));
            Var s = m.param("s", Tensor.scalar(1.0), new io.github.elbo4j.transform.Constraint.Positive());
            m.plate("data", N, batch, p -> m.observe("x", Normal.of(w, s), p.subsample(data)));
        };
        Tape tape = new Tape();
        Var w = tape.variable(0.7);
        Var s = tape.variable(1.9);
        var trace = ModelContext.trace(model, new SubstituteHandler(Map.of("w", w, "s", s)), new SeedHandler(seed));
        return tape.gradient(trace.logDensity(), s).get(0).item();
    }

    @Test
    void minibatchGradientsAverageToTheFullDataGradient() {
        double full = gradient(N, 0);
        int r = 2000;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < r; k++) {
            double g = gradient(10, 1000 + k);
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / r;
        double sd = Math.sqrt((sumSq - r * mean * mean) / (r - 1));
        double se = sd / Math.sqrt(r);
        assertThat(se).isGreaterThan(0);
        assertThat(Math.abs(mean - full)).as("mean %s vs full %s, SE %s", mean, full, se).isLessThan(4 * se);
    }
}
