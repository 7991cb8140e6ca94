package io.github.elbo4j.infer.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.MixtureSameFamily;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Poisson;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuidePosterior;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@code AutoGuide.laplace()} against closed forms. The model has two independent blocks:
 * <ul>
 * <li>a Poisson rate {@code λ ~ Gamma(α, β)}, {@code y_i ~ Poisson(λ)}: in {@code u = log λ},
 *     {@code log p(u | y) = (α + Σy) u - (β + n) eᵘ + const} (the Jacobian {@code eᵘ} included), so
 *     the mode is {@code û = log((α + Σy)/(β + n))} and {@code -∂²/∂u² = (β + n) e^û = α + Σy};</li>
 * <li>a linear regression {@code w ~ N(0, I₂)}, {@code z_i ~ N(x_i·w, σ²)}: Gaussian, so the mode
 *     is the posterior mean {@code Λ⁻¹ Xᵀ z / σ²} and {@code -∇² = Λ = I + XᵀX/σ²} (Bishop 2006,
 *     PRML, eqs. 3.50-3.51).</li>
 * </ul>
 * The guide's Gaussian must be {@code N(mode, H⁻¹)}, block diagonal. The Hessian comes from central
 * differences of exact gradients with step {@code ≈ 6e-6 max(1, |u|)}: error {@code O(h²) ≈ 1e-10}
 * relative; what limits the agreement is where L-BFGS stops: its relative objective tolerance
 * {@code ≈ 2e-12} leaves the mode off by up to {@code √(2 · 2e-12 · |f| / H) ≈ 1e-5} (measured
 * 5.6e-6 for {@code λ}), which moves {@code H = (α + Σy) e^δ} by the same relative amount. So 1e-4
 * (in {@code u} and relative in {@code H⁻¹}), which a wrong sign, a missing Jacobian ({@code α + Σy - 1},
 * 4% off) or a covariance not inverted would break by far.
 */
class LaplaceGuideTest {

    static final double ALPHA = 2.0;
    static final double BETA = 0.5;
    static final double[] COUNTS = {3, 5, 2, 4, 6};
    static final double[][] X = {{1.0, 0.3}, {-0.5, 1.2}, {0.8, -0.7}, {1.5, 0.4}};
    static final double[] Z = {1.1, 0.2, 0.9, 2.0};
    static final double SIGMA = 0.7;

    static final Model MODEL = m -> {
        Var lambda = m.sample("lambda", Gamma.of(ALPHA, BETA));
        m.plate("counts", COUNTS.length, p -> m.observe("y", Poisson.of(lambda), Tensor.of(COUNTS)));
        Var w = m.sample("w", Normal.of(Tensor.zeros(2), Tensor.ones(2)).toEvent(1));
        Var mean = w.reshape(-1, 2).matmul(Var.constant(design().transpose()));
        m.plate("rows", Z.length, p -> m.observe("z", Normal.of(mean, Var.constant(SIGMA)), Tensor.of(Z)));
    };

    static Tensor design() {
        double[] x = new double[X.length * 2];
        for (int i = 0; i < X.length; i++) {
            x[2 * i] = X[i][0];
            x[2 * i + 1] = X[i][1];
        }
        return Tensor.of(x, X.length, 2);
    }

