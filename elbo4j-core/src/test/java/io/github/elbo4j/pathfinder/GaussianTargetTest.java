package io.github.elbo4j.pathfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Pathfinder on normalized Gaussian targets, where {@code log Z = 0} and every quantity is known exactly. */
class GaussianTargetTest {

    static final double[] MU = {1.0, -2.0, 0.5, 3.0};
    static final double[][] COV = {
        {2.0, 0.6, -0.3, 0.1},
        {0.6, 1.0, 0.2, 0.0},
        {-0.3, 0.2, 0.5, -0.1},
        {0.1, 0.0, -0.1, 1.5}};

    static Model correlated() {
        return m -> m.sample("z", MultivariateNormal.ofCovariance(Tensor.of(MU), Tensor.of(COV)));
    }

    /**
     * An isotropic target {@code N(μ, 4 I)}: the first step of L-BFGS is along {@code -∇ = (x - μ)/4},
     * so the first pair has {@code y = s / 4}; the diagonal update then gives {@code α = 4} exactly,
     * the BFGS update leaves {@code 4 I} unchanged ({@code H y = s} already holds), and
     * {@code μ_1 = x_1 + 4 ∇log p(x_1) = μ}: the approximation at iterate 1 is the target, so every
     * draw has {@code log p - log q = log Z = 0}. A wrong sign in {@code x + Σ g}, a wrong diagonal
     * update or a wrong normalizing constant in {@code log q} each breaks one of these equalities.
     */
    @Test
    void isotropicTargetIsRecoveredExactlyFromTheFirstPair() {
        double[] mu = {1.0, -2.0, 0.5, 3.0, 0.0};
        Model model = m -> m.sample("z", Normal.of(Tensor.of(mu), Tensor.full(2.0, 5)).toEvent(1));
        PathfinderFit r = Pathfinder.of(model).paths(1).seed(3).run();
        NormalApproximation q = r.paths().get(0).approximation();
        double[] mean = q.mean();
        double[][] cov = q.covariance();
        for (int i = 0; i < 5; i++) {
            assertThat(mean[i]).isCloseTo(mu[i], within(1e-9));
            for (int j = 0; j < 5; j++) {
                assertThat(cov[i][j]).isCloseTo(i == j ? 4.0 : 0.0, within(1e-9));
            }
        }
        for (double ratio : r.paths().get(0).logRatios()) {
            assertThat(ratio).isCloseTo(0.0, within(1e-9));
        }
        assertThat(r.paths().get(0).elbo()).isCloseTo(0.0, within(1e-9));
    }

    /**
     * A correlated 4-D target. L-BFGS's Wolfe steps are not conjugate, so BFGS's estimate from them
     * is not exactly {@code Σ} (quadratic termination needs exact line searches; that case is
     * {@code InverseHessianFactorsTest.conjugateStepsSpanningTheSpaceGiveTheExactInverseHessian}).
     * At convergence the gradient vanishes, so the mean {@code x + Σ_l g} is the target's mean up to
     * L-BFGS's tolerance; the covariance is close in the exact {@code KL(q ‖ p)} (measured 0.030 nats
     * on this seed; bound 0.1), and the ELBO estimate is {@code log Z - KL = -KL} within its Monte
     * Carlo error (25 draws: the sd of {@code log p - log q} is about {@code √(2 KL)}, so 5 standard
     * errors are below 0.2).
     */
    @Test
    void correlatedTargetMeanAtConvergenceAndSmallKl() {
        PathfinderFit r = Pathfinder.of(correlated()).paths(1).seed(3).run();
        PathResult p = r.paths().get(0);
        assertThat(p.chosenIterate()).isEqualTo(p.iterations());       // the ELBO picks the converged end of the path
        double[] mean = p.approximation().mean();
        for (int i = 0; i < 4; i++) {
            assertThat(mean[i]).isCloseTo(MU[i], within(1e-4));
        }
        double kl = klToTarget(mean, p.approximation().covariance());
        assertThat(kl).isBetween(0.0, 0.1);
        assertThat(p.elbo()).isCloseTo(-kl, within(0.2));
        assertThat(r.paretoK()).isLessThan(0.5);
    }

    /** {@code KL(N(m, S) ‖ N(MU, COV)) = ½ [tr(COV⁻¹ S) + (MU - m)ᵀ COV⁻¹ (MU - m) - D + log det COV - log det S]}. */
    static double klToTarget(double[] m, double[][] s) {
        Tensor l = LinearAlgebra.cholesky(Tensor.of(COV));
        Tensor inv = LinearAlgebra.choleskyInverse(l);
        double trace = 0;
        double quad = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                trace += inv.get(i, j) * s[j][i];
                quad += (MU[i] - m[i]) * inv.get(i, j) * (MU[j] - m[j]);
            }
        }
        double logDetS = LinearAlgebra.logDetFromCholesky(LinearAlgebra.cholesky(Tensor.of(s))).item();
        return 0.5 * (trace + quad - 4 + LinearAlgebra.logDetFromCholesky(l).item() - logDetS);
    }

    /** Paths run in parallel with one stream each: the same draws bit for bit on 1 and 3 threads. */
    @Test
    void sameDrawsForAnyThreadCount() {
        PathfinderFit one = Pathfinder.of(correlated()).paths(3).draws(200).threads(1).seed(8).run();
        PathfinderFit three = Pathfinder.of(correlated()).paths(3).draws(200).threads(3).seed(8).run();
        assertThat(three.points().toArray()).containsExactly(one.points().toArray());
        assertThat(three.paretoK()).isEqualTo(one.paretoK());
        PathfinderFit otherSeed = Pathfinder.of(correlated()).paths(3).draws(200).threads(3).seed(9).run();
        assertThat(otherSeed.points().toArray()).isNotEqualTo(one.points().toArray());
    }

    /**
     * Multi-path resampling returns {@code M} draws of the pooled {@code I·M}: on this target the
     * resampled draws' mean is within 5 standard errors {@code √(Σ_ii / ESS)} of the target's, with
     * the importance ESS of the pooled draws (resampling adds at most the variance of {@code M}
     * draws: the bound uses {@code min(ESS, M)}).
     */
    @Test
    void resampledDrawsHaveTheTargetMean() {
        PathfinderFit r = Pathfinder.of(correlated()).paths(4).draws(1000).seed(2).run();
        assertThat(r.points().dim(0)).isEqualTo(1000);
        double ess = Math.min(r.fit().diagnostics().importanceEss(), 1000);
        double[] z = r.points().toArray();
        for (int i = 0; i < 4; i++) {
            double m = 0;
            for (int s = 0; s < 1000; s++) {
                m += z[s * 4 + i] / 1000;
            }
            assertThat(m).as("mean of z[%d]", i).isCloseTo(MU[i], within(5 * Math.sqrt(COV[i][i] / ess)));
        }
        assertThat(r.fit().summary().get(0).mean()).isCloseTo(r.draws().get("z").slice(1, 0, 1).mean().item(), within(1e-12));
        assertThat(r.gradientEvaluations()).isEqualTo(r.paths().stream().mapToLong(PathResult::gradientEvaluations).sum());
    }
}
