package io.github.elbo4j.cavi.gmm;

import java.io.Serializable;

/**
 * What one CAVI sweep of a {@link GaussianMixtureVI} fit needs to know about the current
 * variational factors to run its pass over the rows, for a pass done elsewhere (a
 * {@link GmmRowPass}, e.g. on a cluster's executors): {@code q(μ, Λ)} ({@code m_k}, the whitening
 * {@code P_k} with {@code P_kᵀ P_k = E[Λ_k]}) and the row-independent part of {@code ln ρ_nk}.
 * Serializable (a few {@code K·D²} doubles) so it can be broadcast; immutable.
 *
 * <p>The rows are cut into blocks of {@link #BLOCK_ROWS} consecutive rows from row 0 (the last
 * shorter): these are exactly the chunks of {@link GaussianMixtureVI}'s own pass, so
 * {@link #blockSums} of block {@code b} has the bits of its chunk {@code b}, and block sums added in
 * block order, from zero, give the bits of the single-machine fit.
 */
public final class GmmSweepState implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The rows per block (the core's chunk size): blocks start at multiples of it. */
    public static final int BLOCK_ROWS = GmmChunks.ROWS;

    private final GmmComponents q;
    private final double[] offsets;
    private final boolean diagonalSums;

    GmmSweepState(GmmComponents q, double[] offsets, boolean diagonalSums) {
        this.q = q;
        this.offsets = offsets.clone();
        this.diagonalSums = diagonalSums;
    }

    /** The number of components {@code K}. */
    public int components() {
        return q.components;
    }

    /** The number of columns {@code D}. */
    public int dimension() {
        return q.dimension;
    }

    /**
     * The length of {@link #blockSums}: {@code K + K·D + K·D·S + 1} with {@code S = D} for the full
     * and tied models, {@code 1} for the diagonal and spherical ones.
     */
    public int sumsLength() {
        return GmmPartialSums.width(q.components, q.dimension, diagonalSums);
    }

    /**
     * The E-step and the sufficient statistics of one block: with
     * {@code ln ρ_nk = E[ln π_k] + ½ E[ln|Λ_k|] - (D/2) ln 2π - D/(2β_k) - ½ ||P_k (x_n - m_k)||²}
     * and {@code r_nk = ρ_nk / Σ_j ρ_nj} (Bishop, PRML, 2006, eqs. 10.46-10.49, 10.64-10.67), the
     * sums {@code N_k = Σ_n r_nk}, {@code s_k = Σ_n r_nk (x_n - m_k)},
     * {@code T_k = Σ_n r_nk (x_n - m_k)(x_n - m_k)ᵀ} (row-major {@code D×D}, lower triangle filled;
     * the diagonal only, {@code [K, D]}, for the diagonal and spherical models) and
     * {@code Σ_n Σ_k r_nk ln r_nk}, flat in that order ({@link #sumsLength}). The statistics are taken
     * about the current means {@code m_k} (Chan, Golub and LeVeque, The American Statistician 37(3),
     * 1983) so that the later subtraction {@code T_k - s_k s_kᵀ / N_k} loses little.
     *
     * @param rows the block's rows, row-major {@code count × D}, finite
     * @param count the rows in the block, {@code 1 <= count <= BLOCK_ROWS}
     * @throws IllegalArgumentException if {@code count} is out of range, {@code rows} has another
     *     length or a value is not finite (naming the row within the block and the column)
     */
    public double[] blockSums(double[] rows, int count) {
        GmmData block = block(rows, count);
        GmmChunkBuffers buffers = new GmmChunkBuffers(block.columns);
        double[] resp = new double[count * q.components];
        GmmPartialSums part = new GmmPartialSums(q.components, q.dimension, diagonalSums);
        part.sumRLogR = GmmResponsibilities.chunk(block, 0, count, q, offsets, resp, buffers);
        part.accumulate(block, 0, count, resp, q.mean, buffers);
        return part.toArray();
    }

    /**
     * The responsibilities {@code r_nk} of one block (as {@link #blockSums}), row-major
     * {@code count × K}.
     *
     * @throws IllegalArgumentException as {@link #blockSums}
     */
    public double[] responsibilities(double[] rows, int count) {
        GmmData block = block(rows, count);
        double[] resp = new double[count * q.components];
        GmmResponsibilities.chunk(block, 0, count, q, offsets, resp, new GmmChunkBuffers(block.columns));
        double[] out = new double[resp.length];
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < q.components; k++) {
                out[n * q.components + k] = resp[k * count + n];
            }
        }
        return out;
    }

    private GmmData block(double[] rows, int count) {
        if (count < 1 || count > BLOCK_ROWS) {
            throw new IllegalArgumentException("count = " + count + " must be in [1, " + BLOCK_ROWS + "] (a block's rows)");
        }
        return GmmData.rowMajor("block", rows.clone(), count, q.dimension);
    }

    @Override
    public String toString() {
        return "GmmSweepState[K=" + q.components + ", D=" + q.dimension + ", sums of length " + sumsLength() + "]";
    }
}
