package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RealVectorConstraintTest {

    @Test
    void aVectorIsInsideUnlessOneOfItsCoordinatesIsNaN() {
        Constraint c = new Constraint.RealVector();
        Tensor v = Tensor.of(new double[][] {{1, -2, 3}, {Double.NaN, 0, 0}, {Double.POSITIVE_INFINITY, 0, 1e300}});
        assertThat(c.eventRank()).isEqualTo(1);
        assertThat(c.check(v).toArray()).containsExactly(1.0, 0.0, 1.0);
        assertThat(c.isDiscrete()).isFalse();
    }

    @Test
    void realVectorsAreReachedByTheIdentity() {
        assertThat(Bijectors.bijectTo(new Constraint.RealVector())).isEqualTo(Identity.of());
    }
}
