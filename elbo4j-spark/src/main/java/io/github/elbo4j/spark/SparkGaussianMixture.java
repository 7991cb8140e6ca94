package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.GmmSweepState;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Bayesian Gaussian mixture of {@link GaussianMixtureVI} (the same model, priors, covariance
 * types, weight priors, restarts and seed) fitted by CAVI with each sweep's pass over the rows on
 * a Spark cluster. The named columns of a {@code Dataset} are checked (finite, with an error naming
 * the partition, the row within it and the column) and cached in blocks of
 * {@link GmmSweepState#BLOCK_ROWS} rows by row number. Each sweep broadcasts a
 * {@link GmmSweepState} ({@code q(μ, Λ)} and the E-step's offsets: {@code O(K·D²)} doubles), every
 * block computes its responsibilities and sufficient statistics ({@code N_k}, {@code Σ r x},
 * {@code Σ r x xᵀ} about {@code m_k}, {@code Σ r ln r}) with elbo4j-core's code, and the driver adds
 * the block sums in row order and does the M-step and the ELBO: the result has the bits of
 * {@code settings.fit(rows)} on one machine, for any partitioning.
 *
 * <p><b>On the driver.</b> What runs once per restart still needs the rows on the driver: the
 * default priors (the column means and the sample covariance), k-means++ with Lloyd's iterations
 * and the initial M-step; so {@link #fit} collects the rows once ({@code N·D} doubles), and the
 * last sweep's responsibilities ({@code N·K} doubles) come back for the result. The data must fit
 * in the driver's memory; the cluster takes the sweeps, the cost that repeats.
 */
public final class SparkGaussianMixture {

    private SparkGaussianMixture() {
    }

    /**
     * Fits {@code settings}' mixture to the rows of {@code columns} of {@code data} (in the
     * Dataset's row order). Runs one job to check and block the rows, one to collect them, then
     * one job per sweep and one per restart for the last responsibilities.
     *
     * @throws IllegalArgumentException if a column is missing or not numeric, a value is null or not
     *     finite (naming the partition, the row within it and the column), the data have no rows, or
     *     as {@link GaussianMixtureVI#fit(double[][])}
     */
    public static GaussianMixtureResult fit(GaussianMixtureVI settings, Dataset<Row> data, List<String> columns) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        try (SparkRows rows = SparkRows.of(data, columns, row -> Optional.empty(), GmmSweepState.BLOCK_ROWS)) {
            return settings.fit(collect(rows), new GmmBlockPass(rows));
        }
    }

    /** The rows of the cached blocks, in row order, as {@code [N][D]}. */
    private static double[][] collect(SparkRows rows) {
        BlockPartials parts;
        try {
            parts = rows.blocks().treeAggregate(new BlockPartials(), (acc, block) -> acc.put(block.firstRow(), block.values()),
                    BlockPartials::merge, 2);
        } catch (Exception e) {
            throw SparkRows.unwrap(e);
        }
        double[] flat = parts.concatenated();
        int d = rows.columns();
        double[][] x = new double[(int) rows.rows()][];
        for (int n = 0; n < x.length; n++) {
            x[n] = java.util.Arrays.copyOfRange(flat, n * d, (n + 1) * d);
        }
        return x;
    }
}
