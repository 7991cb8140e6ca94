package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link CholeskyAttempt}: the factor when there is one, else the first failing pivot and its value, by hand. */
class CholeskyAttemptTest {

    /** Catches a factor that differs from {@link LinearAlgebra#cholesky}'s, or upper-triangle garbage. */
    @Test
    void aPositiveDefiniteMatrixGivesCholeskysFactor() {
        Tensor a = Tensor.of(new double[] {4, 2, 0.4, 2, 10, 1, 0.4, 1, 3}, 3, 3);
        CholeskyAttempt c = CholeskyAttempt.of(a);
        assertThat(c.failedPivot()).isEqualTo(-1);
        assertThat(c.lower()).isPresent();
        double[] expected = LinearAlgebra.cholesky(a).toArray();
        double[] actual = c.factor().toArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-15 * 4));
        }
        assertThat(Double.isNaN(c.pivot())).isTrue();
    }

    /**
     * [[1, 2, 0], [2, 1, 0], [0, 0, 1]]: pivot 0 is 1, pivot 1 is the Schur complement 1 - 2²/1 = -3.
     * [[4, 2], [2, 1]] is singular: pivot 1 is 1 - 2²/4 = 0, not positive. Catches an off-by-one row,
     * the square root of the pivot reported instead of the pivot, and a zero pivot let through.
     */
    @Test
    void anIndefiniteOrSingularMatrixNamesTheFirstFailingPivotAndItsValue() {
        CholeskyAttempt indefinite = CholeskyAttempt.of(Tensor.of(new double[] {1, 2, 0, 2, 1, 0, 0, 0, 1}, 3, 3));
        assertThat(indefinite.failedPivot()).isEqualTo(1);
        assertThat(indefinite.pivot()).isEqualTo(-3.0);
        assertThat(indefinite.lower()).isEmpty();
        CholeskyAttempt singular = CholeskyAttempt.of(Tensor.of(new double[] {4, 2, 2, 1}, 2, 2));
        assertThat(singular.failedPivot()).isEqualTo(1);
        assertThat(singular.pivot()).isEqualTo(0.0);
        CholeskyAttempt nan = CholeskyAttempt.of(Tensor.of(new double[] {Double.NaN, 0, 0, 1}, 2, 2));
        assertThat(nan.failedPivot()).isZero();
    }

    @Test
    void aMatrixThatIsNotSquareIsRefused() {
        assertThatThrownBy(() -> CholeskyAttempt.of(Tensor.zeros(2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 3]");
    }
}
