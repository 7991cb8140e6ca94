package io.github.elbo4j.cavi.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link GaussianMixtureVI#fit(double[][], GmmRowPass)} with a pass that cuts the rows into blocks
 * of {@link GmmSweepState#BLOCK_ROWS} and adds the block sums in block order from zero (as
 * elbo4j-spark's executors and driver do) gives the bits of the single-machine fit: 2500 rows make
 * three blocks, the last short.
 */
class GmmRowPassTest {

    /** The blocks of {@code x}, summed one after the other on this thread; counts its calls. */
    private static class BlockPass implements GmmRowPass {
        final double[][] x;
        int sweeps;
        int responsibilityCalls;

        BlockPass(double[][] x) {
            this.x = x;
        }

        @Override
        public long rows() {
            return x.length;
        }

        private double[] block(int from, int to) {
            int d = x[0].length;
            double[] v = new double[(to - from) * d];
            for (int n = from; n < to; n++) {
                System.arraycopy(x[n], 0, v, (n - from) * d, d);
            }
            return v;
        }

        @Override
        public double[] sweep(GmmSweepState state) {
            sweeps++;
            double[] total = new double[state.sumsLength()];
            for (int from = 0; from < x.length; from += GmmSweepState.BLOCK_ROWS) {
                int to = Math.min(x.length, from + GmmSweepState.BLOCK_ROWS);
                double[] part = state.blockSums(block(from, to), to - from);
                for (int j = 0; j < total.length; j++) {
                    total[j] += part[j];
                }
            }
            return total;
        }

        @Override
        public double[] responsibilities(GmmSweepState state) {
            responsibilityCalls++;
            double[] all = new double[0];
            for (int from = 0; from < x.length; from += GmmSweepState.BLOCK_ROWS) {
                int to = Math.min(x.length, from + GmmSweepState.BLOCK_ROWS);
                double[] r = state.responsibilities(block(from, to), to - from);
                int at = all.length;
                all = Arrays.copyOf(all, at + r.length);
                System.arraycopy(r, 0, all, at, r.length);
            }
            return all;
        }
    }

    private static GaussianMixtureVI settings(CovarianceType type) {
        return GaussianMixtureVI.builder().components(4).covarianceType(type).weightPrior(WeightPrior.dirichletProcess(1))
                .maxSweeps(7).tolerance(0).restarts(2).seed(3).threads(2).build();
    }

    private static void assertSameBits(GaussianMixtureResult a, GaussianMixtureResult b) {
        assertThat(b.elboTrace().values()).isEqualTo(a.elboTrace().values());
        assertThat(b.sklearnScaleElboTrace()).isEqualTo(a.sklearnScaleElboTrace());
        assertThat(b.restartElbos()).isEqualTo(a.restartElbos());
        assertThat(b.means().toArray()).isEqualTo(a.means().toArray());
        assertThat(b.covariances().toArray()).isEqualTo(a.covariances().toArray());
        assertThat(b.weights().toArray()).isEqualTo(a.weights().toArray());
        assertThat(b.responsibilities().toArray()).isEqualTo(a.responsibilities().toArray());
        assertThat(b.dataHash()).isEqualTo(a.dataHash());
    }

    /**
     * Full covariance, two dimensions (the unrolled kernels): same bits, and the pass ran once per
     * sweep of each restart (2 × 7) and once for the last responsibilities of each restart.
     */
    @Test
    void fullCovarianceThroughThePassHasTheBitsOfTheLocalFit() {
        double[][] x = GmmTestData.peers(2_500, 41).x;
        BlockPass pass = new BlockPass(x);
        GaussianMixtureResult viaPass = settings(CovarianceType.FULL).fit(x, pass);
        assertSameBits(settings(CovarianceType.FULL).fit(x), viaPass);
        assertThat(pass.sweeps).isEqualTo(14);
        assertThat(pass.responsibilityCalls).isEqualTo(2);
    }

    /** Diagonal covariance, three dimensions (the general kernels, diagonal sums). */
    @Test
    void diagonalThreeDimensionsThroughThePassHasTheBitsOfTheLocalFit() {
        double[][] x = GmmTestData.threeClusters(2_500, 43).x;
        assertSameBits(settings(CovarianceType.DIAGONAL).fit(x), settings(CovarianceType.DIAGONAL).fit(x, new BlockPass(x)));
    }

    @Test
    void aPassOverOtherRowsOrABadBlockIsRefused() {
        double[][] x = GmmTestData.peers(50, 1).x;
        BlockPass shorter = new BlockPass(Arrays.copyOf(x, 49));
        assertThatThrownBy(() -> settings(CovarianceType.FULL).fit(x, shorter))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pass runs over 49 rows, data has 50");
        GaussianMixtureResult r = settings(CovarianceType.FULL).fit(x, new BlockPass(x));
        assertThat(r.sweeps()).isEqualTo(7);
        GmmSweepState[] seen = new GmmSweepState[1];
        settings(CovarianceType.FULL).fit(x, new BlockPass(x) {
            @Override
            public double[] sweep(GmmSweepState state) {
                seen[0] = state;
                return super.sweep(state);
            }
        });
        GmmSweepState state = seen[0];
        assertThat(state.sumsLength()).as("K + K D + K D^2 + 1").isEqualTo(4 + 8 + 16 + 1);
        assertThatThrownBy(() -> state.blockSums(new double[2 * 1025], 1025))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count = 1025 must be in [1, 1024] (a block's rows)");
        assertThatThrownBy(() -> state.blockSums(new double[] {0, Double.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("block[0][1] must be finite, got NaN");
    }
}
