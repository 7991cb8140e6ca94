package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The matrix-variate Gaussian layer against {@code src/test/resources/reference/matrix_gaussian.json},
 * written by {@code make_matrix_gaussian_reference.py} in the same folder: numpy builds the dense
 * {@code 12 × 12} covariance {@code V ⊗ U} of {@code vec([W; b])} and computes the KL to
 * {@code N(0, s² I)} with {@code slogdet}, and each row's pre-activation mean and covariance by the
 * dense product {@code J Σ Jᵀ}, not by the closed forms the layer uses. Its {@code L} has a full
 * random upper triangle and diagonal, which the layer must ignore.
 */
class MatrixGaussianLinearTest {

    private static JsonNode reference() throws IOException {
        try (InputStream in = MatrixGaussianLinearTest.class.getResourceAsStream("/reference/matrix_gaussian.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Tensor matrix(JsonNode rows) {
        double[][] v = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            v[i] = vector(rows.get(i)).toArray();
        }
        return Tensor.of(v);
    }

    private static Tensor vector(JsonNode values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        return Tensor.of(v);
    }

    private static Tensor[] params(JsonNode r) {
        return new Tensor[] {matrix(r.get("M")), vector(r.get("rhoA")), matrix(r.get("L")), vector(r.get("rhoB"))};
    }

    private static Var[] constants(Tensor[] p) {
        return new Var[] {Var.constant(p[0]), Var.constant(p[1]), Var.constant(p[2]), Var.constant(p[3])};
    }

    /** Tolerance 1e-10 relative: a dozen O(1) terms, each rounded to an ulp, against numpy's slogdet. */
    @Test
    void klMatchesTheDenseKroneckerGaussianKl() throws IOException {
        JsonNode r = reference();
        Var[] p = constants(params(r));
        MatrixGaussianLinear layer = MatrixGaussianLinear.of(3, 3);
        for (JsonNode c : r.get("kl")) {
            double expected = c.get("value").asDouble();
            double kl = layer.klDivergence(p[0], p[1], p[2], p[3], NormalPrior.of(c.get("prior_scale").asDouble())).item();
            assertThat(kl).as("prior scale %s", c.get("prior_scale")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-10 * expected));
        }
    }

    /** {@code M = 0}, {@code a_i = B_jj = sqrt(s)}, {@code L = 0}: the posterior is the prior, KL 0 (to rounding). */
    @Test
    void klOfThePriorToItselfIsZero() {
        double s = 0.7;
        double rho = Math.log(Math.expm1(Math.sqrt(s)));
        double kl = MatrixGaussianLinear.of(4, 2).klDivergence(Var.constant(Tensor.zeros(5, 2)), Var.constant(Tensor.full(rho, 5)),
                Var.constant(Tensor.zeros(2, 2)), Var.constant(Tensor.full(rho, 2)), NormalPrior.of(s)).item();
        assertThat(Math.abs(kl)).isLessThan(1e-12);
    }

    /**
     * Both estimators' pre-activations at the reference rows, over 20000 particles, have the
     * reference mean and covariance: each mean within 4.5 standard errors {@code sqrt(C_jj / S)},
     * each covariance entry within 4.5 {@code sqrt((C_jj C_kk + C_jk²) / S)} (the Gaussian variance of
     * a product moment); 36 checks, each failing by chance with probability 7e-6.
     */
    @Test
    void preActivationMomentsMatchTheDenseReference() throws IOException {
        JsonNode r = reference();
        Var[] p = constants(params(r));
        MatrixGaussianLinear layer = MatrixGaussianLinear.of(3, 3);
        JsonNode rows = r.get("rows");
        Tensor x = Tensor.of(new double[][] {vector(rows.get(0).get("x")).toArray(), vector(rows.get(1).get("x")).toArray()});
        int s = 20_000;
        for (boolean local : new boolean[] {true, false}) {
            Tensor y = layer.forward(Var.constant(x), p[0], p[1], p[2], p[3], s, RandomStream.of(local ? 41 : 42), local).value();
            for (int n = 0; n < 2; n++) {
                Tensor mean = vector(rows.get(n).get("mean"));
                Tensor cov = matrix(rows.get(n).get("cov"));
                Tensor yn = y.slice(1, n, n + 1).reshape(s, 3);
                Tensor m = yn.mean(0);
                Tensor c = yn.sub(m).transpose().matmul(yn.sub(m)).div(s - 1.0);
                for (int j = 0; j < 3; j++) {
                    assertThat(Math.abs(m.get(j) - mean.get(j))).as("mean local=%s row %d unit %d", local, n, j)
                            .isLessThan(4.5 * Math.sqrt(cov.get(j, j) / s));
                    for (int k = 0; k <= j; k++) {
                        double se = Math.sqrt((cov.get(j, j) * cov.get(k, k) + cov.get(j, k) * cov.get(j, k)) / s);
                        assertThat(Math.abs(c.get(j, k) - cov.get(j, k))).as("cov local=%s row %d (%d,%d)", local, n, j, k)
                                .isLessThan(4.5 * se);
                    }
                }
            }
        }
    }

