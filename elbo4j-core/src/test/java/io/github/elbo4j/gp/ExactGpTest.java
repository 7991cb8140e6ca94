package io.github.elbo4j.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactGp} against scikit-learn's {@code GaussianProcessRegressor} (same kernel, same fixed
 * hyperparameters with {@code optimizer=None}, noise variance as {@code alpha}, same data; values in
 * {@code sklearn_reference.json} from {@code make_reference.py}): log marginal likelihood, latent
 * predictive mean and sd to 1e-6 (the brief's tolerance; both sides are one Cholesky, so a wrong
 * sign, a missing ½ or a transposed solve shows as an O(1) error).
 */
class ExactGpTest {

    @Test
    void logMarginalLikelihoodAndPredictionsMatchScikitLearn() {
        for (JsonNode c : SklearnReference.cases()) {
            String name = c.get("name").asText();
            Kernel k = SklearnReference.KERNELS.get(name);
            Tensor x = SklearnReference.matrix(c.get("x"));
            Tensor y = Tensor.of(SklearnReference.doubles(c.get("y")));
            ExactGp gp = ExactGp.fit(k, c.get("noise").asDouble(), x, y);
            assertThat(gp.logMarginalLikelihood()).as(name).isCloseTo(c.get("lml").asDouble(), within(1e-6));
            GpPrediction p = gp.predict(SklearnReference.matrix(c.get("xs")));
            double[] mean = SklearnReference.doubles(c.get("mean"));
            double[] sd = SklearnReference.doubles(c.get("sd"));
            for (int i = 0; i < mean.length; i++) {
                assertThat(p.latentMean().toArray()[i]).as(name + " mean " + i).isCloseTo(mean[i], within(1e-6));
                assertThat(Math.sqrt(p.latentVariance().toArray()[i])).as(name + " sd " + i).isCloseTo(sd[i],
                        within(1e-6));
                assertThat(p.variance().toArray()[i] - p.latentVariance().toArray()[i]).isCloseTo(
                        c.get("noise").asDouble(), within(1e-12));
            }
        }
    }

    @Test
    void logMarginalLikelihoodGradientMatchesFiniteDifferences() {
        JsonNode c = SklearnReference.cases().get(0);
        Kernel k = SklearnReference.KERNELS.get("se_ard");
        Tensor x = SklearnReference.matrix(c.get("x"));
        Tensor y = Tensor.of(SklearnReference.doubles(c.get("y")));
        GradientChecker.Result r = GradientChecker.check(
                v -> ExactGp.logMarginalLikelihood(k, v[0], v[1], x, y), k.parameters(), Tensor.scalar(0.1));
        assertThat(r.maxError()).as(r.toString()).isLessThan(1e-7);
    }

    @Test
    void logPredictiveDensityIsTheGaussianWithTotalVariance() {
        Kernel k = SquaredExponential.of(1.0, 0.5);
        Tensor x = Tensor.of(new double[] {-1, 0, 1}, 3, 1);
        ExactGp gp = ExactGp.fit(k, 0.2, x, Tensor.of(0.3, -0.1, 0.8));
        Tensor xs = Tensor.of(new double[] {0.5}, 1, 1);
        GpPrediction p = gp.predict(xs);
        double m = p.mean().item();
        double v = p.variance().item();
        double expected = -0.5 * Math.log(2 * Math.PI * v) - (0.4 - m) * (0.4 - m) / (2 * v);
        assertThat(gp.logPredictiveDensity(xs, Tensor.of(0.4)).item()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void badNoiseAndShapesAreRejected() {
        Kernel k = SquaredExponential.of(1.0, 0.5);
        Tensor x = Tensor.zeros(3, 1);
        assertThatThrownBy(() -> ExactGp.fit(k, 0.0, x, Tensor.zeros(3)))
                .hasMessage("ExactGp noise variance must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> ExactGp.fit(k, 0.1, x, Tensor.zeros(4)))
                .hasMessage("ExactGp y must have shape [3] (one per row of x), got [4]");
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteNamesTheJitterTried() {
        Kernel k = SquaredExponential.of(1.0, 0.5);
        Tensor z = Tensor.of(new double[] {0.0, 0.0, 1.0}, 3, 1); // a repeated inducing input: K_uu is singular
        Tensor x = Tensor.of(new double[] {0.1, 0.4}, 2, 1);
        assertThatThrownBy(() -> SparseGpRegression.fit(k, 0.1, z, x, Tensor.zeros(2), 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SparseGpRegression K_uu [3x3] is not positive definite after adding jitter"
                        + " 0.0 to its diagonal (diagonal in [1.0, 1.0]");
        assertThatThrownBy(() -> Svgp.of(k, GaussianLikelihood.of(0.1), z).withJitter(0).fit(x, Tensor.zeros(2), 1))
                .hasMessageStartingWith("Svgp K_uu (inducing inputs) [3x3] is not positive definite after adding"
                        + " jitter 0.0");
        assertThat(SparseGpRegression.fit(k, 0.1, z, x, Tensor.zeros(2), 1e-6).elbo()).isFinite();
        // a jitter below the rounding of the diagonal (1 + 1e-17 == 1) leaves it singular
        assertThatThrownBy(() -> SparseGpRegression.bound(k, Var.constant(k.parameters()), Var.constant(0.1),
                Var.constant(z), x, Tensor.zeros(2), 1e-17))
                .hasMessageContaining("after adding jitter 1.0E-17");
    }
}
