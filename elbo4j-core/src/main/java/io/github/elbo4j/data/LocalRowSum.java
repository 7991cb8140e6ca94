package io.github.elbo4j.data;

import io.github.elbo4j.parallel.ParallelChunks;
import io.github.elbo4j.parallel.WorkerPool;

/**
 * A {@link RowSum} on the threads of one machine: the selection's positions are cut into chunks
 * of {@code chunkSize} ({@link ParallelChunks}), each chunk reads its rows (a view of the array when
 * the rows are in memory and consecutive, else a copy of at most {@code chunkSize} rows, so the heap
 * does not grow with the data) and sums them, and the chunk sums are added in chunk order: the same
 * bits on any number of threads. Close it to stop its threads.
 */
public final class LocalRowSum implements RowSum, AutoCloseable {

    /** The default chunk: 4096 rows (for 21 columns, 0.7 MB of rows per chunk, at most a few chunks in cache per core). */
    public static final int DEFAULT_CHUNK = 4096;

    private final RowSource source;
    private final int chunkSize;
    private final WorkerPool pool;

    private LocalRowSum(RowSource source, int chunkSize, WorkerPool pool) {
        this.source = source;
        this.chunkSize = chunkSize;
        this.pool = pool;
    }

    /**
     * Sums over {@code source} on {@code threads} threads (the caller's included) in chunks of
     * {@code chunkSize} rows.
     *
     * @throws IllegalArgumentException if {@code threads < 1} or {@code chunkSize < 1}
     */
    public static LocalRowSum of(RowSource source, int threads, int chunkSize) {
        if (source == null) {
            throw new IllegalArgumentException("source must not be null");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
        }
        if (source.rows() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows = " + source.rows() + " must be at most " + Integer.MAX_VALUE + " (a plate's size is an int)");
        }
        return new LocalRowSum(source, chunkSize, WorkerPool.of(threads));
    }

    /** As {@link #of(RowSource, int, int)} with chunks of {@link #DEFAULT_CHUNK} rows. */
    public static LocalRowSum of(RowSource source, int threads) {
        return of(source, threads, DEFAULT_CHUNK);
    }

    @Override
    public long rows() {
        return source.rows();
    }

    /** The rows per chunk. */
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    public double[] sum(RowLikelihood likelihood, double[] theta, int particles, RowSelection selection) {
        int k = likelihood.parameterCount();
        int columns = source.columns();
        if (likelihood.columns() != columns) {
            throw new IllegalArgumentException("likelihood " + likelihood + " reads " + likelihood.columns() + " columns, the data have " + columns);
        }
        if (particles < 1 || theta.length != (long) particles * k) {
            throw new IllegalArgumentException("theta length " + theta.length + " must be particles (" + particles + ") x parameters (" + k + ")");
        }
        int width = particles * (k + 1);
        ParallelChunks plan = ParallelChunks.of(selection.size(), chunkSize);
        double[][] partials = new double[plan.chunkCount()][];
        double[] memory = source.inMemory().orElse(null);
        plan.forEach(pool, (chunk, start, end, worker) -> {
            double[] part = new double[width];
            RowBlockView view = rows(selection, start, end, memory, columns);
            for (int p = 0; p < particles; p++) {
                part[p] = likelihood.accumulate(view.values, view.from, view.from + (end - start), theta, p * k, part,
                        particles + p * k);
            }
            partials[chunk] = part;
        });
        double[] total = new double[width];
        for (double[] part : partials) {
            for (int j = 0; j < width; j++) {
                total[j] += part[j];
            }
        }
        return total;
    }

    /** Rows at positions {@code [start, end)} of the selection: a view of memory when consecutive, else a copy. */
    private RowBlockView rows(RowSelection selection, int start, int end, double[] memory, int columns) {
        int n = end - start;
        long first = selection.row(start);
        boolean consecutive = selection instanceof RowSelection.Window && first + n <= source.rows();
        if (consecutive && memory != null) {
            return new RowBlockView(memory, (int) first);
        }
        double[] buffer = new double[n * columns];
        if (consecutive) {
            source.read(first, n, buffer);
        } else if (selection instanceof RowSelection.Window) {
            int head = (int) (source.rows() - first);          // the window wraps past the last row
            double[] part = new double[head * columns];
            source.read(first, head, part);
            System.arraycopy(part, 0, buffer, 0, part.length);
            double[] tail = new double[(n - head) * columns];
            source.read(0, n - head, tail);
            System.arraycopy(tail, 0, buffer, part.length, tail.length);
        } else {
            double[] one = memory == null ? new double[columns] : null;
            for (int j = 0; j < n; j++) {
                long r = selection.row(start + j);
                if (memory != null) {
                    System.arraycopy(memory, (int) (r * columns), buffer, j * columns, columns);
                } else {
                    source.read(r, 1, one);
                    System.arraycopy(one, 0, buffer, j * columns, columns);
                }
            }
        }
        return new RowBlockView(buffer, 0);
    }

    private record RowBlockView(double[] values, int from) {
    }

    /** Stops the helper threads. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "LocalRowSum[" + source + ", " + pool.size() + " thread(s), chunks of " + chunkSize + "]";
    }
}
