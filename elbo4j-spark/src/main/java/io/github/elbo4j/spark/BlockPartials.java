package io.github.elbo4j.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The partial sums of one evaluation, keyed by the selection position of each part's first row:
 * merging never adds two numbers (the keys of two executors' parts are disjoint), and
 * {@link #total} adds the parts in key order on the driver, so the result does not depend on the
 * partitioning or the shape of {@code treeAggregate}'s tree.
 */
final class BlockPartials implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<Long, double[]> parts = new TreeMap<>();

    BlockPartials put(long position, double[] part) {
        if (parts.put(position, part) != null) {
            throw new IllegalStateException("two parts start at selection position " + position);
        }
        return this;
    }

    BlockPartials merge(BlockPartials other) {
        for (Map.Entry<Long, double[]> e : other.parts.entrySet()) {
            put(e.getKey(), e.getValue());
        }
        return this;
    }

    /** {@code Σ} of the parts in position order, elementwise; zeros when there are none. */
    double[] total(int width) {
        double[] total = new double[width];
        for (double[] part : parts.values()) {
            for (int j = 0; j < width; j++) {
                total[j] += part[j];
            }
        }
        return total;
    }

    /** The parts one after the other in position order. */
    double[] concatenated() {
        int length = 0;
        for (double[] part : parts.values()) {
            length += part.length;
        }
        double[] out = new double[length];
        int at = 0;
        for (double[] part : parts.values()) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    int size() {
        return parts.size();
    }
}
