package io.github.elbo4j.distribution.multivariate;

import static io.github.elbo4j.distribution.multivariate.MultivariateNormalTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowRankMultivariateNormalTest implements DistributionContract {

    static final Tensor LOC = Tensor.of(1.0, -0.5, 0.0, 2.0);
    static final Tensor W = Tensor.of(new double[][] {{0.8, -0.1}, {0.3, 1.2}, {-0.5, 0.4}, {0.0, 0.9}});
    static final Tensor D = Tensor.of(0.5, 0.2, 1.3, 0.7);

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("d=4 r=2", LowRankMultivariateNormal.of(LOC, W, D)),
                new Named("d=2 r=1, factor batch [3]", LowRankMultivariateNormal.of(Tensor.of(0.0, 1.0),
                        Tensor.of(new double[] {1, 0.5, -2, 0.1, 0, 0}, 3, 2, 1), Tensor.of(0.3, 0.6))));
    }

    @Override
    public ParameterTable parameterTable() {
        return LowRankMultivariateNormal.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("loc", "covFactor", "covDiag"), p -> LowRankMultivariateNormal.of(p[0], p[1], p[2]), LOC, W, D));
    }

    @Test
    void agreesWithTheFullRankNormalOfTheSameCovariance() {
        LowRankMultivariateNormal low = LowRankMultivariateNormal.of(LOC, W, D);
        Tensor cov = W.matmul(W.transpose()).add(D.unsqueeze(-1).mul(Tensor.eye(4)));
        MultivariateNormal full = MultivariateNormal.ofCovariance(LOC, cov);
        Tensor x = full.sample(RandomStream.of(3), 7).mul(2.0);
        double[] a = low.logProb(x).value().toArray();
        double[] b = full.logProb(x).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], offset(1e-12 * Math.abs(b[i])));
        }
        assertThat(low.entropy().item()).isCloseTo(full.entropy().item(), offset(1e-13));
        assertClose(low.covariance().value(), cov, 1e-14);
        assertClose(low.precision().value(), LinearAlgebra.choleskyInverse(LinearAlgebra.cholesky(cov)), 1e-12);
        assertClose(low.scaleTril().value(), LinearAlgebra.cholesky(cov), 1e-13);
        assertClose(low.variance(), full.variance(), 1e-14);
    }

    @Test
    void logProbIsDifferentiableInValueLocFactorAndDiagonal() {
        // the diagonal enters as exp(log D), so every perturbation keeps it positive
        GradientChecker.Result r = GradientChecker.check(
                v -> LowRankMultivariateNormal.of(v[1], v[2], v[3].exp()).logProb(v[0]),
                Tensor.of(new double[] {0.3, -1.2, 2.5, 1, 0, -3, 0.2, 0.1}, 2, 4), LOC, W, D.log());
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void invalidParametersAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> LowRankMultivariateNormal.of(LOC, W, Tensor.of(0.5, 0.2, -1.0, 0.7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LowRankMultivariateNormal covDiag must be > 0, got -1.0");
        assertThatThrownBy(() -> LowRankMultivariateNormal.of(LOC, Tensor.zeros(4), D))
                .hasMessage("LowRankMultivariateNormal covFactor must have shape [..., d, r] with d, r >= 1, got [4]");
        assertThatThrownBy(() -> LowRankMultivariateNormal.of(Tensor.of(1.0, 2.0), W, D))
                .hasMessage("LowRankMultivariateNormal loc must have shape [..., 4] (last axis = the dimension), got [2]");
    }
}