    @Test
    void theGuideIsTheModeAndTheInverseHessian() {
        Fit fit = Svi.builder(MODEL).guide(AutoGuide.laplace()).seed(1).build().run();
        assertThat(fit.method()).startsWith("Laplace approximation");
        assertThat(fit.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(fit.parameters()).isEmpty();
        GaussianMoments q = ((GuidePosterior) fit.posterior()).moments().orElseThrow();

        double sum = 0;
        for (double c : COUNTS) {
            sum += c;
        }
        double modeU = Math.log((ALPHA + sum) / (BETA + COUNTS.length));
        double curvature = ALPHA + sum;
        Tensor x = design();
        Tensor lambda = Tensor.eye(2).add(x.transpose().matmul(x).div(SIGMA * SIGMA));
        Tensor cov = LinearAlgebra.choleskyInverse(LinearAlgebra.cholesky(lambda));
        Tensor meanW = cov.matmul(x.transpose()).matmul(Tensor.of(Z).reshape(Z.length, 1)).div(SIGMA * SIGMA).reshape(2);

        assertThat(q.mean().get(0)).isCloseTo(modeU, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(q.mean().get(1)).isCloseTo(meanW.get(0), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(q.mean().get(2)).isCloseTo(meanW.get(1), org.assertj.core.data.Offset.offset(1e-4));
        Tensor c = q.covariance();
        assertThat(c.get(0, 0) * curvature).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Math.abs(c.get(0, 1)) + Math.abs(c.get(0, 2))).isLessThan(1e-6);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(c.get(1 + i, 1 + j)).isCloseTo(cov.get(i, j), org.assertj.core.data.Offset.offset(1e-4 * cov.get(i, i)));
            }
        }
        // the posterior summary is in constrained space: λ = exp(u) is log-normal under q
        assertThat(((GuidePosterior) fit.posterior()).location("lambda").item()).isCloseTo(modeU,
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(fit.paretoK()).isPresent();
    }

    /**
     * A saddle: {@code a} drawn from an equal mixture of {@code N(±2, 1)} has {@code log p(a) =
     * -a²/2 + log cosh 2a + const}, stationary at its prior mean 0 where the mode search starts and
     * stops (zero gradient), with {@code -∂²/∂a² = 1 - 4 = -3}.
     */
    @Test
    void aNegativeCurvatureNamesTheSiteAndItsValue() {
        Model saddle = m -> {
            m.sample("b", Normal.of(0, 1));
            m.sample("a", MixtureSameFamily.ofProbs(Tensor.of(0.5, 0.5), Normal.of(Tensor.of(-2, 2), Tensor.of(1, 1))));
        };
        assertThatThrownBy(() -> Svi.builder(saddle).guide(AutoGuide.laplace()).build().run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a Laplace guide needs a positive-definite Hessian of -log p(u | x) at the mode, but its "
                        + "curvature along site 'a' is H = -3.00000 <= 0 at unconstrained value 0.00000, value 0.00000 (mode search "
                        + "CONVERGED");
    }

    /**
     * Positive curvature along each axis but a saddle jointly: {@code a, b ~ N(0, 1)} and a factor
     * {@code -2ab}, so {@code H = [[1, 2], [2, 1]]} (eigenvalues 3 and -1) at the stationary start 0;
     * the Cholesky pivot of {@code b} is {@code 1 - 2² = -3}.
     */
    @Test
    void aSaddleAcrossSitesNamesTheCoupling() {
        Model coupled = m -> {
            Var a = m.sample("a", Normal.of(0, 1));
            Var b = m.sample("b", Normal.of(0, 1));
            m.factor("coupling", a.mul(b).mul(-2.0));
        };
        assertThatThrownBy(() -> Svi.builder(coupled).guide(AutoGuide.laplace()).build().run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the curvature along site 'b' (H = 1.00000 at unconstrained value 0.00000, value 0.00000) is "
                        + "used up by its coupling to the coordinates before it: pivot -3.00000 <= 0, strongest with site 'a' "
                        + "(H = 2.00000, correlation 2.0000)");
    }

    /** The mode and the Hessian's factor are the saved coordinates: the loaded fit summarizes to the same bits. */
    @Test
    void aSavedLaplaceFitLoadsWithTheSameSummary(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Fit fit = Svi.builder(MODEL).guide(AutoGuide.laplace()).seed(1).build().run();
        java.nio.file.Path file = dir.resolve("laplace.json");
        fit.save(file);
        Fit loaded = Fit.load(file, MODEL);
        assertThat(loaded.summary()).isEqualTo(fit.summary());
        assertThat(((GuidePosterior) loaded.posterior()).moments().orElseThrow().covariance())
                .isEqualTo(((GuidePosterior) fit.posterior()).moments().orElseThrow().covariance());
    }

    @Test
    void theLaplaceGuideIsNamedAndHasNoCoordinatesOfItsOwn() {
        assertThat(AutoGuide.named("laplace")).isEqualTo(AutoGuide.laplace());
        assertThatThrownBy(() -> AutoGuide.laplace().guideFor(null, Preconditioner.identity(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dense coordinates");
    }
}
