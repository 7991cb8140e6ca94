package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The element-wise functions built on {@code java.lang.Math} agree with it exactly, including at
 * NaN, infinities and signed zeros. (The special functions are tested with the {@code math}
 * package.)
 */
class ElementwiseFunctionTest {

    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e-300, 700, -745,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};

    private static final Map<ElementwiseFunction, DoubleUnaryOperator> DEFINITIONS = Map.ofEntries(
            Map.entry(ElementwiseFunction.NEG, x -> -x),
            Map.entry(ElementwiseFunction.ABS, Math::abs),
            Map.entry(ElementwiseFunction.SIGN, Math::signum),
            Map.entry(ElementwiseFunction.EXP, Math::exp),
            Map.entry(ElementwiseFunction.LOG, Math::log),
            Map.entry(ElementwiseFunction.LOG1P, Math::log1p),
            Map.entry(ElementwiseFunction.EXPM1, Math::expm1),
            Map.entry(ElementwiseFunction.SQRT, Math::sqrt),
            Map.entry(ElementwiseFunction.SQUARE, x -> x * x),
            Map.entry(ElementwiseFunction.RECIPROCAL, x -> 1 / x),
            Map.entry(ElementwiseFunction.SIN, Math::sin),
            Map.entry(ElementwiseFunction.COS, Math::cos),
            Map.entry(ElementwiseFunction.TANH, Math::tanh),
            // max(x, 0) with NaN propagating (as torch.relu and numpy.maximum do)
            Map.entry(ElementwiseFunction.RELU, x -> Double.isNaN(x) ? x : x > 0 ? x : 0.0));

    @Test
    void mathBasedFunctionsMatchTheirDefinitionBitForBit() {
        Tensor x = Tensor.of(SPECIAL);
        DEFINITIONS.forEach((f, def) -> {
            double[] out = x.apply(f).toArray();
            for (int i = 0; i < SPECIAL.length; i++) {
                double expected = def.applyAsDouble(SPECIAL[i]);
                assertThat(Double.doubleToLongBits(out[i])).as("%s(%s) = %s, expected %s", f, SPECIAL[i], out[i], expected)
                        .isEqualTo(Double.doubleToLongBits(expected));
            }
        });
    }

    @Test
    void reluPropagatesNaNInsteadOfHidingIt() {
        assertThat(Tensor.of(Double.NaN, -1, 2).apply(ElementwiseFunction.RELU).toArray())
                .containsExactly(Double.NaN, 0, 2);
    }

    @Test
    void shortcutsAreTheirFunctions() {
        Tensor x = Tensor.of(new double[] {0.25, 1, 4, 9}, 2, 2);
        assertThat(x.neg()).isEqualTo(x.apply(ElementwiseFunction.NEG));
        assertThat(x.exp()).isEqualTo(x.apply(ElementwiseFunction.EXP));
        assertThat(x.log()).isEqualTo(x.apply(ElementwiseFunction.LOG));
        assertThat(x.sqrt()).isEqualTo(Tensor.of(new double[] {0.5, 1, 2, 3}, 2, 2));
        assertThat(x.square()).isEqualTo(x.mul(x));
    }

    @Test
    void everyFunctionKeepsTheShape() {
        Tensor x = Tensor.full(0.5, 2, 1, 3);
        for (ElementwiseFunction f : ElementwiseFunction.values()) {
            assertThat(x.apply(f).shape()).as("%s", f).containsExactly(2, 1, 3);
            assertThat(Tensor.zeros(0, 2).apply(f).shape()).as("%s", f).containsExactly(0, 2);
        }
    }

    @Test
    void mapAppliesAnyFunctionElementWise() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        assertThat(x.map(v -> 10 * v + 1)).isEqualTo(Tensor.of(new double[] {11, 21, 31, 41}, 2, 2));
        assertThat(Tensor.scalar(2).map(v -> v * v)).isEqualTo(Tensor.scalar(4));
    }

    @Test
    void logFollowsIeeeAtZeroAndBelow() {
        assertThat(Tensor.of(0, -1).log().toArray()).containsExactly(Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(Tensor.of(-4).sqrt().item()).isNaN();
    }
}
