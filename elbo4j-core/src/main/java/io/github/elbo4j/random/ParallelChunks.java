package io.github.elbo4j.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reproducible parallelism over a range {@code [0, size)}: the range is cut into chunks of a fixed
 * size, each chunk is computed from its own random stream, and the partial results are combined in
 * chunk order. The boundaries depend only on {@code size} and {@code chunkSize}, and chunk {@code c}
 * always draws from {@code stream.split(c)}, so a run gives the same bits on 1 thread or 64 (the
 * rule in DESIGN.md, "Performance principles").
 *
 * <p>Chunk {@code c} covers {@code [c · chunkSize, min(size, (c + 1) · chunkSize))}; there are
 * {@code ⌈size / chunkSize⌉} chunks. A plan is an immutable value; it runs its chunks either on a
 * pool of a given number of threads that it creates and shuts down within the call (never the
 * common pool), or on an executor the caller owns, which is cheaper when a plan runs every step of
 * a fit. With one thread, or at most one chunk, it runs on the calling thread.
 */
public final class ParallelChunks {

    private final int size;
    private final int chunkSize;

    private ParallelChunks(int size, int chunkSize) {
        this.size = size;
        this.chunkSize = chunkSize;
    }

    /**
     * The plan cutting {@code [0, size)} into chunks of {@code chunkSize} indices (the last may be
     * shorter).
     *
     * @throws IllegalArgumentException if {@code size < 0} or {@code chunkSize < 1}
     */
    public static ParallelChunks of(int size, int chunkSize) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
        }
        return new ParallelChunks(size, chunkSize);
    }

    /** The length of the range. */
    public int size() {
        return size;
    }

    /** The number of indices per chunk (the last chunk may have fewer). */
    public int chunkSize() {
        return chunkSize;
    }

    /** The number of chunks, {@code ⌈size / chunkSize⌉}. */
    public int chunkCount() {
        return (int) ((size + (long) chunkSize - 1) / chunkSize);
    }

    /** The first index of chunk {@code chunk}, {@code chunk · chunkSize}. */
    public int chunkStart(int chunk) {
        checkChunk(chunk);
        return (int) ((long) chunk * chunkSize);
    }

    /** One past the last index of chunk {@code chunk}, {@code min(size, (chunk + 1) · chunkSize)}. */
    public int chunkEnd(int chunk) {
        checkChunk(chunk);
        return (int) Math.min(size, ((long) chunk + 1) * chunkSize);
    }

    /**
     * Runs {@code function} on every chunk using {@code threads} threads and returns the results in
     * chunk order. Chunk {@code c} gets {@code stream.split(c)}; {@code stream} itself is not
     * advanced. The first failing chunk (in chunk order) has its exception rethrown.
     *
     * @throws IllegalArgumentException if {@code threads < 1} or the function returns null
     */
    public <T> List<T> map(RandomStream stream, int threads, ChunkFunction<T> function) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(function, "function");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int count = chunkCount();
        if (threads == 1 || count <= 1) {
            List<T> results = new ArrayList<>(count);
            for (int c = 0; c < count; c++) {
                results.add(runChunk(c, stream, function));
            }
            return List.copyOf(results);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), daemonThreads());
        try {
            return map(stream, pool, function);
        } finally {
            close(pool);
        }
    }

    /**
     * As {@link #map(RandomStream, int, ChunkFunction)}, on an executor the caller owns and shuts
     * down: one task per chunk. Do not call it from a task of the same bounded executor, which
     * could wait on itself.
     */
    public <T> List<T> map(RandomStream stream, ExecutorService executor, ChunkFunction<T> function) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(function, "function");
        int count = chunkCount();
        List<Callable<T>> tasks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int chunk = c;
            tasks.add(() -> runChunk(chunk, stream, function));
        }
        List<Future<T>> futures;
        try {
            futures = executor.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + count + " chunks", e);
        }
        List<T> results = new ArrayList<>(count);
        for (Future<T> f : futures) {
            results.add(resultOf(f));
        }
        return List.copyOf(results);
    }

    /**
     * Sums per-chunk partial sums: {@code function} returns a {@code double[width]} for each chunk,
     * and the total is {@code Σ_c partial_c}, added elementwise in chunk order ({@code ((p_0 + p_1)
     * + p_2) + ...}), so rounding is the same for any thread count. Zero chunks give zeros.
     *
     * @throws IllegalArgumentException if {@code width < 0}, {@code threads < 1}, or a chunk
     *     returns null or an array of another length
     */
    public double[] sum(RandomStream stream, int threads, int width, ChunkFunction<double[]> function) {
        checkWidth(width);
        return addInOrder(map(stream, threads, function), width);
    }

    /** As {@link #sum(RandomStream, int, int, ChunkFunction)}, on an executor the caller owns. */
    public double[] sum(RandomStream stream, ExecutorService executor, int width, ChunkFunction<double[]> function) {
        checkWidth(width);
        return addInOrder(map(stream, executor, function), width);
    }

    @Override
    public String toString() {
        return "ParallelChunks[size=" + size + ", chunkSize=" + chunkSize + ", chunks=" + chunkCount() + "]";
    }

    private <T> T runChunk(int chunk, RandomStream stream, ChunkFunction<T> function) {
        T result = function.apply(chunk, chunkStart(chunk), chunkEnd(chunk), stream.split(chunk));
        if (result == null) {
            throw new IllegalArgumentException("chunk function must not return null, got null for chunk " + chunk);
        }
        return result;
    }

    private static <T> T resultOf(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a chunk", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("chunk failed", cause);
        }
    }

    private static double[] addInOrder(List<double[]> partials, int width) {
        double[] total = new double[width];
        for (int c = 0; c < partials.size(); c++) {
            double[] partial = partials.get(c);
            if (partial.length != width) {
                throw new IllegalArgumentException("chunk function must return an array of length " + width
                        + " (the width), got length " + partial.length + " for chunk " + c);
            }
            for (int j = 0; j < width; j++) {
                total[j] += partial[j];
            }
        }
        return total;
    }

    private static void checkWidth(int width) {
        if (width < 0) {
            throw new IllegalArgumentException("width must be >= 0, got " + width);
        }
    }

    private void checkChunk(int chunk) {
        if (chunk < 0 || chunk >= chunkCount()) {
            throw new IllegalArgumentException(
                    "chunk must be in [0, " + chunkCount() + "), got " + chunk);
        }
    }

    /** Shuts the pool down and waits for its idle threads to exit, so none outlives the call. */
    private static void close(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger thread = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "elbo4j-chunks-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
