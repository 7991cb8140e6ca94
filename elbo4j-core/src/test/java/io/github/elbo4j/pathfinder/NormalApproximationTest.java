package io.github.elbo4j.pathfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Algorithm 4's draws and log densities against a dense multivariate normal with the same mean
 * {@code x + H g} and covariance {@code H} ({@link MultivariateNormal}, itself checked against scipy).
 */
class NormalApproximationTest {

    static NormalApproximation approximation(int dim, int pairs, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[][] a = InverseHessianFactorsTest.randomSpd(dim, rng);
        double[] alpha = new double[dim];
        for (int i = 0; i < dim; i++) {
            alpha[i] = 0.3 + rng.nextDouble();
        }
        List<double[]> s = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            double[] sk = new double[dim];
            for (int i = 0; i < dim; i++) {
                sk[i] = rng.nextGaussian();
            }
            s.add(sk);
            y.add(InverseHessianFactorsTest.times(a, sk));
        }
        double[] x = new double[dim];
        double[] g = new double[dim];
        for (int i = 0; i < dim; i++) {
            x[i] = rng.nextGaussian();
            g[i] = rng.nextGaussian();
        }
        return NormalApproximation.of(x, g, InverseHessianFactors.of(alpha, s, y)).orElseThrow();
    }

    /** 9 dimensions with 2 pairs (rank 4 < 9: the QR route) and with 5 pairs (rank 10 ≥ 9: the dense route). */
    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void logDensityOfEachDrawIsTheDenseNormalDensity(int pairs) {
        NormalApproximation q = approximation(9, pairs, 3 + pairs);
        NormalApproximation.Draws draws = q.sample(50, RandomStream.of(9));
        MultivariateNormal dense = MultivariateNormal.ofCovariance(Tensor.of(q.mean()), Tensor.of(q.covariance()));
        double[] expected = dense.logProb(io.github.elbo4j.autodiff.Var.constant(draws.points())).value().toArray();
        for (int i = 0; i < 50; i++) {
            assertThat(draws.logQ()[i]).as("draw %d", i).isCloseTo(expected[i], within(1e-9 * (1 + Math.abs(expected[i]))));
        }
        assertThat(q.rank()).isEqualTo(2 * pairs);
    }

    /**
     * The draws have the mean and covariance they claim: with {@code S = 40000} draws each sample
     * mean is within 5 standard errors {@code √(Σ_ii / S)} and each sample covariance entry within
     * 5 of its standard errors {@code √((Σ_ii Σ_jj + Σ_ij²) / S)} (normal fourth moments). A wrong
     * factor (e.g. {@code L} instead of {@code L - I}) changes the covariance by far more.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void drawsHaveTheClaimedMeanAndCovariance(int pairs) {
        int n = 9;
        int draws = 40_000;
        NormalApproximation q = approximation(n, pairs, 20 + pairs);
        double[] z = q.sample(draws, RandomStream.of(4)).points().toArray();
        double[] mu = q.mean();
        double[][] cov = q.covariance();
        double[] m = new double[n];
        for (int s = 0; s < draws; s++) {
            for (int i = 0; i < n; i++) {
                m[i] += z[s * n + i] / draws;
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(m[i]).isCloseTo(mu[i], within(5 * Math.sqrt(cov[i][i] / draws)));
            for (int j = 0; j <= i; j++) {
                double c = 0;
                for (int s = 0; s < draws; s++) {
                    c += (z[s * n + i] - mu[i]) * (z[s * n + j] - mu[j]) / draws;
                }
                double se = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] * cov[i][j]) / draws);
                assertThat(c).as("cov[%d][%d]", i, j).isCloseTo(cov[i][j], within(5 * se));
            }
        }
    }
}
