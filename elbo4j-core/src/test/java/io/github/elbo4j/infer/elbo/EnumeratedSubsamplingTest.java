package io.github.elbo4j.infer.elbo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * A subsampled plate under enumeration: with a global label {@code a}, a label {@code z_i} per
 * datum and a minibatch {@code B} of {@code b} of the {@code N} data, the estimate is
 * {@code log Σ_a p(a) exp((N/b) Σ_{i∈B} log Σ_k w_k N(x_i | μ_a + ν_k, 1))}: the plate's scale
 * multiplies each datum's term after its own label is summed out and before the global one is.
 * Scaling inside the inner {@code logsumexp} (as {@code Site.logProb} would) or after the outer one
 * gives another number.
 */
class EnumeratedSubsamplingTest {

    private static final double[] X = {0.3, -1.4, 2.2, 0.9, -0.2, 1.7};
    private static final double[] W = {0.2, 0.5, 0.3};
    private static final double[] MU = {-0.5, 1.0};
    private static final double[] NU = {-1.0, 0.0, 1.5};

    private static double logNormal(double x, double mean) {
        return -0.5 * (x - mean) * (x - mean) - 0.5 * Math.log(2 * Math.PI);
    }

    @Test
    void aSubsampledPlateIsScaledAfterItsLabelsAreSummedOutAndBeforeTheGlobalOne() {
        int[][] seen = new int[1][];
        Model model = m -> {
            Var a = m.sample("a", Bernoulli.ofProbs(0.4));
            m.plate("data", X.length, 2, p -> {
                seen[0] = p.indices();
                Var z = m.sample("z", Categorical.ofProbs(W));
                Var mean = Var.constant(Tensor.of(MU)).take(0, a.value()).add(Var.constant(Tensor.of(NU)).take(0, z.value()));
                m.observe("x", Normal.of(mean, 1.0), p.subsample(Tensor.of(X)));
            });
        };
        ElboInputs in = new ElboInputs(model, m -> { }, new SubstituteHandler(Map.of()), RandomStream.of(8), 1, 1);
        double elbo = new TraceEnumElbo().estimate(in).elbo();
        int[] batch = seen[0];
        assertThat(batch).hasSize(2);
        double scale = X.length / 2.0;
        double[] outer = new double[2];
        for (int a = 0; a < 2; a++) {
            double sum = 0;
            for (int i : batch) {
                double inner = 0;
                for (int k = 0; k < 3; k++) {
                    inner += W[k] * Math.exp(logNormal(X[i], MU[a] + NU[k]));
                }
                sum += Math.log(inner);
            }
            outer[a] = Math.log(a == 1 ? 0.4 : 0.6) + scale * sum;
        }
        double m = Math.max(outer[0], outer[1]);
        double expected = m + Math.log(Math.exp(outer[0] - m) + Math.exp(outer[1] - m));
        assertThat(elbo).isCloseTo(expected, Offset.offset(1e-10));
    }
}
