package io.github.elbo4j.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of one computation (a CAVI fit, a {@link ParallelChunks} sum). {@link #run} hands out
 * numbered tasks to whichever worker is free (the calling thread is worker 0, the pool's threads
 * are 1, 2, …); a task writes only to its own slots of the output arrays, so which worker ran it
 * never shows in the result. The call returns when every task is done, without waiting for a
 * helper that found no task left: on a busy machine a helper may be scheduled late, and the caller
 * then simply does the work itself. The helper threads are started at the first call that needs
 * them and kept until {@link #close}, so a fit that runs a pass every sweep pays for them once.
 * Closing stops the threads and waits until they have exited.
 *
 * <p>Mutable; one computation at a time: {@link #run} must not be called concurrently or from
 * inside one of its own tasks.
 */
public final class WorkerPool implements AutoCloseable {

    /** One numbered task, run by the worker with the given index (to pick its scratch space). */
    @FunctionalInterface
    public interface Task {

        /**
         * Runs task {@code task} on worker {@code worker}, {@code 0 <= worker < size()}; no other
         * task runs on the same worker index at the same time.
         */
        void run(int worker, int task);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private ExecutorService pool;

    private WorkerPool(int threads) {
        this.threads = threads;
    }

    /**
     * A pool of {@code threads} workers, the calling thread included ({@code threads - 1} helper
     * threads at most, started when first needed).
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static WorkerPool of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new WorkerPool(threads);
    }

    /** The number of workers, the calling thread included. */
    public int size() {
        return threads;
    }

    /**
     * Runs tasks {@code 0 <= t < tasks} and returns when all are done; rethrows the first failure
     * (after which the tasks not yet started are skipped). A helper that starts after the last task
     * was taken returns at once and touches nothing, so worker indices are never in use twice at
     * the same time.
     */
    public void run(int tasks, Task task) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) {
                task.run(0, t);
            }
            return;
        }
        if (pool == null) {
            String name = "elbo4j-worker-" + POOLS.incrementAndGet() + "-";
            AtomicInteger thread = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread th = new Thread(r, name + thread.incrementAndGet());
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
            throw new IllegalStateException("interrupted while waiting for the workers", e);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (f instanceof Error error) {
            throw error;
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

    /** Stops the helper threads and waits for them to exit, so none outlives the computation. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
