package io.github.elbo4j.cavi.gmm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Chunk boundaries depend only on the number of rows and partial sums are combined in chunk order,
 * so a fit gives the same bits on any number of threads (DESIGN.md, performance principles).
 */
class GaussianMixtureThreadsTest {

    private static final GmmTestData DATA = GmmTestData.peers(6_000, 99);

    private static GaussianMixtureResult fit(CovarianceType type, int threads) {
        return GaussianMixtureVI.builder().components(10).covarianceType(type).weightPrior(WeightPrior.dirichletProcess(1))
                .maxSweeps(12).tolerance(0).restarts(2).seed(5).threads(threads).build().fit(DATA.x);
    }

    private static void assertSameBits(GaussianMixtureResult a, GaussianMixtureResult b) {
        assertThat(b.elboTrace().values()).isEqualTo(a.elboTrace().values());
        assertThat(b.sklearnScaleElboTrace()).isEqualTo(a.sklearnScaleElboTrace());
        assertThat(b.restartElbos()).isEqualTo(a.restartElbos());
        assertThat(b.means().toArray()).isEqualTo(a.means().toArray());
        assertThat(b.covariances().toArray()).isEqualTo(a.covariances().toArray());
        assertThat(b.weights().toArray()).isEqualTo(a.weights().toArray());
        assertThat(b.responsibilities().toArray()).isEqualTo(a.responsibilities().toArray());
    }

    @Test
    void fullCovarianceFitIsBitIdenticalOnOneTwoAndThreeThreads() {
        GaussianMixtureResult one = fit(CovarianceType.FULL, 1);
        assertSameBits(one, fit(CovarianceType.FULL, 2));
        assertSameBits(one, fit(CovarianceType.FULL, 3));
    }

    @Test
    void diagonalFitIsBitIdenticalOnOneAndTwoThreads() {
        assertSameBits(fit(CovarianceType.DIAGONAL, 1), fit(CovarianceType.DIAGONAL, 2));
    }
}
