package io.github.elbo4j.autodiff;

import static io.github.elbo4j.autodiff.CholeskyGradientProperties.spd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Fixed cases of the decomposition gradients: the symmetric convention stated in
 * {@link DecompositionOps}, closed forms, broadcast batch shapes and constants. Finite-difference
 * tolerance 1e-6 as in {@link CholeskyGradientProperties}.
 */
class CholeskyGradientTest {

    private static final Tensor A = Tensor.of(new double[][] {{4, 2, 0.5}, {2, 5, 1}, {0.5, 1, 3}});

    @Test
    void choleskyGradientIsSymmetricAndIsTheDerivativeAlongSymmetricPerturbations() {
        Tensor c = Tensor.of(new double[][] {{0.3, -1, 2}, {0.7, 1.1, -0.4}, {-0.9, 0.2, 1.5}});
        Tape tape = new Tape();
        Var a = tape.variable(A);
        Tensor grad = tape.gradient(a.cholesky().mul(c).sum(), a).of(a);
        assertThat(grad.transpose()).isEqualTo(grad);

        // d/dt Σ c ⊙ chol(A + tE) at t = 0 for a symmetric E equals ⟨Ā, E⟩
        Tensor e = Tensor.of(new double[][] {{1, 0.5, -0.2}, {0.5, -0.3, 0.8}, {-0.2, 0.8, 0.6}});
        double h = 1e-4;
        double numeric = (value(A.add(e.mul(h)), c) - value(A.sub(e.mul(h)), c)) / (2 * h);
        assertThat(grad.mul(e).sum().item()).isCloseTo(numeric, within(1e-8));
    }

    @Test
    void logDetGradientIsTheInverseMatrix() {
        Tape tape = new Tape();
        Var a = tape.variable(A);
        Tensor grad = tape.gradient(a.logDet(), a).of(a);
        Tensor inverse = LinearAlgebra.choleskyInverse(LinearAlgebra.cholesky(A));
        assertThat(grad.sub(inverse).map(Math::abs).max().item()).isLessThan(1e-15);
    }

    @Test
    void logDetFromCholeskyGradientIsTwiceTheReciprocalDiagonal() {
        Tape tape = new Tape();
        Var l = tape.variable(Tensor.of(new double[][] {{2, 7}, {1, -4}}));
        assertThat(l.logDetFromCholesky().item()).isCloseTo(2 * Math.log(8), within(1e-15));
        assertThat(tape.gradient(l.logDetFromCholesky(), l).of(l)).isEqualTo(Tensor.of(new double[][] {{1, 0}, {0, -0.5}}));
    }

    @Test
    void solveGradientsAreSummedOverBroadcastBatchAxes() {
        RandomTensors r = new RandomTensors(7);
        Tensor l = r.uniform(-0.5, 0.5, 2, 1, 3, 3).add(Tensor.eye(3).mul(3));
        Tensor b = r.uniform(-1, 1, 4, 3, 2);
        Tape tape = new Tape();
        Var lv = tape.variable(l);
        Var bv = tape.variable(b);
        Var x = lv.triangularSolve(bv, true, true);
        assertThat(x.shape()).containsExactly(2, 4, 3, 2);
        Gradients g = tape.gradient(x.sum(), lv, bv);
        assertThat(g.of(lv).shape()).containsExactly(2, 1, 3, 3);
        assertThat(g.of(bv).shape()).containsExactly(4, 3, 2);
        assertThat(LinearAlgebra.triu(g.of(lv), 1)).isEqualTo(Tensor.zeros(2, 1, 3, 3));
        for (boolean lower : new boolean[] {true, false}) {
            for (boolean transpose : new boolean[] {true, false}) {
                check(v -> v[0].triangularSolve(v[1], lower, transpose), l, b);
            }
        }
        check(v -> v[0].choleskySolve(v[1]), l, b);
    }

    @Test
    void aVectorRightHandSideWorksWithABatchOfMatrices() {
        RandomTensors r = new RandomTensors(11);
        Tensor l = r.uniform(-0.5, 0.5, 3, 4, 4).add(Tensor.eye(4).mul(4));
        Tensor b = r.uniform(-1, 1, 4);
        Tape tape = new Tape();
        Var x = tape.variable(l).triangularSolve(tape.variable(b), false, false);
        assertThat(x.shape()).containsExactly(3, 4);
        check(v -> v[0].triangularSolve(v[1], false, false), l, b);
        check(v -> v[0].triangularSolve(v[1], true, true), l, b);
        check(v -> v[0].choleskySolve(v[1]), l, b);
    }

    @Test
    void batchedCholeskyOfBatchedSpdMatricesMatchesFiniteDifferences() {
        RandomTensors r = new RandomTensors(3);
        check(v -> spd(v[0]).cholesky(), r.uniform(-1, 1, 2, 3, 4, 4));
        check(v -> spd(v[0]).logDet(), r.uniform(-1, 1, 3, 5, 5));
    }

    @Test
    void operationsOnConstantsAreNotRecorded() {
        Tape tape = new Tape();
        tape.variable(1.0);
        Var a = Var.constant(A);
        Var l = a.cholesky();
        Var all = l.choleskySolve(Var.constant(Tensor.ones(3))).sum()
                .add(l.triangularSolve(a, true, false).sum())
                .add(l.choleskyInverse().diagonal().diagEmbed().tril(0).triu(0).sum())
                .add(a.logDet()).add(l.logDetFromCholesky());
        assertThat(all.isTracked()).isFalse();
        assertThat(tape.size()).isEqualTo(1);
    }

    @Test
    void aGradientReachesOnlyTheTrackedOperand() {
        Tape tape = new Tape();
        Var l = tape.variable(LinearAlgebra.cholesky(A));
        Var b = Var.constant(Tensor.of(1, 2, 3));
        Var x = l.choleskySolve(b);
        assertThat(x.isTracked()).isTrue();
        assertThat(tape.gradient(x.sum(), l).of(l).shape()).containsExactly(3, 3);
        check(v -> v[0].choleskySolve(Var.constant(Tensor.of(1, 2, 3))), LinearAlgebra.cholesky(A));
        check(v -> Var.constant(LinearAlgebra.cholesky(A)).choleskySolve(v[0]), Tensor.of(1, 2, 3));
    }

    private static double value(Tensor a, Tensor c) {
        return LinearAlgebra.cholesky(a).mul(c).sum().item();
    }

    private static void check(java.util.function.Function<Var[], Var> f, Tensor... inputs) {
        GradientChecker.Result result = GradientChecker.check(f, inputs);
        assertThat(result.maxError()).as("worst %s", result).isLessThanOrEqualTo(1e-6);
    }
}
