package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.parallel.ChunkTask;
import io.github.elbo4j.parallel.ParallelChunks;
import io.github.elbo4j.parallel.WorkerPool;

/**
 * Rows {@code [0, N)} cut into chunks of {@value #ROWS} rows (the last one shorter) by the one
 * chunking rule of {@link ParallelChunks}: the boundaries depend only on {@code N}, never on the
 * thread count. {@link #forEach} runs a task once per chunk on up to {@code threads} threads (a
 * {@link WorkerPool}; the caller's among them); a task writes only its own chunk's outputs, and
 * callers combine them in chunk order, so the bits are the same for any number of threads. Closing
 * stops the worker threads.
 *
 * <p><b>Chunk layout.</b> An {@code [N, K]} array of responsibilities is kept chunk by chunk,
 * component-major inside a chunk: entry {@code (n, k)} of the chunk {@code [from, to)} is at
 * {@code from·K + k·(to - from) + (n - from)}, so the kernels' loops over rows read contiguous
 * memory. {@link #toChunkLayout} and {@link #toRowMajor} convert.
 */
final class GmmChunks implements AutoCloseable {

    static final int ROWS = 1024;

    private final ParallelChunks plan;
    private final WorkerPool workers;

    GmmChunks(int rows, int threads) {
        this.plan = ParallelChunks.of(rows, ROWS);
        this.workers = WorkerPool.of(Math.max(1, Math.min(threads, plan.chunkCount())));
    }

    /** The number of chunks. */
    int count() {
        return plan.chunkCount();
    }

    /** The first row of chunk {@code c}. */
    int from(int c) {
        return plan.chunkStart(c);
    }

    /** One past the last row of chunk {@code c}. */
    int to(int c) {
        return plan.chunkEnd(c);
    }

    /** The number of workers, so {@code 0 <= worker < workers()} in a {@link ChunkTask}. */
    int workers() {
        return workers.size();
    }

    /** Runs {@code task} for every chunk, in parallel when there are threads; returns when all are done. */
    void forEach(ChunkTask task) {
        plan.forEach(workers, task);
    }
    /** {@code [N, K]} row-major to the chunk layout. */
    double[] toChunkLayout(double[] rowMajor, int k) {
        double[] out = new double[rowMajor.length];
        for (int c = 0; c < count(); c++) {
            int from = from(c);
            int len = to(c) - from;
            for (int n = 0; n < len; n++) {
                for (int j = 0; j < k; j++) {
                    out[from * k + j * len + n] = rowMajor[(from + n) * k + j];
                }
            }
        }
        return out;
    }

    /** The chunk layout back to {@code [N, K]} row-major. */
    double[] toRowMajor(double[] chunked, int k) {
        double[] out = new double[chunked.length];
        for (int c = 0; c < count(); c++) {
            int from = from(c);
            int len = to(c) - from;
            for (int n = 0; n < len; n++) {
                for (int j = 0; j < k; j++) {
                    out[(from + n) * k + j] = chunked[from * k + j * len + n];
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        workers.close();
    }
}
