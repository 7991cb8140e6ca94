package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Cauchy;
import io.github.elbo4j.distribution.continuous.Gumbel;
import io.github.elbo4j.distribution.continuous.Laplace;
import io.github.elbo4j.distribution.continuous.Logistic;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.continuous.StudentT;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NaN is not a real number, so it lies outside the support of every family on the real line:
 * {@code logProb(NaN) = -∞} (the contract of {@link Distribution#logProb}), never a silent NaN,
 * and the other elements of the batch keep their density.
 */
class RealLineNaNTest {

    static List<Distribution> families() {
        return List.of(Normal.of(0.5, 2), Cauchy.of(0.5, 2), Gumbel.of(0.5, 2), Laplace.of(0.5, 2),
                Logistic.of(0.5, 2), StudentT.of(3, 0.5, 2));
    }

    @ParameterizedTest
    @MethodSource("families")
    void nanHasLogDensityMinusInfinityAndTheRestIsUntouched(Distribution d) {
        Tensor x = Tensor.of(1.0, Double.NaN, -3.0);
        double[] lp = d.logProb(Var.constant(x)).value().toArray();
        assertThat(lp[1]).as(d.getClass().getSimpleName()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lp[0]).isEqualTo(d.logProb(Var.constant(Tensor.of(1.0))).value().toArray()[0]).isFinite();
        assertThat(lp[2]).isEqualTo(d.logProb(Var.constant(Tensor.of(-3.0))).value().toArray()[0]).isFinite();
    }
}
