package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The ELBO trace of every fit. */
class ElboTraceTest {

    @Test
    void anExactTraceReadsItsFirstLastAndFinalValues() {
        ElboTrace h = ElboTrace.exact(new double[] {-10, -4, -3.5});
        assertThat(h.length()).isEqualTo(3);
        assertThat(h.first()).isEqualTo(-10);
        assertThat(h.last()).isEqualTo(-3.5);
        assertThat(h.finalValue()).isEqualTo(-3.5);
    }

    @Test
    void valuesAreCopiedInAndOut() {
        double[] v = {-2, -1};
        ElboTrace h = ElboTrace.exact(v);
        v[0] = 99;
        h.values()[1] = 99;
        assertThat(h.values()).containsExactly(-2, -1);
        assertThat(h).isEqualTo(ElboTrace.exact(new double[] {-2, -1}));
        assertThat(h).hasSameHashCodeAs(ElboTrace.exact(new double[] {-2, -1}));
        assertThat(h).isNotEqualTo(new ElboTrace(new double[] {-2, -1}, ElboTrace.Kind.STOCHASTIC));
    }

    @Test
    void largestRelativeDecreaseIsZeroForARisingSequenceAndMeasuresTheWorstDrop() {
        assertThat(ElboTrace.exact(new double[] {-10, -5, -5}).largestRelativeDecrease()).isZero();
        assertThat(ElboTrace.exact(new double[] {-10, -5, -6, -5.5}).largestRelativeDecrease())
                .isCloseTo(0.2, within(1e-15));
    }

    @Test
    void anExactTraceRejectsAnEmptyOrNonFiniteHistory() {
        assertThatThrownBy(() -> ElboTrace.exact(new double[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ElboTrace values of an exact trace must not be empty, got length 0");
        assertThatThrownBy(() -> ElboTrace.exact(new double[] {-1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ElboTrace values[1] must be finite, got NaN");
    }

    @Test
    void aStochasticTraceReportsTheMeanOfItsLastHundredEstimates() {
        double[] v = new double[150];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 50 ? -100 : i % 2 == 0 ? -1 : -3;
        }
        ElboTrace t = new ElboTrace(v, ElboTrace.Kind.STOCHASTIC);
        assertThat(t.finalValue()).isEqualTo(-2.0);
        assertThat(t.last()).isEqualTo(-3.0);
    }
}
