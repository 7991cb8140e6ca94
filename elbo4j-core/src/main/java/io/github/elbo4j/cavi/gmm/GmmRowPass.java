package io.github.elbo4j.cavi.gmm;

/**
 * The pass over the rows of each CAVI sweep of a {@link GaussianMixtureVI} fit, done somewhere
 * other than the fitting thread's worker pool (e.g. on a Spark cluster's executors; see
 * {@link GaussianMixtureVI#fit(double[][], GmmRowPass)}). The rows are cut into blocks of
 * {@link GmmSweepState#BLOCK_ROWS} consecutive rows from row 0; each block's part is
 * {@link GmmSweepState#blockSums}. For the single-machine bits, add the parts elementwise in block
 * order starting from zeros: {@code ((0 + p_0) + p_1) + …}.
 */
public interface GmmRowPass {

    /** The number of rows {@code N} the pass runs over. */
    long rows();

    /**
     * {@code Σ_b state.blockSums(block_b)} over the blocks in block order (length
     * {@link GmmSweepState#sumsLength}).
     */
    double[] sweep(GmmSweepState state);

    /** The responsibilities of every row under {@code state}, row-major {@code [N, K]}, rows in order. */
    double[] responsibilities(GmmSweepState state);
}
