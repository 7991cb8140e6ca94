package io.github.elbo4j.distribution.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.List;
import org.junit.jupiter.api.Test;

public class MultivariateNormalTest implements DistributionContract {

    static final Tensor LOC3 = Tensor.of(0.5, -1.0, 2.0);
    public static final Tensor TRIL3 = Tensor.of(new double[][] {{1.2, 0, 0}, {0.4, 0.7, 0}, {-0.3, 0.5, 2.0}});
    public static final Tensor COV2 = Tensor.of(new double[][] {{2.0, 0.6}, {0.6, 0.5}});
    static final Tensor PREC2 = Tensor.of(new double[][] {{1.5, -0.4}, {-0.4, 0.8}});

    @Override
    public List<Named> instances() {
        Tensor trils = Tensor.stack(0, Tensor.of(new double[][] {{1, 0}, {0.5, 2}}), Tensor.of(new double[][] {{0.3, 0}, {-0.2, 0.4}}),
                Tensor.of(new double[][] {{3, 0}, {1, 1}}));
        return List.of(
                new Named("d=3 scaleTril", MultivariateNormal.ofScaleTril(LOC3, TRIL3)),
                new Named("d=2 covariance, loc batch [3]", MultivariateNormal.ofCovariance(
                        Tensor.of(new double[][] {{0, 0}, {1, -1}, {10, 3}}), COV2)),
                new Named("d=2 precision, precision batch [2]", MultivariateNormal.ofPrecision(Tensor.of(1.0, 2.0),
                        Tensor.stack(0, PREC2, Tensor.of(new double[][] {{4, 1}, {1, 1}})))),
                new Named("loc [2,1,2] x scaleTril [3,2,2] broadcast to [2,3]", MultivariateNormal.ofScaleTril(
                        Tensor.of(new double[] {0, 1, -5, 2}, 2, 1, 2), trils)));
    }

