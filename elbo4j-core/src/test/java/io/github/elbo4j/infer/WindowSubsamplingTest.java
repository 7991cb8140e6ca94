package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.random.RandomStream;
import org.junit.jupiter.api.Test;

/** {@link Subsampling#windows()}: consecutive rows modulo the size, each row equally likely to be in a step's window. */
class WindowSubsamplingTest {

    private static final RandomStream SCHEDULE = RandomStream.of(4);

    @Test
    void aWindowIsConsecutiveRowsAndWraps() {
        PlateFrame f = new PlateFrame("rows", 10, 4, -1);
        boolean wrapped = false;
        for (long step = 0; step < 50; step++) {
            double[] idx = Subsampling.Windows.indices(f, step, SCHEDULE).toArray();
            assertThat(idx).hasSize(4);
            for (int j = 1; j < 4; j++) {
                assertThat(idx[j]).isEqualTo((idx[j - 1] + 1) % 10);
            }
            wrapped |= idx[3] < idx[0];
            assertThat(Subsampling.Windows.indices(f, step, SCHEDULE).toArray()).as("same step, same window").isEqualTo(idx);
        }
        assertThat(wrapped).as("some window of 50 wraps past row 9").isTrue();
    }

    /**
     * Over 20000 steps each of 10 rows is in a window of 4 with probability 0.4, so its count is
     * Binomial(20000, 0.4): sd = sqrt(20000 · 0.4 · 0.6) = 69.3; 5 sd = 346 around 8000. A window
     * start that skipped a row, or favoured low starts (e.g. nextInt(n - b)), moves some count by
     * thousands.
     */
    @Test
    void everyRowIsEquallyLikely() {
        PlateFrame f = new PlateFrame("rows", 10, 4, -1);
        int[] count = new int[10];
        for (long step = 0; step < 20_000; step++) {
            for (double r : Subsampling.Windows.indices(f, step, SCHEDULE).toArray()) {
                count[(int) r]++;
            }
        }
        for (int r = 0; r < 10; r++) {
            assertThat(count[r]).as("row %d", r).isBetween(8000 - 346, 8000 + 346);
        }
    }
}
