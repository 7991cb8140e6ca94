package io.github.elbo4j.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of one online-LDA job, keyed by the first document of each block: merging never adds
 * two numbers (two executors' blocks are disjoint), and the driver adds the parts in document
 * order, so the result does not depend on the partitioning or on {@code treeAggregate}'s tree.
 * A part holds a block's sufficient statistics {@code S_kw} for the terms it saw (sparse,
 * {@code values[j K + k]} for term {@code terms[j]}) or its share of the bound, and its E-step
 * iterations.
 */
final class LdaBlockParts implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One block's share. */
    record Part(int[] terms, double[] values, double bound, long iterations) implements Serializable {
    }

    private final TreeMap<Long, Part> parts = new TreeMap<>();

    LdaBlockParts put(long firstDocument, Part part) {
        if (parts.put(firstDocument, part) != null) {
            throw new IllegalStateException("two parts start at document " + firstDocument);
        }
        return this;
    }

    LdaBlockParts merge(LdaBlockParts other) {
        for (Map.Entry<Long, Part> e : other.parts.entrySet()) {
            put(e.getKey(), e.getValue());
        }
        return this;
    }

    /** Adds every part's statistics into the term-major {@code statistics} ({@code [V][K]}), parts in document order. */
    void addStatistics(double[] statistics, int topics) {
        for (Part p : parts.values()) {
            for (int j = 0; j < p.terms().length; j++) {
                int s = p.terms()[j] * topics;
                for (int t = 0; t < topics; t++) {
                    statistics[s + t] += p.values()[j * topics + t];
                }
            }
        }
    }

    /** {@code Σ} of the parts' bounds in document order. */
    double bound() {
        double total = 0;
        for (Part p : parts.values()) {
            total += p.bound();
        }
        return total;
    }

    long iterations() {
        long total = 0;
        for (Part p : parts.values()) {
            total += p.iterations();
        }
        return total;
    }
}
