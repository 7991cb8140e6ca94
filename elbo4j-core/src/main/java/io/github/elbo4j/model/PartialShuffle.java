package io.github.elbo4j.model;

import io.github.elbo4j.random.RandomStream;

/**
 * A uniform random ordered subset of {@code b} of the integers {@code 0..n-1}: the first {@code b}
 * entries of a partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm 3.4.2P, run forwards),
 * position {@code i < b} swapped with {@code j = i + U{0, …, n-1-i}}. The array being shuffled is
 * virtual: only positions a swap has touched are stored (in a primitive hash table), so a subset
 * costs {@code O(b)} time and memory whatever {@code n} (a minibatch of 100 rows of 10⁷ does not allocate 10⁷ integers), and it
 * draws the same subset, in the same order, from the same stream as the dense shuffle would.
 */
final class PartialShuffle {

    private PartialShuffle() {
    }

    /** The first {@code b} entries of a partial Fisher–Yates shuffle of {@code 0..n-1}, {@code 1 ≤ b ≤ n}, as doubles (plate indices). */
    static double[] first(int b, int n, RandomStream rng) {
        if (b < 1 || b > n) {
            throw new IllegalArgumentException("subset size b = " + b + " must be in [1, n = " + n + "]");
        }
        Moved moved = new Moved(b);
        double[] first = new double[b];
        for (int i = 0; i < b; i++) {
            int j = i + rng.nextInt(n - i);
            int atJ = moved.get(j);
            moved.put(j, moved.get(i));
            first[i] = atJ;
        }
        return first;
    }

    /**
     * The touched positions of the virtual array, {@code position → value} (an untouched position
     * holds itself): open addressing with linear probing in two {@code int} arrays of a power-of-two
     * capacity at least {@code 4b} (at most {@code 2b} positions are touched), so no object per entry.
     */
    private static final class Moved {

        private final int[] keys;
        private final int[] values;
        private final int mask;

        Moved(int b) {
            int capacity = Integer.highestOneBit(Math.max(4, 4 * b - 1)) << 1;
            keys = new int[capacity];
            values = new int[capacity];
            java.util.Arrays.fill(keys, -1);
            mask = capacity - 1;
        }

        int get(int position) {
            for (int h = slot(position); ; h = (h + 1) & mask) {
                if (keys[h] == position) {
                    return values[h];
                }
                if (keys[h] < 0) {
                    return position;
                }
            }
        }

        void put(int position, int value) {
            int h = slot(position);
            while (keys[h] >= 0 && keys[h] != position) {
                h = (h + 1) & mask;
            }
            keys[h] = position;
            values[h] = value;
        }

        /** Fibonacci hashing of the position (Knuth, TAOCP vol. 3, sec. 6.4). */
        private int slot(int position) {
            return (int) ((position * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        }
    }
}
