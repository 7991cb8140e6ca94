package io.github.elbo4j.parallel;

/**
 * The work for one chunk of a {@link ParallelChunks} range when the caller keeps the results in
 * arrays of its own (the allocation-free form for a fit's hot loop): it writes only its own
 * chunk's outputs, and the caller combines them in chunk order.
 */
@FunctionalInterface
public interface ChunkTask {

    /**
     * Does the work for indices {@code [start, end)}.
     *
     * @param chunk the chunk's number, from 0
     * @param start the first index of the chunk
     * @param end one past the last index of the chunk
     * @param worker the worker running it, {@code 0 <= worker < pool.size()}, for its scratch space;
     *     no other chunk runs on the same worker index at the same time
     */
    void run(int chunk, int start, int end, int worker);
}
