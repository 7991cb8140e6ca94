package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NumPy's broadcasting rules (https://numpy.org/doc/stable/user/basics.broadcasting.html) for the
 * element-wise arithmetic. Every expected value here is a single IEEE operation on exactly
 * representable inputs, so comparisons are exact.
 */
class BroadcastingTest {

    @Test
    void broadcastingAlignsTrailingDimensions() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 10, 20, 30}, 2, 1, 3);
        Tensor b = Tensor.of(new double[] {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200}, 4, 3);
        Tensor c = a.add(b);
        assertThat(c.shape()).containsExactly(2, 4, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(c.get(i, j, k)).isEqualTo(a.get(i, 0, k) + b.get(j, k));
                }
            }
        }
    }

    @Test
    void sizeOneAxesStretchInBothOperands() {
        Tensor column = Tensor.of(new double[] {1, 2, 3, 4, 5}, 5, 1);
        Tensor row = Tensor.of(new double[] {1, 10, 100, 1000, 1e4, 1e5}, 1, 6);
        Tensor product = column.mul(row);
        assertThat(product.shape()).containsExactly(5, 6);
        assertThat(product.get(3, 2)).isEqualTo(400.0);
        assertThat(product).isEqualTo(column.reshape(5).outer(row.reshape(6)));
    }

    @Test
    void aScalarBroadcastsToEveryShape() {
        Tensor x = Tensor.arange(6).reshape(2, 3);
        assertThat(Tensor.scalar(2).mul(x)).isEqualTo(x.mul(2.0));
        assertThat(x.sub(Tensor.scalar(1)).shape()).containsExactly(2, 3);
        assertThat(Tensor.scalar(2).add(Tensor.scalar(3))).isEqualTo(Tensor.scalar(5));
    }

    @Test
    void aOneElementVectorKeepsItsAxis() {
        assertThat(Tensor.of(2.0).add(Tensor.scalar(3)).shape()).containsExactly(1);
        assertThat(Tensor.of(2.0).add(Tensor.zeros(2, 3)).shape()).containsExactly(2, 3);
        assertThat(Tensor.ones(1, 1, 1).add(Tensor.ones(3)).shape()).containsExactly(1, 1, 3);
    }

    @Test
    void operandOrderDoesNotChangeTheShapeOrTheSum() {
        Tensor a = Tensor.arange(6).reshape(3, 1, 2);
        Tensor b = Tensor.arange(4).reshape(4, 1);
        assertThat(a.add(b)).isEqualTo(b.add(a));
        assertThat(a.mul(b)).isEqualTo(b.mul(a));
        assertThat(a.sub(b).add(b.sub(a)).toArray()).containsOnly(0.0);
        assertThat(a.add(b).shape()).containsExactly(3, 4, 2);
    }

    @Test
    void sizeZeroAxesBroadcastOnlyAgainstOneOrZero() {
        assertThat(Tensor.zeros(0).add(Tensor.of(5.0)).shape()).containsExactly(0);
        assertThat(Tensor.zeros(2, 0).mul(Tensor.ones(2, 1)).shape()).containsExactly(2, 0);
        assertThat(Tensor.zeros(0, 3).add(Tensor.ones(3)).shape()).containsExactly(0, 3);
        assertThat(Tensor.scalar(1).add(Tensor.zeros(4, 0)).size()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.zeros(0).add(Tensor.zeros(2)))
                .withMessage("cannot broadcast [0] with [2]");
    }

    static Stream<Arguments> binaryOperations() {
        return Stream.of(
                Arguments.of("add", (BinaryOperator<Tensor>) Tensor::add),
                Arguments.of("sub", (BinaryOperator<Tensor>) Tensor::sub),
                Arguments.of("mul", (BinaryOperator<Tensor>) Tensor::mul),
                Arguments.of("div", (BinaryOperator<Tensor>) Tensor::div),
                Arguments.of("pow", (BinaryOperator<Tensor>) Tensor::pow),
                Arguments.of("maximum", (BinaryOperator<Tensor>) Tensor::maximum),
                Arguments.of("minimum", (BinaryOperator<Tensor>) Tensor::minimum),
                Arguments.of("gt", (BinaryOperator<Tensor>) Tensor::gt),
                Arguments.of("lt", (BinaryOperator<Tensor>) Tensor::lt),
                Arguments.of("ge", (BinaryOperator<Tensor>) Tensor::ge),
                Arguments.of("le", (BinaryOperator<Tensor>) Tensor::le),
                Arguments.of("eq", (BinaryOperator<Tensor>) Tensor::eq));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOperations")
    void incompatibleShapesAreRefusedNamingBothShapes(String name, BinaryOperator<Tensor> op) {
        assertThatIllegalArgumentException().isThrownBy(() -> op.apply(Tensor.zeros(3, 4), Tensor.zeros(5)))
                .withMessage("cannot broadcast [3, 4] with [5]");
        assertThatIllegalArgumentException().isThrownBy(() -> op.apply(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .withMessage("cannot broadcast [2, 3] with [3, 2]");
        assertThatIllegalArgumentException().isThrownBy(() -> op.apply(Tensor.zeros(2, 1, 3), Tensor.zeros(4, 2)))
                .withMessage("cannot broadcast [2, 1, 3] with [4, 2]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOperations")
    void equalShapesNeedNoBroadcastAndScalarsMatchTheirTensorForm(String name, BinaryOperator<Tensor> op) {
        Tensor a = Tensor.of(new double[] {0.5, -1.5, 2, 3, 0, -4}, 2, 3);
        Tensor b = Tensor.of(new double[] {1.5, 1.5, 2, -3, 0.25, 8}, 2, 3);
        Tensor c = op.apply(a, b);
        assertThat(c.shape()).containsExactly(2, 3);
        Tensor scalarForm = op.apply(a, Tensor.scalar(1.5));
        Tensor broadcastForm = op.apply(a, Tensor.full(1.5, 2, 3));
        assertThat(scalarForm).isEqualTo(broadcastForm);
        assertThat(op.apply(Tensor.scalar(1.5), a)).isEqualTo(op.apply(Tensor.full(1.5, 2, 3), a));
    }

    @Test
    void scalarArgumentsMatchScalarTensors() {
        Tensor x = Tensor.of(new double[] {0.5, -1.5, 2, 3, 0.25, -4}, 2, 3);
        Tensor c = Tensor.scalar(2.5);
        assertThat(x.add(2.5)).isEqualTo(x.add(c));
        assertThat(x.sub(2.5)).isEqualTo(x.sub(c));
        assertThat(x.mul(2.5)).isEqualTo(x.mul(c));
        assertThat(x.div(2.5)).isEqualTo(x.div(c));
        assertThat(x.pow(2.5)).isEqualTo(x.pow(c));
        assertThat(x.rsub(2.5)).isEqualTo(c.sub(x));
        assertThat(x.rdiv(2.5)).isEqualTo(c.div(x));
    }

    @Test
    void powerWithCommonExponentsAgreesWithMathPow() {
        double[] v = {0.5, -1.5, 2, 3, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e200};
        Tensor x = Tensor.of(v);
        for (double e : new double[] {2.0, 1.0, 0.0, -1.0, 0.5, 3.0}) {
            double[] out = x.pow(e).toArray();
            for (int i = 0; i < v.length; i++) {
                assertThat(Double.doubleToLongBits(out[i])).as("%s ^ %s = %s", v[i], e, out[i])
                        .isEqualTo(Double.doubleToLongBits(Math.pow(v[i], e)));
            }
        }
    }

    @Test
    void divisionFollowsIeeeRules() {
        Tensor q = Tensor.of(1, -1, 0).div(Tensor.of(0, 0, 0));
        assertThat(q.toArray()).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(q.allFinite()).isFalse();
    }

    @Test
    void maximumAndMinimumPropagateNaN() {
        Tensor a = Tensor.of(1, Double.NaN, 3);
        Tensor b = Tensor.of(Double.NaN, 2, 1);
        assertThat(a.maximum(b).toArray()).containsExactly(Double.NaN, Double.NaN, 3);
        assertThat(a.minimum(b).toArray()).containsExactly(Double.NaN, Double.NaN, 1);
        assertThat(a.maximum(Tensor.scalar(2)).toArray()).containsExactly(2, Double.NaN, 3);
    }
}
