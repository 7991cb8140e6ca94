package io.github.elbo4j.data;

import io.github.elbo4j.model.Plate;

/**
 * Which rows of a data set one evaluation sums, and in which order: the positions
 * {@code 0 ≤ j < size()} of the selection map to rows {@code row(j)}. Chunks are cut over
 * positions, so their boundaries depend only on the selection's size.
 */
public sealed interface RowSelection {

    /** The number of selected rows. */
    int size();

    /** The row at position {@code j}. */
    long row(int position);

    /**
     * The rows {@code (start + j) mod total} for {@code 0 ≤ j < size}: all rows in order when
     * {@code start = 0, size = total}, else a cyclic window (the minibatches of
     * {@code Subsampling.windows()}).
     */
    record Window(long start, int size, long total) implements RowSelection {

        /**
         * @throws IllegalArgumentException unless {@code 0 ≤ start < total} and {@code 0 ≤ size ≤ total}
         */
        public Window {
            if (total < 1 || start < 0 || start >= total || size < 0 || size > total) {
                throw new IllegalArgumentException("window start = " + start + ", size = " + size + " must satisfy 0 <= start < total and "
                        + "0 <= size <= total = " + total);
            }
        }

        @Override
        public long row(int position) {
            long r = start + position;
            return r >= total ? r - total : r;
        }

        /** True when it is every row in order. */
        public boolean isAll() {
            return start == 0 && size == total;
        }
    }

    /** Any rows, listed (a uniform random subset of {@code Subsampling.random()} or {@code epochs()}). */
    record Indices(int[] rows) implements RowSelection {

        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public long row(int position) {
            return rows[position];
        }
    }

    /** Every row of {@code total}, in order. */
    static RowSelection all(long total) {
        return new Window(0, (int) total, total);
    }

    /**
     * The rows a plate's run uses: all of them when it is not subsampled, a {@link Window} when its
     * indices are consecutive modulo its size, else the {@link Indices}.
     */
    static RowSelection of(Plate plate) {
        int n = plate.frame().size();
        int b = plate.frame().subsampleSize();
        if (b == n) {
            return all(n);
        }
        int[] idx = plate.indices();
        for (int j = 1; j < b; j++) {
            if (idx[j] != (idx[j - 1] + 1 == n ? 0 : idx[j - 1] + 1)) {
                return new Indices(idx);
            }
        }
        return new Window(idx[0], b, n);
    }
}
