package io.github.elbo4j.infer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.distribution.discrete.Poisson;
import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.infer.PrototypeRun;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mode and the Hessian of the unconstrained log density against closed forms: the Hessian is
 * computed by central differences of exact (reverse-mode) gradients, so its error is
 * {@code O(h²)} with {@code h ≈ 6e-6}: about 1e-9 relative here.
 */
class LaplaceApproximationTest {

    private static LogDensity density(Model model) {
        LatentLayout layout = LatentLayout.of(PrototypeRun.of(model, RandomStream.of(1)).trace());
        return new LogDensity(model, layout, RandomStream.of(2));
    }

    /**
     * Logistic regression {@code w ~ N(0, I)}, {@code y ~ Bernoulli(σ(Xw))}: the negative Hessian
     * is {@code I + Xᵀ diag(p(1-p)) X} at every {@code w} (Bishop 2006, PRML, eq. 4.97 plus the prior).
     */
    @Test
    void theLogisticRegressionHessianIsIdentityPlusXtWX() {
        int n = 60;
        int d = 3;
        Random r = new Random(7);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = r.nextGaussian();
            }
            y[i] = r.nextDouble() < 0.5 ? 1 : 0;
        }
        Tensor xs = Tensor.of(x, n, d);
        Var xt = Var.constant(xs.transpose());
        Model model = m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            Var logits = w.reshape(-1, d).matmul(xt);
            m.plate("rows", n, p -> m.observe("y", Bernoulli.ofLogits(logits), Tensor.of(y)));
        };
        LogDensity density = density(model);
        double[] at = {0.3, -0.7, 1.1};
        Tensor h = LaplaceApproximation.negativeHessian(density, at);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double exact = a == b ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    double eta = x[i * d] * at[0] + x[i * d + 1] * at[1] + x[i * d + 2] * at[2];
                    double p = 1 / (1 + Math.exp(-eta));
                    exact += x[i * d + a] * x[i * d + b] * p * (1 - p);
                }
                assertThat(h.get(a, b)).as("H[%d][%d]", a, b).isCloseTo(exact, within(1e-7 * Math.abs(exact) + 1e-9));
            }
        }
    }

    /**
     * Gamma-Poisson in unconstrained space {@code u = log λ}: with {@code λ ~ Gamma(a, b)} and
     * counts {@code k_i}, {@code log p(u) = (a + Σk) u - (b + n) e^u + const} (the Jacobian adds
     * {@code u}), so the mode is {@code û = log((a + Σk)/(b + n))} and {@code H = (b + n) e^û = a + Σk}.
     */
    @Test
    void theGammaPoissonModeAndCurvatureInLogSpaceAreExact() {
        double a = 2;
        double b = 0.5;
        double[] k = {3, 0, 4, 2, 5};
        Model model = m -> {
            Var rate = m.sample("rate", Gamma.of(a, b));
            m.plate("counts", k.length, p -> m.observe("k", Poisson.of(rate.reshape(-1, 1)), Tensor.of(k)));
        };
        LaplaceApproximation laplace = LaplaceApproximation.of(density(model), new double[] {0.0}, Lbfgs.defaults());
        double sum = 14;
        // L-BFGS stops on Stan's relative-gradient test (∇ᵀH⁻¹∇ / |f| < 1e7 ε): |û - u*| below about 1e-4 here
        assertThat(laplace.mode()[0]).isCloseTo(Math.log((a + sum) / (b + k.length)), within(1e-4));
        // at û the curvature (b + n) e^û differs from a + Σk by the same relative amount
        assertThat(laplace.precision().get(0, 0)).isCloseTo((b + k.length) * Math.exp(laplace.mode()[0]), within(1e-6));
        assertThat(laplace.precision().get(0, 0)).isCloseTo(a + sum, within(2e-3));
        assertThat(laplace.search().converged()).isTrue();
    }
}
