package io.github.elbo4j.cavi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows {@code [0, N)} cut into chunks of {@value #ROWS} rows (the last one shorter): the
 * boundaries depend only on {@code N}, never on the thread count. {@link #forEach} runs a task
 * once per chunk on up to {@code threads} threads (the caller's among them); a task writes only
 * its own chunk's outputs, and callers combine them in chunk order, so the bits are the same for
 * any number of threads. Closing stops the worker threads.
 *
 * <p><b>Chunk layout.</b> An {@code [N, K]} array of responsibilities is kept chunk by chunk,
 * component-major inside a chunk: entry {@code (n, k)} of the chunk {@code [from, to)} is at
 * {@code from·K + k·(to - from) + (n - from)}, so the kernels' loops over rows read contiguous
 * memory. {@link #toChunkLayout} and {@link #toRowMajor} convert.
 */
final class GmmChunks implements AutoCloseable {

    static final int ROWS = 1024;

    private final int rows;
    private final int count;
    private final int threads;
    private final ExecutorService pool;

    GmmChunks(int rows, int threads) {
        this.rows = rows;
        this.count = (rows + ROWS - 1) / ROWS;
        this.threads = Math.max(1, Math.min(threads, count));
        if (this.threads > 1) {
            AtomicInteger id = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(this.threads - 1, r -> {
                Thread t = new Thread(r, "elbo4j-gmm-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.pool = null;
        }
    }

    /** The number of chunks. */
    int count() {
        return count;
    }

    /** The first row of chunk {@code c}. */
    int from(int c) {
        return c * ROWS;
    }

    /** One past the last row of chunk {@code c}. */
    int to(int c) {
        return Math.min(rows, (c + 1) * ROWS);
    }

    /** The number of workers, so {@code 0 <= worker < workers()} in a {@link ChunkTask}. */
    int workers() {
        return threads;
    }

    /** A task for one chunk, run by worker {@code worker} (whose scratch it may use). */
    interface ChunkTask {
        void run(int chunk, int worker);
    }

    /** Runs {@code task} for every chunk index, in parallel when there are threads; returns when all are done. */
    void forEach(ChunkTask task) {
        if (pool == null) {
            for (int c = 0; c < count; c++) {
                task.run(c, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            int worker = t;
            running.add(pool.submit(() -> drain(task, next, worker)));
        }
        try {
            drain(task, next, 0);
        } finally {
            await(running);
        }
    }

    private void drain(ChunkTask task, AtomicInteger next, int worker) {
        for (int c = next.getAndIncrement(); c < count; c = next.getAndIncrement()) {
            task.run(c, worker);
        }
    }

    /** {@code [N, K]} row-major to the chunk layout. */
    double[] toChunkLayout(double[] rowMajor, int k) {
        double[] out = new double[rowMajor.length];
        for (int c = 0; c < count; c++) {
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
        for (int c = 0; c < count; c++) {
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

    private static void await(List<Future<?>> running) {
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a chunk", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
