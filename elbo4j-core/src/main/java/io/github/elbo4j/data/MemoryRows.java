package io.github.elbo4j.data;

import java.util.Optional;

/** Rows in one row-major array (see {@link RowSource#of(double[], int)}). */
final class MemoryRows implements RowSource {

    private final double[] values;
    private final int columns;

    MemoryRows(double[] values, int columns) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if (values.length % columns != 0) {
            throw new IllegalArgumentException("values length " + values.length + " must be a multiple of columns = " + columns);
        }
        this.values = values;
        this.columns = columns;
    }

    @Override
    public long rows() {
        return values.length / columns;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public void read(long first, int count, double[] buffer) {
        RowFile.checkRange(first, count, rows(), buffer.length, columns);
        System.arraycopy(values, (int) (first * columns), buffer, 0, count * columns);
    }

    @Override
    public Optional<double[]> inMemory() {
        return Optional.of(values);
    }
}
