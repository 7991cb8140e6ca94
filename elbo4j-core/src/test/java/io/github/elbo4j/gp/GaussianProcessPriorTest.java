package io.github.elbo4j.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuidePosterior;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The GP prior inside a model: {@code f ~ GP(0, k)} at six inputs, {@code y_i ~ N(f_i, σ)}. The
 * posterior of {@code f} is Gaussian with the exact GP's latent mean and covariance at the training
 * inputs, {@code K - K(K + σ²I)⁻¹K}; the project's full-rank guide with its default (deterministic,
 * converged) settings reaches that optimum, so the fitted moments must match {@link ExactGp}'s to
 * the optimizer's tolerance (1e-4 asserted; the jitter 1e-6 on the prior moves them by ~1e-6).
 */
class GaussianProcessPriorTest {

    @Test
    void aGpPriorInAModelHasTheExactGpPosterior() {
        Tensor x = Tensor.of(new double[] {-2.0, -1.1, 0.0, 0.4, 1.3, 2.2}, 6, 1);
        Tensor y = Tensor.of(-0.9, -0.7, 0.1, 0.3, 0.8, 1.1);
        Kernel k = Matern.fiveHalves(1.0, 1.0);
        double sd = 0.3;
        Model model = m -> {
            Var f = m.sample("f", GaussianProcess.prior(k, x));
            m.observe("y", Normal.of(f, sd).toEvent(1), y);
        };
        Fit fit = Svi.builder(model).guide(AutoGuide.fullRank()).seed(2).build().run();
        var moments = ((GuidePosterior) fit.posterior()).moments().orElseThrow();
        ExactGp exact = ExactGp.fit(k, sd * sd, x, y);
        double[] mean = exact.predict(x).latentMean().toArray();
        // exact posterior covariance K - K (K + σ²I)⁻¹ K
        Tensor kxx = k.matrix(x, x);
        Tensor l = LinearAlgebra.cholesky(kxx.add(Tensor.eye(6).mul(sd * sd)));
        Tensor cov = kxx.sub(kxx.matmul(LinearAlgebra.choleskySolve(l, kxx)));
        assertThat(fit.converged()).isTrue();
        for (int i = 0; i < 6; i++) {
            assertThat(moments.mean().toArray()[i]).isCloseTo(mean[i], within(1e-4));
            for (int j = 0; j < 6; j++) {
                assertThat(moments.covariance().get(i, j)).isCloseTo(cov.get(i, j), within(1e-4));
            }
        }
    }

    @Test
    void aPriorAtRepeatedInputsWithoutJitterNamesTheJitter() {
        Tensor x = Tensor.of(new double[] {0.5, 0.5}, 2, 1);
        Kernel k = SquaredExponential.of(1.0, 1.0);
        assertThatThrownBy(() -> GaussianProcess.prior(k, Var.constant(k.parameters()), x, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GaussianProcess prior K [2x2] is not positive definite after adding jitter 0.0");
        assertThat(GaussianProcess.prior(k, x).logProb(Tensor.of(0.5, 0.5)).item()).isFinite();
    }
}
