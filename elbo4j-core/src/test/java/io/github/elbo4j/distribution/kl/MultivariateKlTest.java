package io.github.elbo4j.distribution.kl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.multivariate.Dirichlet;
import io.github.elbo4j.distribution.multivariate.LowRankMultivariateNormal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormalTest;
import io.github.elbo4j.distribution.multivariate.MultivariateReferenceTest;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closed-form KL divergences of the multivariate families: zero from a distribution to itself,
 * within 4 Monte Carlo standard errors of {@link KlDivergence#monteCarlo} (100 000 draws for the
 * Gaussian pairs, 200 000 for the Dirichlet pair; fixed seeds), differentiable, and dispatched
 * for every pair of Gaussian parameterizations. The reference values from numpy/scipy are in
 * {@link MultivariateReferenceTest}.
 */
class MultivariateKlTest {

    static final Tensor LOC = Tensor.of(0.5, -1.0, 2.0);
    static final Tensor TRIL = MultivariateNormalTest.TRIL3;
    static final Tensor COV = Tensor.of(new double[][] {{2.0, 0.3, -0.4}, {0.3, 1.0, 0.2}, {-0.4, 0.2, 0.8}});
    static final Tensor W = Tensor.of(new double[][] {{0.8, -0.1}, {0.3, 1.2}, {-0.5, 0.4}});
    static final Tensor D = Tensor.of(0.5, 0.2, 1.3);

    static List<Distribution> gaussians() {
        return List.of(
                MultivariateNormal.ofScaleTril(LOC, TRIL),
                MultivariateNormal.ofCovariance(Tensor.of(1.0, 0.0, 1.5), COV),
                MultivariateNormal.ofPrecision(Tensor.of(0.0, -0.5, 2.5), COV),
                LowRankMultivariateNormal.of(Tensor.of(0.2, -1.0, 1.0), W, D),
                MultivariateNormal.ofScaleTril(Tensor.of(new double[][] {{0, 0, 0}, {1, 1, 1}}), TRIL));
    }

    @Test
    void klOfEveryGaussianToItselfIsZero() {
        for (Distribution p : gaussians()) {
            for (double kl : KlDivergence.of(p, p).value().toArray()) {
                assertThat(kl).as("%s", p.getClass().getSimpleName()).isCloseTo(0.0, offset(1e-13));
            }
        }
    }

    @Test
    void klOfADirichletToItselfIsZero() {
        Dirichlet p = Dirichlet.of(Tensor.of(new double[][] {{0.3, 2, 7}, {1, 1, 1}}));
        assertThat(KlDivergence.of(p, p).value().toArray()).containsExactly(0.0, 0.0);
    }

    @Test
    void gaussianKlAgreesWithItsMonteCarloEstimateForEveryPairOfParameterizations() {
        List<Distribution> all = gaussians();
        long seed = 1;
        for (Distribution p : all) {
            for (Distribution q : all) {
                if (p == q) {
                    continue;
                }
                // draws of p must carry the joint batch shape to be scored by a batched q
                int[] batch = io.github.elbo4j.tensor.Broadcasting.shape(p.batchShape(), q.batchShape());
                KlDivergence.Estimate mc = KlDivergence.monteCarlo(p.expand(batch), q, 100_000, RandomStream.of(seed++));
                double[] exact = KlDivergence.of(p, q).value().toArray();
                double[] estimate = mc.value().broadcastTo(KlDivergence.of(p, q).value().shape()).toArray();
                double[] se = mc.standardError().broadcastTo(KlDivergence.of(p, q).value().shape()).toArray();
                for (int i = 0; i < exact.length; i++) {
                    assertThat(exact[i]).isGreaterThan(0.0);
                    assertThat(Math.abs(estimate[i] - exact[i])).as("KL(%s ‖ %s)[%d]: exact %s, Monte Carlo %s ± %s",
                            p.getClass().getSimpleName(), q.getClass().getSimpleName(), i, exact[i], estimate[i], se[i])
                            .isLessThanOrEqualTo(4 * se[i]);
                }
            }
        }
    }