    @Override
    public ParameterTable parameterTable() {
        return MultivariateNormal.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("loc", "scaleTril"), p -> MultivariateNormal.ofScaleTril(p[0], p[1]), LOC3, TRIL3),
                new Factory(List.of("loc", "covariance"), p -> MultivariateNormal.ofCovariance(p[0], p[1]), Tensor.of(0.0, 1.0), COV2),
                new Factory(List.of("loc", "precision"), p -> MultivariateNormal.ofPrecision(p[0], p[1]), Tensor.of(1.0, 2.0), PREC2));
    }

    @Test
    void theThreeParameterizationsOfOneCovarianceAgree() {
        Tensor cov = TRIL3.matmul(TRIL3.transpose());
        Tensor precision = LinearAlgebra.choleskyInverse(TRIL3);
        MultivariateNormal a = MultivariateNormal.ofScaleTril(LOC3, TRIL3);
        MultivariateNormal b = MultivariateNormal.ofCovariance(LOC3, cov);
        MultivariateNormal c = MultivariateNormal.ofPrecision(LOC3, precision);
        Tensor x = a.sample(RandomStream.of(4), 6).mul(3.0);
        double[] la = a.logProb(x).value().toArray();
        double[] lb = b.logProb(x).value().toArray();
        double[] lc = c.logProb(x).value().toArray();
        for (int i = 0; i < la.length; i++) {
            assertThat(lb[i]).isCloseTo(la[i], offset(1e-12 * Math.abs(la[i])));
            assertThat(lc[i]).isCloseTo(la[i], offset(1e-12 * Math.abs(la[i])));
        }
        assertThat(c.entropy().item()).isCloseTo(a.entropy().item(), offset(1e-13));
        assertClose(c.covariance().value(), cov, 1e-13);
        assertClose(c.scaleTril().value(), TRIL3, 1e-13);
        assertClose(a.precision().value(), precision, 1e-13);
        assertClose(c.variance(), a.variance(), 1e-13);
    }

    @Test
    void batchedLogProbEqualsTheLogProbOfEachBatchElement() {
        MultivariateNormal batched = (MultivariateNormal) instances().get(3).distribution();
        Tensor x = batched.sample(RandomStream.of(8), 5);
        Tensor lp = batched.logProb(x).value();
        assertThat(lp.shape()).containsExactly(5, 2, 3);
        Tensor locs = batched.mean();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                Tensor tril = batched.scaleTril().value().indexSelect(0, j).squeeze(0);
                MultivariateNormal single = MultivariateNormal.ofScaleTril(locs.indexSelect(0, i).indexSelect(1, j).reshape(2), tril);
                for (int s = 0; s < 5; s++) {
                    Tensor xs = x.indexSelect(0, s).indexSelect(1, i).indexSelect(2, j).reshape(2);
                    assertThat(single.logProb(xs).item()).isCloseTo(lp.get(s, i, j), offset(1e-12));
                }
            }
        }
    }

    @Test
    void logProbIsDifferentiableInValueLocAndScaleTril() {
        // the checked function reads the lower triangle of its third input, so every perturbation stays a Cholesky factor
        GradientChecker.Result r = GradientChecker.check(
                v -> MultivariateNormal.ofScaleTril(v[1], v[2].tril(0)).logProb(v[0]),
                Tensor.of(new double[] {0.3, -1.2, 2.5, 1, 0, -3}, 2, 3), LOC3, TRIL3);
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void batchedLogProbIsDifferentiableInValueLocAndScaleTril() {
        // batch axes on loc and on the factor take the batched path (the unbatched one is fused)
        Tensor trils = Tensor.stack(0, TRIL3, TRIL3.mul(0.5).add(Tensor.eye(3).mul(0.3)));
        GradientChecker.Result r = GradientChecker.check(
                v -> MultivariateNormal.ofScaleTril(v[1], v[2].tril(0)).logProb(v[0]),
                Tensor.of(new double[] {0.3, -1.2, 2.5, 1, 0, -3}, 2, 3), Tensor.of(new double[] {0.5, -1, 2, 0, 0, 1}, 2, 3), trils);
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void theFusedAndTheBatchedPathsAgree() {
        MultivariateNormal single = MultivariateNormal.ofScaleTril(LOC3, TRIL3);
        MultivariateNormal batched = MultivariateNormal.ofScaleTril(LOC3.reshape(1, 3), TRIL3.reshape(1, 3, 3));
        Tensor x = single.sample(RandomStream.of(21), 9).mul(2.0);
        double[] a = single.logProb(x).value().toArray();
        double[] b = batched.logProb(x.reshape(9, 1, 3)).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], offset(1e-13 * Math.abs(b[i])));
        }
    }

    @Test
    void logProbIsDifferentiableInCovarianceAndPrecision() {
        // symmetric positive-definite inputs through X Xᵀ + 3I, so every perturbation stays valid
        Tensor x = Tensor.of(new double[] {0.4, -1, 2, 1.5, 0, 0.2}, 2, 3);
        Tensor raw = Tensor.of(new double[][] {{0.5, 0.1, -0.3}, {0.2, 0.9, 0.4}, {-0.6, 0.3, 1.1}});
        GradientChecker.Result cov = GradientChecker.check(
                v -> MultivariateNormal.ofCovariance(v[1], spd(v[2])).logProb(v[0]), x, LOC3, raw);
        GradientChecker.Result prec = GradientChecker.check(
                v -> MultivariateNormal.ofPrecision(v[1], spd(v[2])).logProb(v[0]), x, LOC3, raw);
        assertThat(cov.maxError()).as("%s", cov).isLessThanOrEqualTo(1e-6);
        assertThat(prec.maxError()).as("%s", prec).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void entropyIsDifferentiableInTheParameters() {
        GradientChecker.Result r = GradientChecker.check(
                v -> MultivariateNormal.ofPrecision(Var.constant(LOC3), spd(v[0])).entropy(),
                Tensor.of(new double[][] {{0.5, 0.1, -0.3}, {0.2, 0.9, 0.4}, {-0.6, 0.3, 1.1}}));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    public static Var spd(Var x) {
        return x.matmul(x.transpose()).add(Tensor.eye(x.shape()[0]).mul(3.0));
    }

    @Test
    void rsampleGradientIsThePathwiseDerivative() {
        // x = μ + L ε: d Σx / dμ_i = n and d Σx / dL_ij = Σ_draws ε_j (lower triangle)
        Tape tape = new Tape();
        Var mu = tape.variable(LOC3);
        Var tril = tape.variable(TRIL3);
        int n = 40;
        Var x = MultivariateNormal.ofScaleTril(mu, tril).rsample(RandomStream.of(12), n);
        Gradients g = tape.gradient(x.sum(), mu, tril);
        assertThat(g.of(mu).toArray()).containsExactly(n, n, n);
        Tensor eps = LinearAlgebra.triangularSolve(TRIL3, x.value().sub(LOC3).transpose(), true, false);
        Tensor epsSum = eps.sum(-1);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(g.of(tril).get(i, j)).isCloseTo(epsSum.get(j), offset(1e-10));
            }
        }
    }

    @Test
    void precisionDrawsHaveThePrecisionsInverseAsCovariance() {
        MultivariateNormal d = MultivariateNormal.ofPrecision(Tensor.of(0.0, 0.0), PREC2);
        Tensor x = d.sample(RandomStream.of(99), 200_000);
        double c01 = x.indexSelect(1, 0).mul(x.indexSelect(1, 1)).mean().item();
        double exact = d.covariance().value().get(0, 1);
        // SE of a product moment of a bivariate normal: √((Σ00 Σ11 + Σ01²)/n)
        Tensor cov = d.covariance().value();
        double se = Math.sqrt((cov.get(0, 0) * cov.get(1, 1) + exact * exact) / 200_000);
        assertThat(Math.abs(c01 - exact)).isLessThanOrEqualTo(4 * se);
    }

    @Test
    void invalidParametersAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> MultivariateNormal.ofScaleTril(Tensor.of(0.0, 0.0), Tensor.of(new double[][] {{1, 0.5}, {0, 1}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MultivariateNormal scaleTril must be lower triangular with a positive diagonal, got [[1.0, 0.5], [0.0, 1.0]] (matrix 0 of the batch)");
        assertThatThrownBy(() -> MultivariateNormal.ofCovariance(Tensor.of(0.0, 0.0), Tensor.of(new double[][] {{1, 2}, {2, 1}})))
                .hasMessage("MultivariateNormal covariance must be symmetric positive definite, got [[1.0, 2.0], [2.0, 1.0]] (matrix 0 of the batch)");
        assertThatThrownBy(() -> MultivariateNormal.ofPrecision(Tensor.of(0.0, 0.0), Tensor.of(new double[][] {{1, 0.2}, {0.3, 1}})))
                .hasMessage("MultivariateNormal precision must be symmetric positive definite, got [[1.0, 0.2], [0.3, 1.0]] (matrix 0 of the batch)");
        assertThatThrownBy(() -> MultivariateNormal.ofCovariance(Tensor.of(0.0, 0.0, 0.0), COV2))
                .hasMessage("MultivariateNormal loc must have shape [..., 2] (last axis = the dimension), got [3]");
        assertThatThrownBy(() -> MultivariateNormal.ofCovariance(Tensor.of(0.0, Double.NaN), COV2))
                .hasMessage("MultivariateNormal loc must be finite, got NaN");
        assertThatThrownBy(() -> MultivariateNormal.ofScaleTril(Tensor.of(0.0, 0.0), Tensor.zeros(2, 3)))
                .hasMessage("MultivariateNormal scaleTril must be a batch of non-empty square matrices [..., d, d], got shape [2, 3]");
        assertThatThrownBy(() -> MultivariateNormal.ofCovariance(Tensor.of(0.0, 0.0), COV2).logProb(Tensor.of(1.0, 2.0, 3.0)))
                .hasMessage("MultivariateNormal value must have shape [..., 2] (last axis = the dimension), got [3]");
    }

    @Test
    void aVectorWithANaNIsOutsideTheSupportAndStrictModeRejectsIt() {
        MultivariateNormal d = MultivariateNormal.ofCovariance(Tensor.of(0.0, 0.0), COV2);
        Tensor x = Tensor.of(new double[][] {{0.1, 0.2}, {Double.NaN, 0.0}});
        assertThat(d.logProb(x).value().get(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.logProb(x).value().get(0)).isFinite();
        assertThat(d.support()).isEqualTo(new Constraint.RealVector());
        assertThatThrownBy(() -> Distributions.strict(d).logProb(x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MultivariateNormal value must lie in its support RealVector[]");
    }

    static void assertClose(Tensor actual, Tensor expected, double tol) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("element %d", i).isCloseTo(e[i], offset(tol * Math.max(1.0, Math.abs(e[i]))));
        }
    }
}
