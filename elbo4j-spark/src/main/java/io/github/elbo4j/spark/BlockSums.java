package io.github.elbo4j.spark;

import io.github.elbo4j.data.RowLikelihood;

/** One block's parts of a window's sum, computed on an executor. */
final class BlockSums {

    private BlockSums() {
    }

    /**
     * Adds to {@code acc} the sums over the rows of {@code block} that lie in the cyclic window
     * {@code (start + j) mod total, j < size}: one part per run of rows whose window positions are
     * consecutive (the block is cut at row {@code start}, where positions wrap), keyed by the
     * position of its first row.
     */
    static BlockPartials add(BlockPartials acc, RowBlock block, RowLikelihood likelihood, double[] theta, int particles,
                             long start, long size, long total) {
        long r0 = block.firstRow();
        long r1 = r0 + block.rows();
        if (r0 < start && start < r1) {
            addRun(acc, block, r0, start, likelihood, theta, particles, start, size, total);
            addRun(acc, block, start, r1, likelihood, theta, particles, start, size, total);
        } else {
            addRun(acc, block, r0, r1, likelihood, theta, particles, start, size, total);
        }
        return acc;
    }

    private static void addRun(BlockPartials acc, RowBlock block, long a, long b, RowLikelihood likelihood, double[] theta,
                               int particles, long start, long size, long total) {
        long position = Math.floorMod(a - start, total);
        if (position >= size || a == b) {
            return;
        }
        long end = Math.min(b, a + (size - position));
        int k = likelihood.parameterCount();
        double[] part = new double[particles * (k + 1)];
        int from = (int) (a - block.firstRow());
        int to = (int) (end - block.firstRow());
        for (int p = 0; p < particles; p++) {
            part[p] = likelihood.accumulate(block.values(), from, to, theta, p * k, part, particles + p * k);
        }
        acc.put(position, part);
    }

    /**
     * Adds to {@code acc} the sums over the listed rows that lie in {@code block}: position
     * {@code j} of the list belongs to group {@code ⌊j / groupSize⌋}; one part per group that has
     * rows here, its rows added in list order, keyed by {@code group · blocks + block number} (so the
     * driver adds them group by group, block by block, whatever the partitioning).
     */
    static BlockPartials addListed(BlockPartials acc, RowBlock block, int[] rows, int groupSize, long blocks, long blockRows,
                                   RowLikelihood likelihood, double[] theta, int particles) {
        long r0 = block.firstRow();
        long r1 = r0 + block.rows();
        int columns = likelihood.columns();
        int k = likelihood.parameterCount();
        long blockNumber = r0 / blockRows;
        double[] gathered = new double[Math.min(groupSize, rows.length) * columns];
        for (int g = 0; (long) g * groupSize < rows.length; g++) {
            int from = g * groupSize;
            int to = Math.min(rows.length, from + groupSize);
            int n = 0;
            for (int j = from; j < to; j++) {
                if (rows[j] >= r0 && rows[j] < r1) {
                    System.arraycopy(block.values(), (int) (rows[j] - r0) * columns, gathered, n * columns, columns);
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            double[] part = new double[particles * (k + 1)];
            for (int p = 0; p < particles; p++) {
                part[p] = likelihood.accumulate(gathered, 0, n, theta, p * k, part, particles + p * k);
            }
            acc.put(g * blocks + blockNumber, part);
        }
        return acc;
    }
}
