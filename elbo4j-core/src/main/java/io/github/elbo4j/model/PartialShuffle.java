package io.github.elbo4j.model;

import io.github.elbo4j.random.RandomStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A uniform random ordered subset of {@code b} of the integers {@code 0..n-1}: the first {@code b}
 * entries of a partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm 3.4.2P, run forwards),
 * position {@code i < b} swapped with {@code j = i + U{0, …, n-1-i}}. The array being shuffled is
 * virtual: only positions a swap has touched are stored, so a subset costs {@code O(b)} time and
 * memory whatever {@code n} (a minibatch of 100 rows of 10⁷ does not allocate 10⁷ integers), and it
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
        Map<Integer, Integer> moved = new HashMap<>(4 * b);
        double[] first = new double[b];
        for (int i = 0; i < b; i++) {
            int j = i + rng.nextInt(n - i);
            int atJ = moved.getOrDefault(j, j);
            moved.put(j, moved.getOrDefault(i, i));
            first[i] = atJ;
        }
        return first;
    }
}
