package io.github.elbo4j.cavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ElboHistoryTest {

    @Test
    void sweepsAreOneFewerThanTheValuesBecauseTheFirstIsTheInitialElbo() {
        ElboHistory h = new ElboHistory(new double[] {-10, -4, -3.5}, true);
        assertThat(h.sweeps()).isEqualTo(2);
        assertThat(h.initialElbo()).isEqualTo(-10);
        assertThat(h.finalElbo()).isEqualTo(-3.5);
        assertThat(h.converged()).isTrue();
    }

    @Test
    void valuesAreCopiedInAndOut() {
        double[] v = {-2, -1};
        ElboHistory h = new ElboHistory(v, false);
        v[0] = 99;
        h.values()[1] = 99;
        assertThat(h.values()).containsExactly(-2, -1);
        assertThat(h).isEqualTo(new ElboHistory(new double[] {-2, -1}, false));
        assertThat(h).hasSameHashCodeAs(new ElboHistory(new double[] {-2, -1}, false));
    }

    @Test
    void largestRelativeDecreaseIsZeroForARisingSequenceAndMeasuresTheWorstDrop() {
        assertThat(new ElboHistory(new double[] {-10, -5, -5}, true).largestRelativeDecrease()).isZero();
        assertThat(new ElboHistory(new double[] {-10, -5, -6, -5.5}, true).largestRelativeDecrease())
                .isCloseTo(0.2, within(1e-15));
    }

    @Test
    void rejectsAnEmptyOrNonFiniteHistory() {
        assertThatThrownBy(() -> new ElboHistory(new double[0], true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ElboHistory values must hold the initial ELBO, got length 0");
        assertThatThrownBy(() -> new ElboHistory(new double[] {-1, Double.NaN}, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ElboHistory values[1] must be finite, got NaN");
    }
}