    @Test
    void dirichletKlAgreesWithItsMonteCarloEstimate() {
        Dirichlet p = Dirichlet.of(Tensor.of(new double[][] {{2, 3, 4}, {0.7, 0.9, 5}}));
        Dirichlet q = Dirichlet.of(1.5, 0.5, 6);
        KlDivergence.Estimate mc = KlDivergence.monteCarlo(p, q, 200_000, RandomStream.of(77));
        double[] exact = KlDivergence.of(p, q).value().toArray();
        for (int i = 0; i < exact.length; i++) {
            assertThat(Math.abs(mc.value().toArray()[i] - exact[i])).isLessThanOrEqualTo(4 * mc.standardError().toArray()[i]);
        }
    }

    @Test
    void gaussianKlIsDifferentiableInBothSides() {
        GradientChecker.Result r = GradientChecker.check(
                v -> KlDivergence.of(MultivariateNormal.ofScaleTril(v[0], v[1].tril(0)),
                        LowRankMultivariateNormal.of(v[2], v[3], v[4].exp())),
                LOC, TRIL, Tensor.of(0.2, -1.0, 1.0), W, D.log());
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
        GradientChecker.Result s = GradientChecker.check(
                v -> KlDivergence.of(MultivariateNormal.ofPrecision(v[0], MultivariateNormalTest.spd(v[1])),
                        MultivariateNormal.ofCovariance(v[2], MultivariateNormalTest.spd(v[3]))),
                LOC, TRIL, Tensor.of(0.2, -1.0, 1.0), COV);
        assertThat(s.maxError()).as("%s", s).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void dirichletKlIsDifferentiableInBothConcentrations() {
        GradientChecker.Result r = GradientChecker.check(
                v -> KlDivergence.of(Dirichlet.of(v[0].exp()), Dirichlet.of(v[1].exp())),
                Tensor.of(0.3, -0.5, 1.0), Tensor.of(1.2, 0.1, -0.3));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void gaussianKlMatchesTheFormulaWithExplicitInverses() {
        // ½ [tr(Σq⁻¹ Σp) + δᵀ Σq⁻¹ δ - d + log det Σq - log det Σp], with Σq⁻¹ formed explicitly here
        Tensor covP = TRIL.matmul(TRIL.transpose());
        Tensor qInv = LinearAlgebra.choleskyInverse(LinearAlgebra.cholesky(COV));
        Tensor delta = Tensor.of(1.0, 0.0, 1.5).sub(LOC);
        double trace = qInv.matmul(covP).mul(Tensor.eye(3)).sum().item();
        double quad = delta.matmul(qInv).matmul(delta).item();
        double expected = 0.5 * (trace + quad - 3 + LinearAlgebra.logDet(COV).item() - LinearAlgebra.logDet(covP).item());
        double kl = KlDivergence.of(MultivariateNormal.ofScaleTril(LOC, TRIL), MultivariateNormal.ofCovariance(Tensor.of(1.0, 0.0, 1.5), COV)).item();
        assertThat(kl).isCloseTo(expected, offset(1e-13));
    }

    @Test
    void mismatchedDimensionsNameBothTypes() {
        MultivariateNormal p = MultivariateNormal.ofScaleTril(LOC, TRIL);
        MultivariateNormal q = MultivariateNormal.ofCovariance(Tensor.of(0.0, 0.0), MultivariateNormalTest.COV2);
        assertThatThrownBy(() -> KlDivergence.of(p, q)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KL(MultivariateNormal ‖ MultivariateNormal) needs equal dimensions, got 3 and 2");
        assertThatThrownBy(() -> KlDivergence.of(Dirichlet.of(1, 2), Dirichlet.of(1, 2, 3)))
                .hasMessage("KL(Dirichlet ‖ Dirichlet) needs equal numbers of categories, got 2 and 3");
    }
}
