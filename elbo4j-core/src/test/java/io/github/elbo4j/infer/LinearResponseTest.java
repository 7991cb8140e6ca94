package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Cauchy;
import io.github.elbo4j.distribution.continuous.LogNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.InitStrategy;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Sgd;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Linear-response covariances ({@link Fit#linearResponse()}). For a linear regression with known
 * noise sd {@code σ} and prior {@code w ~ N(0, τ² I)} the posterior is Gaussian with precision
 * {@code Λ = XᵀX/σ² + I/τ²} (Bishop 2006, PRML, eq. 3.54): the mean-field optimum has variances
 * {@code 1/Λ_ii} (PRML eq. 10.12), too small when the features are correlated, and the
 * linear-response covariance is exactly {@code Λ⁻¹} (Giordano et al., NeurIPS 2015, sec. 3: exact
 * for a Gaussian target; with moment-matched fixed draws the ELBO of a Gaussian target is exact).
 */
class LinearResponseTest {

    private static final int N = 30;
    private static final int D = 3;
    private static final double SIGMA = 0.7;
    private static final double TAU = 2.0;

    /** Features with correlation about 0.9 between the first two columns, so mean field is visibly too narrow. */
    private static Tensor[] data() {
        Random r = new Random(17);
        double[] x = new double[N * D];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double a = r.nextGaussian();
            x[i * D] = a;
            x[i * D + 1] = a + 0.45 * r.nextGaussian();
            x[i * D + 2] = r.nextGaussian();
            y[i] = 1.0 * x[i * D] - 0.5 * x[i * D + 1] + 0.3 * x[i * D + 2] + SIGMA * r.nextGaussian();
        }
        return new Tensor[] {Tensor.of(x, N, D), Tensor.of(y)};
    }

    private static Model regression(Tensor x, Tensor y) {
        Var xt = Var.constant(x.transpose());
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(D), Tensor.full(TAU, D)).toEvent(1));
            Var mean = w.reshape(-1, D).matmul(xt);
            m.plate("rows", N, p -> m.observe("y", Normal.of(mean, SIGMA), y));
        };
    }

    @Test
    void recoversTheExactPosteriorCovarianceOfALinearRegressionWhereMeanFieldIsTooNarrow() {
        Tensor[] xy = data();
        Fit fit = Svi.builder(regression(xy[0], xy[1])).guide(AutoGuide.meanField()).seed(3).build().run();
        assertThat(fit.converged()).isTrue();
        Tensor precision = xy[0].transpose().matmul(xy[0]).div(SIGMA * SIGMA).add(LinearAlgebra.diagEmbed(Tensor.full(1 / (TAU * TAU), D)));
        double[] exact = LinearAlgebra.choleskyInverse(LinearAlgebra.cholesky(precision)).toArray();
        double[] lambda = precision.toArray();

        LinearResponse lr = fit.linearResponse();

        double[] cov = lr.covariance().toArray();
        for (int k = 0; k < D * D; k++) {
            assertThat(cov[k]).as("Cov_LR entry %d", k).isCloseTo(exact[k], org.assertj.core.data.Offset.offset(1e-6));
        }
        for (int i = 0; i < D; i++) {
            double exactSd = Math.sqrt(exact[i * D + i]);
            LinearResponse.Row row = lr.row("w[" + i + "]");
            // the mean-field optimum 1/sqrt(Λ_ii), and it is too small for the correlated pair (by 2x or more here)
            assertThat(row.meanFieldSd()).isCloseTo(1 / Math.sqrt(lambda[i * D + i]), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(row.sd()).isCloseTo(exactSd, org.assertj.core.data.Offset.offset(1e-6));
            if (i < 2) {
                assertThat(row.meanFieldSd()).isLessThan(0.5 * exactSd);
            }
        }
        assertThat(lr.gradientNorm()).isLessThan(1e-3);
    }

    /**
     * A loaded fit has no record of its fixed draws: it takes 256 fresh moment-matched ones (more than
     * the 3 coordinates), and for a Gaussian target any moment-matched draws give the exact ELBO, so
     * the covariance is exact again, though the fit maximized the ELBO with fewer draws of its own (its provenance).
     */
    @Test
    void aLoadedFitUsesItsOwnSetOfFixedDraws(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Tensor[] xy = data();
        Model model = regression(xy[0], xy[1]);
        Fit fit = Svi.builder(model).guide(AutoGuide.meanField()).seed(3).build().run();
        java.nio.file.Path file = dir.resolve("fit.json");
        fit.save(file);
        LinearResponse own = fit.linearResponse();
        LinearResponse loaded = Fit.load(file, model).linearResponse();
        assertThat(own.draws()).isEqualTo(Integer.parseInt(fit.provenance().settings().get("fixedDraws")));
        assertThat(loaded.draws()).isEqualTo(256);
        double[] a = own.covariance().toArray();
        double[] b = loaded.covariance().toArray();
        for (int k = 0; k < a.length; k++) {
            assertThat(b[k]).isCloseTo(a[k], org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void mapsTheCovarianceToConstrainedSpaceByTheDeltaMethod() {
        // sigma ~ LogNormal(0, 1) with y_i ~ N(0, sigma): the row of sigma is exp(m) * sd(log sigma)
        double[] y = {0.3, -1.2, 0.8, 2.1, -0.4, 0.9, -1.7, 0.1};
        Model model = m -> {
            Var s = m.sample("sigma", LogNormal.of(0, 1));
            m.plate("rows", y.length, p -> m.observe("y", Normal.of(Var.constant(Tensor.zeros(y.length)), s), Tensor.of(y)));
        };
        LinearResponse lr = Svi.builder(model).seed(1).build().run().linearResponse();
        double m = lr.mean().item();
        assertThat(lr.row("sigma").sd()).isCloseTo(Math.exp(m) * lr.sd().item(), org.assertj.core.data.Offset.offset(1e-7));
        assertThat(lr.row("sigma").meanFieldSd()).isCloseTo(Math.exp(m) * lr.meanFieldSd().item(),
                org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void refusesAPointWhereTheNegativeHessianIsNotPositiveDefinite() {
        // a Cauchy target: log p is convex beyond |x| = 1, so a narrow guide at x = 10 sits where
        // -d²ELBO/dm² = E_q[(log p)''] = -2(1 - 100)/101² < 0: one SGD step leaves it there
        Model model = m -> m.sample("x", Cauchy.of(0, 1));
        Fit fit = Svi.builder(model).guide(AutoGuide.meanField(0.01)).init(InitStrategy.values(Map.of("x", Tensor.scalar(10.0))))
                .warmStart(WarmStart.none()).optimizer(Sgd.lr(1e-6)).convergence(Convergence.none()).maxSteps(1).seed(1).build().run();
        assertThatThrownBy(fit::linearResponse).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not positive definite").hasMessageContaining("auto_loc[0]").hasMessageContaining("latent 'x'");
    }

    @Test
    void refusesAGuideThatIsNotMeanField() {
        Model model = m -> m.sample("x", Normal.of(1, 2));
        Fit fit = Svi.builder(model).guide(AutoGuide.fullRank()).seed(1).build().run();
        assertThatThrownBy(fit::linearResponse).isInstanceOf(IllegalStateException.class).hasMessageContaining("fullrank");
    }
}
