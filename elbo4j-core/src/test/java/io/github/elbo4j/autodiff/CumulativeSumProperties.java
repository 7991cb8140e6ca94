package io.github.elbo4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.tensor.Tensor;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@code cumsum} against a direct sum of slices, and its gradient (the reverse running sum)
 * against finite differences to 1e-6 (as {@link GradientProperties}).
 */
class CumulativeSumProperties {

    @Property(tries = 40, seed = "20261207")
    void cumsumAlongAnyAxisIsTheSumOfTheLeadingSlices(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(3);
        if (shape.length == 0) {
            shape = new int[] {1 + r.nextInt(4)};
        }
        int axis = r.nextInt(shape.length) - (r.nextInt(2) == 0 ? 0 : shape.length);
        Tensor x = r.uniform(-2, 2, shape);
        Tensor c = x.cumsum(axis);
        int n = x.dim(axis);
        for (int k = 0; k < n; k++) {
            Tensor expected = x.slice(axis, 0, k + 1).sum(axis);
            Tensor actual = c.slice(axis, k, k + 1).sum(axis);
            double[] e = expected.toArray();
            double[] a = actual.toArray();
            for (int i = 0; i < e.length; i++) {
                assertThat(a[i]).isCloseTo(e[i], org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    @Property(tries = 40, seed = "20261207")
    void cumsumGradientIsTheReverseRunningSum(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(3);
        if (shape.length == 0) {
            shape = new int[] {1 + r.nextInt(4)};
        }
        int axis = r.nextInt(shape.length);
        GradientChecker.Result res = GradientChecker.check(v -> v[0].cumsum(axis).square(), r.uniform(-2, 2, shape));
        assertThat(res.maxError()).as("%s", res).isLessThanOrEqualTo(1e-6);
    }

    @Example
    void cumsumOfAMatrixRunsAlongTheChosenAxis() {
        Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.cumsum(1)).isEqualTo(Tensor.of(new double[][] {{1, 3, 6}, {4, 9, 15}}));
        assertThat(m.cumsum(0)).isEqualTo(Tensor.of(new double[][] {{1, 2, 3}, {5, 7, 9}}));
        assertThat(Var.constant(m).cumsum(-1).isTracked()).isFalse();
    }

    @Example
    void cumsumRefusesAScalar() {
        assertThatThrownBy(() -> Tensor.scalar(1.0).cumsum(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("axis 0 is out of bounds for rank 0");
    }
}
