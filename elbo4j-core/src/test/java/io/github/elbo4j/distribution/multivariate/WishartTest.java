package io.github.elbo4j.distribution.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class WishartTest implements DistributionContract {

    static final Tensor TRIL2 = Tensor.of(new double[][] {{1.0, 0}, {0.6, 0.8}});
    static final Tensor TRIL3 = Tensor.of(new double[][] {{0.9, 0, 0}, {0.2, 1.1, 0}, {-0.4, 0.3, 0.5}});

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("W_2(4, LLᵀ)", Wishart.ofScaleTril(4.0, TRIL2)),
                new Named("W_3(3.5, LLᵀ)", Wishart.ofScaleTril(3.5, TRIL3)),
                new Named("W_2 df batch [2]", Wishart.ofScaleTril(Var.constant(Tensor.of(2.5, 9.0)), Var.constant(TRIL2))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Wishart.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("df", "scaleTril"), p -> Wishart.ofScaleTril(Var.constant(p[0]), Var.constant(p[1])), Tensor.of(2.5, 9.0), TRIL2),
                new Factory(List.of("df", "scale"), p -> Wishart.ofScale(Var.constant(p[0]), Var.constant(p[1])), Tensor.scalar(3.5),
                Tensor.of(new double[][] {{2.0, 0.6}, {0.6, 0.5}})));
    }

    @Test
    void logProbIsDifferentiableInValueDfAndScaleTril() {
        // X = A Aᵀ + 2I stays positive definite, the scale factor is read through its lower triangle
        Tensor a = Tensor.of(new double[][] {{0.5, 0.1, -0.3}, {0.2, 0.9, 0.4}, {-0.6, 0.3, 1.1}});
        GradientChecker.Result r = GradientChecker.check(
                v -> Wishart.ofScaleTril(v[1], v[2].tril(0)).logProb(v[0].matmul(v[0].transpose()).add(Tensor.eye(3).mul(2.0))),
                a, Tensor.scalar(4.5), TRIL3);
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void entropyIsDifferentiableInDfAndScaleTril() {
        GradientChecker.Result r = GradientChecker.check(v -> Wishart.ofScaleTril(v[0], v[1].tril(0)).entropy(),
                Tensor.scalar(4.5), TRIL3);
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void theScaleMatrixFactoryAgreesWithTheCholeskyFactory() {
        Wishart a = Wishart.ofScaleTril(5.0, TRIL3);
        Wishart b = Wishart.ofScale(5.0, TRIL3.matmul(TRIL3.transpose()));
        Tensor x = a.sample(io.github.elbo4j.random.RandomStream.of(1), 4);
        double[] la = a.logProb(x).value().toArray();
        double[] lb = b.logProb(x).value().toArray();
        for (int i = 0; i < la.length; i++) {
            assertThat(lb[i]).isCloseTo(la[i], offset(1e-12 * Math.abs(la[i])));
        }
    }

    @Test
    void matricesOffThePositiveDefiniteConeHaveMinusInfiniteLogProbAndStrictModeRejectsThem() {
        Wishart w = Wishart.ofScaleTril(4.0, TRIL2);
        Tensor x = Tensor.stack(0, Tensor.of(new double[][] {{2, 0.5}, {0.5, 1}}), Tensor.of(new double[][] {{1, 2}, {2, 1}}),
                Tensor.of(new double[][] {{1, 0.3}, {0, 1}}));
        double[] lp = w.logProb(x).value().toArray();
        assertThat(lp[0]).isFinite();
        assertThat(lp[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lp[2]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(w).logProb(x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Wishart value must lie in its support PositiveDefinite[]");
    }

    @Test
    void invalidParametersAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> Wishart.ofScaleTril(1.5, TRIL3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Wishart df must be > dim - 1 = 2, got 1.5");
        assertThatThrownBy(() -> Wishart.ofScale(4.0, Tensor.of(new double[][] {{1, 2}, {2, 1}})))
                .hasMessage("Wishart scale must be symmetric positive definite, got [[1.0, 2.0], [2.0, 1.0]] (matrix 0 of the batch)");
        assertThatThrownBy(() -> Wishart.ofScaleTril(4.0, Tensor.of(new double[][] {{1, 0}, {0.5, -1}})))
                .hasMessage("Wishart scaleTril must be lower triangular with a positive diagonal, got [[1.0, 0.0], [0.5, -1.0]] (matrix 0 of the batch)");
    }
}
