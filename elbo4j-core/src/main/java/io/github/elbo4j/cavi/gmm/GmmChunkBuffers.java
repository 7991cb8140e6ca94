package io.github.elbo4j.cavi.gmm;

/**
 * Scratch arrays of one worker thread for the chunk kernels, sized for a full chunk of
 * {@value GmmChunks#ROWS} rows: per-row maxima, sums and weighted sums of the E-step, the
 * whitened quadratic forms and their partial rows, and the deviations {@code x_n - c_k} of one
 * component ({@code [D, ROWS]}). Every kernel writes an entry before it reads it, so their
 * contents never reach a result and results do not depend on which worker ran a chunk.
 */
final class GmmChunkBuffers {

    final double[] max = new double[GmmChunks.ROWS];
    final double[] sum = new double[GmmChunks.ROWS];
    final double[] weighted = new double[GmmChunks.ROWS];
    final double[] quad = new double[GmmChunks.ROWS];
    final double[] partial = new double[GmmChunks.ROWS];
    final double[] dev;

    GmmChunkBuffers(int dimension) {
        this.dev = new double[dimension * GmmChunks.ROWS];
    }

    /**
     * Writes {@code dev[i, n] = x_{from+n, i} - c_i} for {@code n < to - from}, with {@code c} at
     * {@code shift[at..at+D)}. Modifies only {@code dev}.
     */
    void deviations(GmmData data, int from, int to, double[] shift, int at) {
        int len = to - from;
        for (int i = 0; i < data.columns; i++) {
            double c = shift[at + i];
            double[] col = data.byColumn;
            int co = i * data.rows + from;
            int o = i * len;
            for (int n = 0; n < len; n++) {
                dev[o + n] = col[co + n] - c;
            }
        }
    }
}
