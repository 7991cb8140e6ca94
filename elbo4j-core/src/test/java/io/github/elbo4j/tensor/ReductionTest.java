package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Sum, mean, product, maximum, minimum and log-sum-exp over axes. Inputs are small integers, so
 * sums, products and means by powers of two are exact; other tolerances are stated per test.
 */
class ReductionTest {

    /** {@code x[i, j, k] = 100 i + 10 j + k} of shape [2, 3, 4]. */
    private static Tensor cube() {
        double[] v = new double[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    v[(i * 3 + j) * 4 + k] = 100 * i + 10 * j + k;
                }
            }
        }
        return Tensor.of(v, 2, 3, 4);
    }

    @Test
    void sumWithoutAxesReducesEverythingToAScalar() {
        Tensor s = cube().sum();
        assertThat(s.shape()).isEmpty();
        assertThat(s.item()).isEqualTo(12 * 100 + 8 * 30 + 6 * 6);
    }

    @Test
    void sumRemovesTheReducedAxes() {
        Tensor s = cube().sum(1);
        assertThat(s.shape()).containsExactly(2, 4);
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 4; k++) {
                assertThat(s.get(i, k)).isEqualTo(300 * i + 30 + 3 * k);
            }
        }
        assertThat(cube().sum(0, 2).shape()).containsExactly(3);
        assertThat(cube().sum(0, 1, 2).shape()).isEmpty();
    }

    @Test
    void negativeAxesCountFromTheEnd() {
        Tensor x = cube();
        assertThat(x.sum(-1)).isEqualTo(x.sum(2));
        assertThat(x.max(-3)).isEqualTo(x.max(0));
        assertThat(x.prod(-2, 0)).isEqualTo(x.prod(0, 1));
    }

    @Test
    void axesMayBeListedInAnyOrder() {
        Tensor x = cube();
        assertThat(x.sum(2, 0)).isEqualTo(x.sum(0, 2));
        assertThat(x.min(1, 0)).isEqualTo(x.min(0, 1));
    }

    @Test
    void reducingOneAxisAtATimeMatchesReducingThemTogether() {
        Tensor x = cube();
        assertThat(x.sum(0).sum(1)).isEqualTo(x.sum(0, 2));
        assertThat(x.max(2).max(0)).isEqualTo(x.max(0, 2));
    }

    @Test
    void aRepeatedAxisIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> cube().sum(1, -2))
                .withMessage("axis 1 repeated in [1, -2]");
        assertThatIllegalArgumentException().isThrownBy(() -> cube().logSumExp(0, 0))
                .withMessageContaining("repeated");
    }

    @Test
    void anAxisOutOfRangeIsRefusedNamingAxisAndRank() {
        assertThatIllegalArgumentException().isThrownBy(() -> cube().sum(3))
                .withMessage("axis 3 is out of bounds for rank 3");
        assertThatIllegalArgumentException().isThrownBy(() -> cube().mean(-4))
                .withMessage("axis -4 is out of bounds for rank 3");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.scalar(1).max(0))
                .withMessage("axis 0 is out of bounds for rank 0");
    }

    @Test
    void meanDividesByTheNumberOfReducedElements() {
        Tensor x = cube();
        assertThat(x.mean(2)).isEqualTo(x.sum(2).div(4));
        assertThat(x.mean(0, 2)).isEqualTo(x.sum(0, 2).div(8));
        assertThat(x.mean().item()).isEqualTo(x.sum().item() / 24, within(1e-12));
    }

    @Test
    void productMaximumAndMinimumReduceTheirAxes() {
        Tensor x = Tensor.of(new double[] {1, -2, 3, 4, 5, -6}, 2, 3);
        assertThat(x.prod(1).toArray()).containsExactly(-6, -120);
        assertThat(x.prod(0).toArray()).containsExactly(4, -10, -18);
        assertThat(x.max(1).toArray()).containsExactly(3, 5);
        assertThat(x.min(0).toArray()).containsExactly(1, -2, -6);
        assertThat(x.max().item()).isEqualTo(5);
        assertThat(x.min().item()).isEqualTo(-6);
    }

    @Test
    void reductionsOfAScalarReturnIt() {
        Tensor s = Tensor.scalar(-2.5);
        assertThat(s.sum()).isEqualTo(s);
        assertThat(s.mean()).isEqualTo(s);
        assertThat(s.prod()).isEqualTo(s);
        assertThat(s.max()).isEqualTo(s);
        assertThat(s.min()).isEqualTo(s);
        assertThat(s.logSumExp()).isEqualTo(s);
    }

    @Test
    void reducingAnAxisOfSizeOneOnlyDropsIt() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 1, 2);
        for (Tensor r : new Tensor[] {x.sum(1), x.mean(1), x.prod(1), x.max(1), x.min(1), x.logSumExp(1)}) {
            assertThat(r).isEqualTo(x.reshape(3, 2));
        }
    }

    @Test
    void reductionsOverAnEmptyAxisGiveTheIdentity() {
        Tensor empty = Tensor.zeros(2, 0, 3);
        assertThat(empty.sum(1)).isEqualTo(Tensor.zeros(2, 3));
        assertThat(empty.prod(1)).isEqualTo(Tensor.ones(2, 3));
        assertThat(empty.max(1)).isEqualTo(Tensor.full(Double.NEGATIVE_INFINITY, 2, 3));
        assertThat(empty.min(1)).isEqualTo(Tensor.full(Double.POSITIVE_INFINITY, 2, 3));
        assertThat(empty.logSumExp(1)).isEqualTo(Tensor.full(Double.NEGATIVE_INFINITY, 2, 3));
        assertThat(empty.mean(1).toArray()).containsOnly(Double.NaN);
        assertThat(empty.sum(2)).isEqualTo(Tensor.zeros(2, 0));
        assertThat(Tensor.zeros(0).sum()).isEqualTo(Tensor.scalar(0));
    }

    @Test
    void maximumAndMinimumPropagateNaN() {
        Tensor x = Tensor.of(new double[] {1, Double.NaN, 3, 4, 5, 6}, 2, 3);
        assertThat(x.max(1).toArray()).containsExactly(Double.NaN, 6);
        assertThat(x.min(1).toArray()).containsExactly(Double.NaN, 4);
        assertThat(x.max(0).toArray()).containsExactly(4, Double.NaN, 6);
        assertThat(Tensor.of(Double.NaN, 1).max().item()).isNaN();
        assertThat(Tensor.of(1, Double.NaN).min().item()).isNaN();
    }

    @Test
    void infinitiesAreOrdinaryExtremes() {
        Tensor x = Tensor.of(Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY);
        assertThat(x.max().item()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(x.min().item()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Tensor.full(Double.NEGATIVE_INFINITY, 3).max().item()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    /** Tolerance 1e-12 relative: one exp, one log and a sum of a few terms. */
    @Test
    void logSumExpIsStableForLargeMagnitudes() {
        assertThat(Tensor.of(1000, 1000).logSumExp().item()).isCloseTo(1000 + Math.log(2), within(1e-12 * 1000));
        assertThat(Tensor.of(-1000, -1000).logSumExp().item()).isCloseTo(-1000 + Math.log(2), within(1e-12 * 1000));
        assertThat(Tensor.of(710, 0).logSumExp().item()).isCloseTo(710, within(1e-12 * 710));
    }

    @Test
    void logSumExpOfOnlyMinusInfinityIsMinusInfinity() {
        Tensor x = Tensor.of(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, Math.log(3)}, 2, 2);
        Tensor r = x.logSumExp(1);
        assertThat(r.get(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.get(1)).isCloseTo(Math.log(4), within(1e-15));
    }

    @Test
    void logSumExpWithPlusInfinityIsPlusInfinityAndNaNPropagates() {
        assertThat(Tensor.of(Double.POSITIVE_INFINITY, 1).logSumExp().item()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Tensor.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).logSumExp().item())
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Tensor.of(Double.NaN, 1).logSumExp().item()).isNaN();
        assertThat(Tensor.of(Double.NEGATIVE_INFINITY, Double.NaN).logSumExp().item()).isNaN();
    }

    /** Tolerance 1e-14 absolute: values of order 1, a handful of terms. */
    @Test
    void logSumExpKeepsTheShapeOfTheOtherReductions() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4).div(10);
        Tensor r = x.logSumExp(0, 2);
        assertThat(r.shape()).containsExactly(3);
        Tensor naive = x.exp().sum(0, 2).log();
        TensorAsserts.assertClose(r, naive, 1e-14);
        assertThat(x.logSumExp().shape()).isEmpty();
        assertThat(x.logSumExp(-1).shape()).containsExactly(2, 3);
    }
}
