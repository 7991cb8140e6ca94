package io.github.elbo4j.cavi;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of one CAVI computation (an LDA fit, a Gaussian-mixture fit). {@link #run} hands out numbered tasks to whichever worker
 * is free (the calling thread is worker 0, the pool's threads are 1, 2, …); a task writes only to
 * its own slots of the output arrays, so which worker ran it never shows in the result. The call
 * returns when every task is done, without waiting for a helper that found no task left: on a
 * busy machine a helper may be scheduled late, and the caller then simply does the work itself.
 * Closing stops the pool.
 */
final class CaviWorkers implements AutoCloseable {

    /** One numbered task, run by the worker with the given index (to pick its scratch space). */
    interface Task {
        void run(int worker, int task);
    }

    private final int threads;
    private ExecutorService pool;

    CaviWorkers(int threads) {
        this.threads = threads;
    }

    /** The number of workers, the calling thread included. */
    int size() {
        return threads;
    }

    /**
     * Runs tasks {@code 0 <= t < tasks} and returns when all are done; rethrows the first failure.
     * A helper that starts after the last task was taken returns at once and touches nothing, so
     * worker indices are never in use twice at the same time.
     */
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
                Thread th = new Thread(r, "elbo4j-cavi-worker");
                th.setDaemon(true);
                return th;
            });
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int h = 1; h <= helpers; h++) {
            int worker = h;
            pool.execute(() -> drain(worker, tasks, next, done, failure, task));
        }
        drain(0, tasks, next, done, failure, task);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for CAVI workers", e);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f instanceof Error) {
            throw (Error) f;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private static void drain(int worker, int tasks, AtomicInteger next, CountDownLatch done,
                              AtomicReference<Throwable> failure, Task task) {
        for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
            try {
                if (failure.get() == null) {
                    task.run(worker, t);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                done.countDown();
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