    @Test
    void gradientsOfBothEstimatorsAndTheKlMatchFiniteDifferences() throws IOException {
        Tensor[] p = params(reference());
        MatrixGaussianLinear layer = MatrixGaussianLinear.of(3, 3);
        for (boolean local : new boolean[] {false, true}) {
            for (int s : new int[] {1, 3}) {
                for (Tensor x : new Tensor[] {gaussian(5, 4, 3), gaussian(6, s, 4, 3)}) {
                    GradientChecker.Result g = GradientChecker.check(v -> layer.forward(v[0], v[1], v[2], v[3], v[4], s,
                            RandomStream.of(11), local), x, p[0], p[1], p[2], p[3]);
                    assertThat(g.maxError()).as("local = %s, S = %d, x rank %d: %s", local, s, x.shape().length, g).isLessThan(1e-7);
                }
            }
        }
        GradientChecker.Result kl = GradientChecker.check(v -> layer.klDivergence(v[0], v[1], v[2], v[3], NormalPrior.of(0.5)),
                p[0], p[1], p[2], p[3]);
        assertThat(kl.maxError()).as("KL: %s", kl).isLessThan(1e-7);
    }

    private static Tensor gaussian(long seed, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        RandomStream.of(seed).fillGaussian(v);
        return Tensor.of(v, shape);
    }

    @Test
    void badInputIsRefusedNamingTheArgumentTheValueAndTheRule() {
        MatrixGaussianLinear layer = MatrixGaussianLinear.of(3, 2);
        Var x = Var.constant(Tensor.zeros(4, 3));
        Var m = Var.constant(Tensor.zeros(4, 2));
        Var ra = Var.constant(Tensor.zeros(4));
        Var l = Var.constant(Tensor.zeros(2, 2));
        Var rb = Var.constant(Tensor.zeros(2));
        assertThatThrownBy(() -> MatrixGaussianLinear.of(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MatrixGaussianLinear sizes must be >= 1, got in = 3, out = 0");
        assertThatThrownBy(() -> layer.forward(x, Var.constant(Tensor.zeros(3, 2)), ra, l, rb, 1, RandomStream.of(1), true))
                .hasMessage("MatrixGaussianLinear loc must have shape [4, 2], got [3, 2]");
        assertThatThrownBy(() -> layer.klDivergence(m, ra, l, Var.constant(Tensor.zeros(3)), NormalPrior.of(1)))
                .hasMessage("MatrixGaussianLinear rhoB must have shape [2], got [3]");
        assertThatThrownBy(() -> layer.forward(Var.constant(Tensor.zeros(4, 2)), m, ra, l, rb, 2, RandomStream.of(1), true))
                .hasMessage("MatrixGaussianLinear x must have shape [N, 3] or [2, N, 3], got [4, 2]");
        assertThatThrownBy(() -> layer.forward(x, m, ra, l, rb, 0, RandomStream.of(1), false))
                .hasMessage("MatrixGaussianLinear particles must be >= 1, got 0");
        assertThatThrownBy(() -> NormalPrior.of(0.0)).hasMessage("NormalPrior scale must be finite and > 0, got 0.0");
        BayesianMlp net = BayesianMlp.of(Activation.RELU, 1, 5, 1).withPosterior(WeightPosterior.MATRIX_GAUSSIAN);
        assertThatThrownBy(() -> net.withPrior(ScaleMixturePrior.of(0.5, 1.0, 0.1)))
                .hasMessage("BayesianMlp posterior MATRIX_GAUSSIAN needs a NormalPrior (its KL is in closed form), got "
                        + "ScaleMixturePrior[weight=0.5, scale1=1.0, scale2=0.1]; use FACTORISED_GAUSSIAN for this prior");
        assertThatThrownBy(() -> BayesianMlp.of(Activation.RELU, 1, 5, 1).withPrior(ScaleMixturePrior.of(0.5, 1.0, 0.1))
                .withPosterior(WeightPosterior.MATRIX_GAUSSIAN)).hasMessageContaining("needs a NormalPrior");
        assertThatThrownBy(() -> net.forward(java.util.List.of(), Var.constant(Tensor.zeros(1, 1)), 1, RandomStream.of(1)))
                .hasMessage("BayesianMlp params must hold 4 tensors per layer (8 for 2 layers), got 0");
        // the factorised family's parameters handed to the matrix-Gaussian layers name the first misfit
        BayesianMlp factorised = BayesianMlp.of(Activation.RELU, 1, 5, 1);
        java.util.List<Var> wrong = factorised.init(0).stream().map(Var::constant).toList();
        assertThatThrownBy(() -> net.forward(wrong, Var.constant(Tensor.zeros(1, 1)), 1, RandomStream.of(1)))
                .hasMessage("MatrixGaussianLinear loc must have shape [2, 5], got [1, 5]");
    }
}
