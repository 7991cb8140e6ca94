package io.github.elbo4j.data;

import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * Rows of numbers, all with the same columns: in memory ({@link #of(double[], int)}) or in a file
 * read a window at a time ({@link RowFile}). Reads are positional and may run on several threads
 * at once.
 */
public interface RowSource {

    /** The number of rows. */
    long rows();

    /** The number of values per row. */
    int columns();

    /**
     * Copies rows {@code [first, first + count)} into {@code buffer[0, count · columns)}, row-major.
     *
     * @throws IllegalArgumentException if the rows are out of range or the buffer is too short
     */
    void read(long first, int count, double[] buffer);

    /** The whole data as one row-major array when it is in memory (not a copy: do not modify it), else empty. */
    default Optional<double[]> inMemory() {
        return Optional.empty();
    }

    /**
     * Rows held in memory: row {@code i} is {@code values[i · columns, (i + 1) · columns)}. The
     * array is not copied; the caller must not change it afterwards.
     *
     * @throws IllegalArgumentException if {@code columns < 1} or the length is not a multiple of it
     */
    static RowSource of(double[] values, int columns) {
        return new MemoryRows(values, columns);
    }

    /** The rows of a matrix {@code [n, columns]} (copied once). */
    static RowSource of(Tensor matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("rows must be a matrix [n, columns], got shape "
                    + java.util.Arrays.toString(matrix.shape()));
        }
        return new MemoryRows(matrix.toArray(), matrix.dim(1));
    }
}
