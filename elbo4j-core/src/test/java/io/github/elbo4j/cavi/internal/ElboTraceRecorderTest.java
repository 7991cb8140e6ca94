package io.github.elbo4j.cavi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElboTraceRecorderTest {

    @Test
    void stopsWhenEveryParameterMovedLessThanToleranceTimesOnePlusItsSize() {
        ElboTraceRecorder r = new ElboTraceRecorder("M", 100, 1e-3, -5, new double[] {0, 1000});
        assertThat(r.record(-4, new double[] {0.5, 1000})).isFalse();
        assertThat(r.record(-3.9, new double[] {0.5005, 1000.9})).isTrue(); // 5e-4 <= 1.5e-3, 0.9 <= 1.0009
        assertThat(r.converged()).isTrue();
        assertThat(r.elboTrace().values()).containsExactly(-5, -4, -3.9);
    }

    @Test
    void stopsUnconvergedAtTheSweepLimit() {
        ElboTraceRecorder r = new ElboTraceRecorder("M", 2, 0, -5, new double[] {0});
        assertThat(r.record(-4, new double[] {1})).isFalse();
        assertThat(r.record(-3, new double[] {2})).isTrue();
        assertThat(r.converged()).isFalse();
        assertThat(r.elboTrace().values()).containsExactly(-5, -4, -3);
    }

    @Test
    void aNonFiniteElboFailsTheFitNamingTheSweepAndTheLastFiniteValue() {
        ElboTraceRecorder r = new ElboTraceRecorder("M", 10, 0, -5, new double[] {0});
        r.record(-4, new double[] {1});
        assertThatThrownBy(() -> r.record(Double.NaN, new double[] {2})).isInstanceOf(IllegalStateException.class)
                .hasMessage("M: the ELBO after sweep 2 is NaN; the last finite ELBO was -4.0 after sweep 1");
        assertThatThrownBy(() -> new ElboTraceRecorder("M", 10, 0, Double.NEGATIVE_INFINITY, new double[] {0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("M: the ELBO of the initial variational distribution is -Infinity");
    }
}
