package io.github.elbo4j.cavi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.random.RandomStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** k-means++ seeding and Lloyd's iterations (Arthur and Vassilvitskii, SODA 2007). */
class KMeansPlusPlusTest {

    @Test
    void seedsAreDistinctDataRows() {
        GmmData data = GmmData.of("x", GmmTestData.peers(3000, 4).x);
        double[] centres = KMeansPlusPlus.seed(data, 8, RandomStream.of(1));
        Set<String> distinct = new HashSet<>();
        for (int c = 0; c < 8; c++) {
            boolean isRow = false;
            for (int n = 0; n < data.rows && !isRow; n++) {
                isRow = data.values[2 * n] == centres[2 * c] && data.values[2 * n + 1] == centres[2 * c + 1];
            }
            assertThat(isRow).as("centre %d is a data row", c).isTrue();
            distinct.add(centres[2 * c] + "," + centres[2 * c + 1]);
        }
        assertThat(distinct).hasSize(8);
    }

    @Test
    void wellSeparatedClustersAreFoundExactly() {
        GmmTestData d = GmmTestData.peers(3000, 4);
        int[] labels = KMeansPlusPlus.labels(GmmData.of("x", d.x), 5, RandomStream.of(2));
        int[] clusterOfTruth = {-1, -1, -1, -1, -1};
        int disagreements = 0;
        for (int n = 0; n < labels.length; n++) {
            if (clusterOfTruth[d.labels[n]] < 0) {
                clusterOfTruth[d.labels[n]] = labels[n];
            }
            if (clusterOfTruth[d.labels[n]] != labels[n]) {
                disagreements++;
            }
        }
        assertThat(new HashSet<>(java.util.Arrays.asList(clusterOfTruth[0], clusterOfTruth[1], clusterOfTruth[2],
                clusterOfTruth[3], clusterOfTruth[4]))).hasSize(5);
        // the true components overlap a little (centres 8.5 apart, sd up to 1.4): a handful of rows sit across a border
        assertThat(disagreements).isLessThan(labels.length / 200);
    }

    @Test
    void theSameStreamGivesTheSameLabels() {
        GmmData data = GmmData.of("x", GmmTestData.threeClusters(500, 3).x);
        assertThat(KMeansPlusPlus.labels(data, 4, RandomStream.of(9))).isEqualTo(KMeansPlusPlus.labels(data, 4, RandomStream.of(9)));
    }
}
