package io.github.elbo4j.distribution.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ContinuousDistributionContract;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.DistributionReferenceTest;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The contract laws; log-density, cdf, quantile, moments and entropy against mpmath in {@link DistributionReferenceTest}. */
class HalfStudentTTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("HalfStudentT(6, 1)", HalfStudentT.of(6, 1)),
                new Named("HalfStudentT([5, 9, 1.5, 0.5], [0.5, 3, 1, 2])",
                        HalfStudentT.of(Tensor.of(5, 9, 1.5, 0.5), Tensor.of(0.5, 3, 1, 2))),
                new Named("HalfStudentT(8, [[1],[2]]) broadcast", HalfStudentT.of(Tensor.scalar(8), Tensor.of(new double[] {1, 2}, 2, 1))));
    }

    @Override
    public ParameterTable parameterTable() {
        return HalfStudentT.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> HalfStudentT.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.2, 1.5, 30), Tensor.of(0.8, 3.5, 30), Tensor.of(0.9, 2, 4)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-1e-9, -5, Double.NaN), Tensor.of(3.0), Tensor.of(2.0)));
    }

    @Override
    public boolean rsampleIsExplicit() {
        return false;
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> HalfStudentT.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HalfStudentT df must be > 0, got 0.0");
        assertThatThrownBy(() -> HalfStudentT.of(3, -1)).hasMessage("HalfStudentT scale must be > 0, got -1.0");
    }

    @Test
    void oneDegreeOfFreedomIsTheHalfCauchy() {
        Tensor x = Tensor.of(-1, 0, 0.5, 12, 3e4);
        double[] a = HalfStudentT.of(1, 2).logProb(x).value().toArray();
        double[] b = HalfCauchy.of(2).logProb(x).value().toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    @Test
    void undefinedMomentsFollowTheStudentT() {
        HalfStudentT t = HalfStudentT.of(Tensor.of(0.5, 1.5, 3), Tensor.of(1.0));
        assertThat(t.mean().toArray()[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.variance().toArray()).startsWith(Double.NaN, Double.POSITIVE_INFINITY);
    }
}
