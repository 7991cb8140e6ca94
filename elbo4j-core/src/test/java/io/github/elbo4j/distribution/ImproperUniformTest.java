package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.junit.jupiter.api.Test;

/** The flat improper prior: log density 0 on its support, -∞ outside, no draws. */
class ImproperUniformTest {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @Test
    void logDensityIsZeroOnTheRealLine() {
        ImproperUniform d = ImproperUniform.of(Constraint.real());
        assertThat(d.batchShape()).isEmpty();
        assertThat(d.eventShape()).isEmpty();
        assertThat(d.logProb(Tensor.of(-1e300, 0, 7)).value().toArray()).containsExactly(0.0, 0.0, 0.0);
        assertThat(d.logProb(Tensor.of(Double.NaN)).value().toArray()).containsExactly(NEG_INF);
    }

    @Test
    void logDensityIsZeroOnThePositiveHalfLineAndMinusInfinityOffIt() {
        ImproperUniform d = ImproperUniform.of(Constraint.positive(), 3);
        assertThat(d.batchShape()).containsExactly(3);
        assertThat(d.logProb(Tensor.of(0.5, -0.1, 0.0)).value().toArray()).containsExactly(0.0, NEG_INF, NEG_INF);
    }

    @Test
    void orderedAndPositiveOrderedSupportsScoreWholeVectors() {
        ImproperUniform ordered = ImproperUniform.of(Constraint.ordered(), 2);
        assertThat(ordered.batchShape()).isEmpty();
        assertThat(ordered.eventShape()).containsExactly(2);
        Tensor pairs = Tensor.of(new double[] {-1, 2, 2, -1, -3, -2}, 3, 2);
        assertThat(ordered.logProb(pairs).value().toArray()).containsExactly(0.0, NEG_INF, 0.0);
        ImproperUniform positiveOrdered = ImproperUniform.of(Constraint.positiveOrdered(), 3, 2);
        assertThat(positiveOrdered.batchShape()).containsExactly(3);
        assertThat(positiveOrdered.logProb(pairs).value().toArray()).containsExactly(NEG_INF, NEG_INF, NEG_INF);
        assertThat(positiveOrdered.logProb(Tensor.of(0.1, 0.2)).value().toArray()).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void anyContinuousConstraintIsASupportWithExplicitBatchAndEventShapes() {
        ImproperUniform d = ImproperUniform.of(Constraint.interval(0, 1), new int[] {2}, new int[] {3});
        assertThat(d.batchShape()).containsExactly(2);
        assertThat(d.eventShape()).containsExactly(3);
        Tensor x = Tensor.of(new double[] {0.1, 0.5, 0.9, 0.1, 1.5, 0.9}, 2, 3);
        assertThat(d.logProb(x).value().toArray()).containsExactly(0.0, NEG_INF);
        assertThat(d.expand(5, 2).batchShape()).containsExactly(5, 2);
    }

    @Test
    void drawingIsAClearError() {
        ImproperUniform d = ImproperUniform.of(Constraint.real());
        assertThatThrownBy(() -> d.sample(RandomStream.of(1))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("ImproperUniform").hasMessageContaining("has no draws")
                .hasMessageContaining("automatic guide");
        assertThatThrownBy(() -> d.rsample(RandomStream.of(1), 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(d::mean).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shapesTooSmallForTheSupportAndDiscreteSupportsAreRejected() {
        assertThatThrownBy(() -> ImproperUniform.of(Constraint.ordered())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape must have at least 1 axes");
        assertThatThrownBy(() -> ImproperUniform.of(new Constraint.NonNegativeInteger())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be continuous");
    }
}
