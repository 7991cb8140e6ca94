package io.github.elbo4j.cavi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Rows {@code [0, N)} cut into chunks of {@value #ROWS} rows (the last one shorter): the
 * boundaries depend only on {@code N}, never on the thread count. {@link #forEach} runs a task
 * once per chunk on up to {@code threads} threads (the caller's among them); a task writes only
 * its own chunk's outputs, and callers combine them in chunk order, so the bits are the same for
 * any number of threads. Closing stops the worker threads.
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

    /** Runs {@code task} for every chunk index, in parallel when there are threads; returns when all are done. */
    void forEach(IntConsumer task) {
        if (pool == null) {
            for (int c = 0; c < count; c++) {
                task.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < count; c = next.getAndIncrement()) {
                task.accept(c);
            }
        };
        List<Future<?>> running = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            running.add(pool.submit(worker));
        }
        try {
            worker.run();
        } finally {
            await(running);
        }
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
