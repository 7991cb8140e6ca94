package io.github.elbo4j.spark;

import java.io.Serializable;

/**
 * Rows {@code [firstRow, firstRow + rows)} of a data set, row-major in {@code values}; a data set is
 * cut into blocks of a fixed number of rows by row number, so the blocks (and the sums over them) do
 * not depend on how Spark partitioned the input.
 */
record RowBlock(long firstRow, int rows, double[] values) implements Serializable {
}
