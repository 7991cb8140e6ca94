package io.github.elbo4j.parallel;

import io.github.elbo4j.random.RandomStream;

/**
 * The work for one chunk of a {@link ParallelChunks} range: a pure function of its arguments, so
 * that its result does not depend on which thread runs it or when.
 *
 * @param <T> the chunk's partial result
 */
@FunctionalInterface
public interface ChunkFunction<T> {

    /**
     * Computes the partial result for indices {@code [start, end)}.
     *
     * @param chunk the chunk's number, from 0
     * @param start the first index of the chunk
     * @param end one past the last index of the chunk
     * @param stream this chunk's own random stream, {@code parent.split(chunk)}; owned by this call
     * @return the partial result, never null
     */
    T apply(int chunk, int start, int end, RandomStream stream);
}
