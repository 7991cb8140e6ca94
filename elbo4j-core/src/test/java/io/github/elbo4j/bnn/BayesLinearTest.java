package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BayesLinearTest {

    private static final BayesLinear LAYER = BayesLinear.of(3, 2);

    private static Tensor normal(long seed, double scale, double shift, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        RandomStream.of(seed).fillGaussian(v);
        return Tensor.of(v, shape).mul(scale).add(shift);
    }

    private static Tensor[] params() {
        return new Tensor[] {normal(1, 0.5, 0, 3, 2), normal(2, 0.5, -1, 3, 2), normal(3, 0.5, 0, 2), normal(4, 0.5, -1, 2)};
    }

    @Test
    void gradientsOfBothEstimatorsMatchFiniteDifferences() {
        Tensor[] p = params();
        for (boolean local : new boolean[] {false, true}) {
            for (int s : new int[] {1, 3}) { // one draw takes a path of its own (no batch axis)
                // x shared by the particles, then one x per particle (the input of a second layer)
                for (Tensor x : new Tensor[] {normal(5, 1, 0, 4, 3), normal(6, 1, 0, s, 4, 3)}) {
                    GradientChecker.Result r = GradientChecker.check(v -> LAYER.forward(v[0], v[1], v[2], v[3], v[4], s,
                            RandomStream.of(11), local), x, p[0], p[1], p[2], p[3]);
                    assertThat(r.maxError()).as("local = %s, S = %d, x %s: %s", local, s, x.shape().length, r)
                            .isLessThan(1e-7);
                }
            }
        }
    }

    /**
     * Both estimators draw the pre-activation {@code y_nj} from {@code N(Σ_i x_ni μ_ij + μ_bj,
     * Σ_i x_ni² σ_ij² + σ_bj²)}: the sample mean and variance over 20000 particles are within 4.5
     * standard errors of these moments for each of the 2 x 2 outputs.
     */
    @Test
    void preActivationMomentsOfLocalReparameterizationMatchWeightSampling() {
        Tensor[] p = params();
        Tensor x = Tensor.of(new double[] {1.0, -2.0, 0.5, 0.3, 0.0, -1.5}, 2, 3);
        Tensor sw = Var.constant(p[1]).softplus().value();
        Tensor sb = Var.constant(p[3]).softplus().value();
        Tensor mean = x.matmul(p[0]).add(p[2]);
        Tensor variance = x.square().matmul(sw.square()).add(sb.square());
        int s = 20_000;
        for (boolean local : new boolean[] {false, true}) {
            Tensor y = LAYER.forward(Var.constant(x), Var.constant(p[0]), Var.constant(p[1]), Var.constant(p[2]),
                    Var.constant(p[3]), s, RandomStream.of(local ? 21 : 22), local).value();
            Tensor m = y.mean(0);
            Tensor v = y.sub(m).square().sum(0).div(s - 1.0);
            for (int n = 0; n < 2; n++) {
                for (int j = 0; j < 2; j++) {
                    double trueVar = variance.get(n, j);
                    assertThat(Math.abs(m.get(n, j) - mean.get(n, j))).as("mean local=%s (%d,%d)", local, n, j)
                            .isLessThan(4.5 * Math.sqrt(trueVar / s));
                    assertThat(Math.abs(v.get(n, j) - trueVar)).as("variance local=%s (%d,%d)", local, n, j)
                            .isLessThan(4.5 * trueVar * Math.sqrt(2.0 / (s - 1)));
                }
            }
        }
    }

    /** Weight sampling shares one weight draw between rows (correlated rows); the local trick draws rows independently. */
    @Test
    void onlyWeightSamplingCorrelatesRows() {
        Tensor[] p = params();
        Tensor x = Tensor.of(new double[] {1.0, -2.0, 0.5, 1.0, -2.0, 0.5}, 2, 3); // two equal rows
        int s = 20_000;
        for (boolean local : new boolean[] {false, true}) {
            Tensor y = LAYER.forward(Var.constant(x), Var.constant(p[0]), Var.constant(p[1]), Var.constant(p[2]),
                    Var.constant(p[3]), s, RandomStream.of(31), local).value();
            Tensor a = y.slice(1, 0, 1).reshape(-1);
            Tensor b = y.slice(1, 1, 2).reshape(-1);
            double equalRows = a.sub(b).square().max().item();
            if (local) {
                assertThat(equalRows).isGreaterThan(0.01);
            } else {
                assertThat(equalRows).isEqualTo(0.0);
            }
        }
    }

    @Test
    void wrongShapesAndCountsAreRefusedNamingTheArgument() {
        Tensor[] p = params();
        Var x = Var.constant(Tensor.zeros(4, 3));
        assertThatThrownBy(() -> LAYER.forward(x, Var.constant(Tensor.zeros(2, 3)), Var.constant(p[1]),
                Var.constant(p[2]), Var.constant(p[3]), 1, RandomStream.of(1), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BayesLinear weightLoc must have shape [3, 2], got [2, 3]");
        assertThatThrownBy(() -> LAYER.forward(x, Var.constant(p[0]), Var.constant(p[1]), Var.constant(p[2]),
                Var.constant(Tensor.zeros(3)), 1, RandomStream.of(1), true))
                .hasMessage("BayesLinear biasRho must have shape [2], got [3]");
        assertThatThrownBy(() -> LAYER.forward(Var.constant(Tensor.zeros(4, 2)), Var.constant(p[0]), Var.constant(p[1]),
                Var.constant(p[2]), Var.constant(p[3]), 2, RandomStream.of(1), false))
                .hasMessage("BayesLinear x must have shape [N, 3] or [2, N, 3], got [4, 2]");
        assertThatThrownBy(() -> LAYER.forward(x, Var.constant(p[0]), Var.constant(p[1]), Var.constant(p[2]),
                Var.constant(p[3]), 0, RandomStream.of(1), false))
                .hasMessage("BayesLinear particles must be >= 1, got 0");
        assertThatThrownBy(() -> BayesLinear.of(0, 2)).hasMessage("BayesLinear sizes must be >= 1, got in = 0, out = 2");
    }
}
