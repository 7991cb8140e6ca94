package io.github.elbo4j.distribution.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ContinuousDistributionContract;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StudentTTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("StudentT(6, 0, 1)", StudentT.of(6, 0, 1)),
                new Named("StudentT([5, 9, 1.5, 0.5], [-1, 2, 0, 3], [0.5, 3, 1, 2])",
                        StudentT.of(Tensor.of(5, 9, 1.5, 0.5), Tensor.of(-1, 2, 0, 3), Tensor.of(0.5, 3, 1, 2))),
                new Named("StudentT(8, [[1],[2]], [1, 2]) broadcast",
                        StudentT.of(Tensor.scalar(8), Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(1, 2))));
    }

    @Override
    public ParameterTable parameterTable() {
        return StudentT.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> StudentT.of(v[0], v[1], v[2]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(-3, 0.4, 10), Tensor.of(0.8, 3.5, 30), Tensor.of(0.5, -0.2, 1), Tensor.of(0.9, 2, 4)));
    }

    @Override
    public boolean rsampleIsExplicit() {
        return false;
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> StudentT.of(0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StudentT df must be > 0, got 0.0");
        assertThatThrownBy(() -> StudentT.of(1, Double.NaN, 1)).hasMessage("StudentT loc must be finite, got NaN");
        assertThatThrownBy(() -> StudentT.of(1, 0, -1)).hasMessage("StudentT scale must be > 0, got -1.0");
    }

    @Test
    void oneDegreeOfFreedomIsTheCauchy() {
        Tensor x = Tensor.of(-30, -1, 0, 0.5, 12);
        double[] a = StudentT.of(1, 0.5, 2).logProb(x).value().toArray();
        double[] b = Cauchy.of(0.5, 2).logProb(x).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    @Test
    void undefinedMomentsFollowScipy() {
        StudentT t = StudentT.of(Tensor.of(0.5, 1.5, 3), Tensor.of(0.0), Tensor.of(1.0));
        assertThat(t.mean().toArray()).containsExactly(Double.POSITIVE_INFINITY, 0.0, 0.0);
        assertThat(t.variance().toArray()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, 3.0);
    }
}
