package io.github.elbo4j.cavi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one LDA computation. {@link #run} hands out numbered tasks to whichever worker
 * is free (the calling thread is worker 0); a task writes only to its own slots of the output
 * arrays, so which worker ran it never shows in the result. Closing stops the pool.
 */
final class LdaWorkers implements AutoCloseable {

    /** One numbered task, run by the worker with the given index (to pick its scratch space). */
    interface Task {
        void run(int worker, int task);
    }

    private final int threads;
    private ExecutorService pool;

    LdaWorkers(int threads) {
        this.threads = threads;
    }

    /** The number of workers, the calling thread included. */
    int size() {
        return threads;
    }

    /** Runs tasks {@code 0 <= t < tasks} and returns when all are done; rethrows the first failure. */
    void run(int tasks, Task task) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) {
                task.run(0, t);
            }
            return;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread th = new Thread(r, "elbo4j-lda-worker");
                th.setDaemon(true);
                return th;
            });
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 1; h <= helpers; h++) {
            int worker = h;
            futures.add(pool.submit(() -> drain(worker, tasks, next, task)));
        }
        RuntimeException failure = null;
        try {
            drain(0, tasks, next, task);
        } catch (RuntimeException e) {
            failure = e;
            next.set(tasks);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                            : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for LDA workers", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void drain(int worker, int tasks, AtomicInteger next, Task task) {
        for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
            task.run(worker, t);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
