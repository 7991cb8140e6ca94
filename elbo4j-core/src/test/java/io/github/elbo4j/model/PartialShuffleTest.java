package io.github.elbo4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.random.RandomStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartialShuffleTest {

    /** The dense partial Fisher–Yates shuffle the plate used before: an {@code int[n]} per subset. */
    private static double[] dense(int b, int n, RandomStream rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < b; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[] out = new double[b];
        for (int i = 0; i < b; i++) {
            out[i] = perm[i];
        }
        return out;
    }

    /** Catches any bookkeeping slip of the virtual array (a lost swap, a stale entry): the subsets differ from the dense shuffle's. */
    @Test
    void drawsTheSameSubsetInTheSameOrderAsTheDenseShuffle() {
        int[][] cases = {{1, 1}, {1, 7}, {7, 7}, {3, 4}, {10, 1000}, {999, 1000}, {64, 65}, {250, 100_000}};
        for (int[] c : cases) {
            for (int seed = 0; seed < 20; seed++) {
                double[] sparse = PartialShuffle.first(c[0], c[1], RandomStream.of(seed));
                assertThat(sparse).as("b = %d, n = %d, seed %d", c[0], c[1], seed).containsExactly(dense(c[0], c[1], RandomStream.of(seed)));
                Set<Double> distinct = new HashSet<>();
                for (double v : sparse) {
                    assertThat(v).isBetween(0.0, c[1] - 1.0);
                    distinct.add(v);
                }
                assertThat(distinct).hasSize(c[0]);
            }
        }
    }

    /**
     * Uniformity over the 5 · 4 = 20 ordered pairs of 0..4: 40,000 subsets give counts with mean
     * 2,000; Pearson's statistic has 19 degrees of freedom, and 43.8 is its 0.999 quantile (scipy
     * {@code chi2.ppf(0.999, 19)} = 43.82). A swap with a wrong range ({@code j = U{i..n-2}}) never
     * draws 4 first, and a shuffle that drops the swap's back-write repeats values.
     */
    @Test
    void everyOrderedPairIsEquallyLikely() {
        int[] counts = new int[25];
        RandomStream rng = RandomStream.of(11);
        int draws = 40_000;
        for (int s = 0; s < draws; s++) {
            double[] p = PartialShuffle.first(2, 5, rng);
            counts[(int) p[0] * 5 + (int) p[1]]++;
        }
        double chi2 = 0;
        for (int a = 0; a < 5; a++) {
            assertThat(counts[a * 5 + a]).as("pair (%d, %d) repeats a value", a, a).isZero();
            for (int c = 0; c < 5; c++) {
                if (a != c) {
                    double e = draws / 20.0;
                    chi2 += (counts[a * 5 + c] - e) * (counts[a * 5 + c] - e) / e;
                }
            }
        }
        assertThat(chi2).isLessThan(43.82);
    }

    @Test
    void rejectsASubsetLargerThanTheRange() {
        assertThatThrownBy(() -> PartialShuffle.first(6, 5, RandomStream.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b = 6").hasMessageContaining("[1, n = 5]");
    }
}
