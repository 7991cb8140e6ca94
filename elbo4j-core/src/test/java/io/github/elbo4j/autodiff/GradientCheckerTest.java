package io.github.elbo4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.tensor.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The checker itself: every gradient test of the library relies on it, so it must FLAG a wrong
 * vector-Jacobian product, not only pass right ones. Each wrong pullback below is a
 * {@link CustomFunction} whose value is right and whose pullback has a bug seen in practice: a
 * factor 2 missing, a Jacobian transposed, the adjoint routed to the wrong input. A checker that
 * compared the tape with itself, dropped the cotangent from one side, or reported the best instead
 * of the worst element would pass them.
 */
class GradientCheckerTest {

    private static final Tensor X = Tensor.of(0.3, -1.2, 2.5, 0.9);
    private static final Tensor Y = Tensor.of(1.7, 0.4, -0.6, -2.2);
    /** Not symmetric, so {@code A g} and {@code Aᵀ g} differ. */
    private static final Tensor A = Tensor.of(new double[][] {{1.0, 2.0, 0.0}, {-1.0, 0.5, 3.0}, {4.0, 0.0, -2.0}});
    private static final Tensor V = Tensor.of(0.5, -1.0, 2.0);

    /** {@code sin x} elementwise with the pullback {@code factor · cos(x) ⊙ g} (right for factor 1). */
    private static Function<Var[], Var> sine(double factor) {
        return v -> {
            Tensor x = v[0].value();
            return CustomFunction.apply(x.map(Math::sin), (g, k) -> g.mul(x.map(Math::cos)).mul(factor), v[0]);
        };
    }

    /** {@code A x} with the pullback {@code Aᵀ g} (right) or {@code A g} (the transposition bug). */
    private static Function<Var[], Var> matrixVector(boolean transposed) {
        return v -> {
            Tensor x = v[0].value();
            Tensor value = A.matmul(x.reshape(3, 1)).reshape(3);
            return CustomFunction.apply(value, (g, k) -> (transposed ? A : A.transpose()).matmul(g.reshape(3, 1)).reshape(3), v[0]);
        };
    }

    /** {@code x ⊙ y}; the wrong version hands {@code y} the adjoint {@code g ⊙ y} instead of {@code g ⊙ x}. */
    private static Function<Var[], Var> product(boolean wrongSecondInput) {
        return v -> {
            Tensor x = v[0].value();
            Tensor y = v[1].value();
            return CustomFunction.apply(x.mul(y), (g, k) -> k == 0 ? g.mul(y) : g.mul(wrongSecondInput ? y : x), v[0], v[1]);
        };
    }

    @Test
    void rightPullbacksPassToTheStencilsAccuracy() {
        assertThat(GradientChecker.check(sine(1.0), X).maxError()).isLessThan(1e-9);
        assertThat(GradientChecker.check(matrixVector(false), V).maxError()).isLessThan(1e-9);
        assertThat(GradientChecker.check(product(false), X, Y).maxError()).isLessThan(1e-9);
    }

    /**
     * A pullback off by a factor 2 is reported with its worst element: there the analytic value is
     * twice the numeric one, and the error {@code |2n - n| / max(1, 2|n|)} is 1/2 when {@code |n| >= 1/2}.
     */
    @Test
    void aPullbackOffByAFactorTwoIsFlaggedAtItsWorstElement() {
        GradientChecker.Result r = GradientChecker.check(sine(2.0), X);
        assertThat(r.maxError()).isGreaterThan(0.1);
        assertThat(r.input()).isZero();
        assertThat(r.element()).isBetween(0, 3);
        assertThat(r.analytic()).isCloseTo(2 * r.numeric(), offset(1e-8));
        // The numeric side is the true derivative of Σ c ⊙ sin(x): nonzero, and half the wrong analytic one.
        assertThat(Math.abs(r.numeric())).isGreaterThan(1e-3);
    }

    @Test
    void aTransposedJacobianIsFlagged() {
        GradientChecker.Result r = GradientChecker.check(matrixVector(true), V);
        assertThat(r.maxError()).isGreaterThan(0.1);
        assertThat(r.input()).isZero();
    }

    /** The adjoint of the second input is wrong, the first is right: the checker names input 1. */
    @Test
    void aWrongAdjointForOneInputIsFlaggedOnThatInput() {
        GradientChecker.Result r = GradientChecker.check(product(true), X, Y);
        assertThat(r.maxError()).isGreaterThan(0.1);
        assertThat(r.input()).isEqualTo(1);
        // Same function with the second input held constant: only input 0 is checked, and it is right.
        GradientChecker.Result first = GradientChecker.check(v -> product(true).apply(new Var[] {v[0], Var.constant(Y)}), X);
        assertThat(first.maxError()).isLessThan(1e-9);
    }
}
