package io.github.elbo4j.parallel;

import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reproducible parallelism over a range {@code [0, size)}: the range is cut into chunks of a fixed
 * size, each chunk is computed from its own random stream, and the partial results are combined in
 * chunk order. The boundaries depend only on {@code size} and {@code chunkSize}, and chunk {@code c}
 * always draws from {@code stream.split(c)}, so a run gives the same bits on 1 thread or 64 (the
 * rule in DESIGN.md, "Performance principles").
 *
 * <p>Chunk {@code c} covers {@code [c · chunkSize, min(size, (c + 1) · chunkSize))}; there are
 * {@code ⌈size / chunkSize⌉} chunks. A plan is an immutable value; it runs its chunks on a
 * {@link WorkerPool}, either one of a given number of threads that it creates and closes within the
 * call (never the common pool), or one the caller owns, which is cheaper when a plan runs every
 * step of a fit. With one thread, or at most one chunk, it runs on the calling thread.
 * {@link #forEach} is the form for hot loops that keep their results in arrays of their own (the
 * Gaussian-mixture E-step, LDA's E-step and topic updates): it allocates nothing per chunk.
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
     * Runs {@code task} for every chunk on the workers of {@code pool} and returns when all are
     * done: the allocation-free form, for a fit that keeps per-chunk results (or per-worker scratch)
     * in arrays of its own and combines them in chunk order. The first failure is rethrown.
     */
    public void forEach(WorkerPool pool, ChunkTask task) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(task, "task");
        pool.run(chunkCount(), (worker, chunk) -> {
            long start = (long) chunk * chunkSize;
            task.run(chunk, (int) start, (int) Math.min(size, start + chunkSize), worker);
        });
    }

    /**
     * Runs {@code function} on every chunk using {@code threads} threads and returns the results in
     * chunk order. Chunk {@code c} gets {@code stream.split(c)}; {@code stream} itself is not
     * advanced. The first failing chunk (in chunk order) has its exception rethrown. The threads
     * are started and stopped within the call.
     *
     * @throws IllegalArgumentException if {@code threads < 1} or the function returns null
     */
    public <T> List<T> map(RandomStream stream, int threads, ChunkFunction<T> function) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        try (WorkerPool pool = WorkerPool.of(Math.max(1, Math.min(threads, chunkCount())))) {
            return map(stream, pool, function);
        }
    }

    /**
     * As {@link #map(RandomStream, int, ChunkFunction)}, on a pool the caller owns and closes
     * (cheaper when a plan runs every step of a fit).
     */
    public <T> List<T> map(RandomStream stream, WorkerPool pool, ChunkFunction<T> function) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(function, "function");
        int count = chunkCount();
        Object[] results = new Object[count];
        Throwable[] failures = new Throwable[count];
        pool.run(count, (worker, chunk) -> {
            try {
                results[chunk] = runChunk(chunk, stream, function);
            } catch (RuntimeException | Error e) {
                failures[chunk] = e;
            }
        });
        List<T> list = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            rethrow(failures[c]);
            @SuppressWarnings("unchecked")
            T result = (T) results[c];
            list.add(result);
        }
        return List.copyOf(list);
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

    /** As {@link #sum(RandomStream, int, int, ChunkFunction)}, on a pool the caller owns. */
    public double[] sum(RandomStream stream, WorkerPool pool, int width, ChunkFunction<double[]> function) {
        checkWidth(width);
        return addInOrder(map(stream, pool, function), width);
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

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
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
}
