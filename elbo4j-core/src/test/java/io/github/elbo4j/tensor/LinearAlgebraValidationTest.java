package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every check of {@link LinearAlgebra} and the exact message it gives. */
class LinearAlgebraValidationTest {

    private static final Tensor SPD = Tensor.of(new double[][] {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}});

    @Test
    void choleskyRejectsANonSquareMatrix() {
        assertThatThrownBy(() -> LinearAlgebra.cholesky(Tensor.zeros(3, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cholesky: a must be a square matrix or a batch of them, shape [..., n, n], got [3, 4]");
        assertThatThrownBy(() -> LinearAlgebra.cholesky(Tensor.zeros(3)))
                .hasMessage("cholesky: a must be a square matrix or a batch of them, shape [..., n, n], got [3]");
    }

    @Test
    void choleskyNamesTheMatrixAndTheMinorThatIsNotPositiveDefinite() {
        Tensor indefinite = Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, -1}});
        assertThatThrownBy(() -> LinearAlgebra.cholesky(indefinite))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cholesky: the matrix is not positive definite (leading minor 3 <= 0)");
        Tensor batch = Tensor.stack(0, SPD, SPD, indefinite);
        assertThatThrownBy(() -> LinearAlgebra.cholesky(batch))
                .hasMessage("cholesky: matrix 2 of the batch is not positive definite (leading minor 3 <= 0)");
        Tensor grid = Tensor.stack(0, Tensor.stack(0, SPD, SPD), Tensor.stack(0, SPD, indefinite));
        assertThatThrownBy(() -> LinearAlgebra.cholesky(grid))
                .hasMessage("cholesky: matrix [1, 1] of the batch is not positive definite (leading minor 3 <= 0)");
        Tensor singular = Tensor.of(new double[][] {{1, 1}, {1, 1}});
        assertThatThrownBy(() -> LinearAlgebra.cholesky(singular))
                .hasMessage("cholesky: the matrix is not positive definite (leading minor 2 <= 0)");
    }

    @Test
    void choleskyRejectsNonFiniteEntriesOfTheLowerTriangleButIgnoresTheUpperOne() {
        double[] v = SPD.toArray();
        v[3] = Double.NaN; // [1, 0]
        assertThatThrownBy(() -> LinearAlgebra.cholesky(Tensor.of(v, 3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cholesky: a must be finite, but the matrix has NaN at [1, 0]");
        double[] w = SPD.toArray();
        w[1] = Double.POSITIVE_INFINITY; // [0, 1], never read
        assertThat(LinearAlgebra.cholesky(Tensor.of(w, 3, 3))).isEqualTo(LinearAlgebra.cholesky(SPD));
    }

    @Test
    void logDetReportsFailuresUnderItsOwnName() {
        assertThatThrownBy(() -> LinearAlgebra.logDet(Tensor.of(new double[][] {{-1}})))
                .hasMessage("logDet: the matrix is not positive definite (leading minor 1 <= 0)");
        assertThatThrownBy(() -> LinearAlgebra.logDet(Tensor.zeros(2, 3)))
                .hasMessage("logDet: a must be a square matrix or a batch of them, shape [..., n, n], got [2, 3]");
    }

    @Test
    void triangularSolvePrintsBothShapesWhenTheyDoNotFit() {
        assertThatThrownBy(() -> LinearAlgebra.triangularSolve(SPD, Tensor.zeros(4, 2), true, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("triangularSolve: cannot solve [3, 3] with [4, 2]: b must be [n] or [..., n, k] with n = 3");
        assertThatThrownBy(() -> LinearAlgebra.triangularSolve(SPD, Tensor.zeros(4), true, false))
                .hasMessage("triangularSolve: cannot solve [3, 3] with [4]: b must be [n] or [..., n, k] with n = 3");
        assertThatThrownBy(() -> LinearAlgebra.triangularSolve(SPD, Tensor.scalar(1), true, false))
                .hasMessage("triangularSolve: cannot solve [3, 3] with []: b must be [n] or [..., n, k] with n = 3");
        assertThatThrownBy(() -> LinearAlgebra.triangularSolve(Tensor.zeros(3, 2), Tensor.zeros(3), true, false))
                .hasMessage("triangularSolve: l must be a square matrix or a batch of them, shape [..., n, n], got [3, 2]");
    }

    @Test
    void triangularSolveRejectsBatchShapesThatDoNotBroadcast() {
        Tensor l = Tensor.stack(0, SPD, SPD);
        assertThatThrownBy(() -> LinearAlgebra.triangularSolve(l, Tensor.zeros(4, 3, 1), true, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("triangularSolve: cannot solve [2, 3, 3] with [4, 3, 1]: batch shapes [2] and [4] do not broadcast");
    }

    @Test
    void solvesRejectAZeroOnTheDiagonalOfTheTriangleTheyRead() {
        Tensor singular = Tensor.of(new double[][] {{2, 0, 0}, {1, 3, 0}, {1, 1, 0}});
        Tensor batch = Tensor.stack(0, LinearAlgebra.cholesky(SPD), singular);
        assertThatThrownBy(() -> LinearAlgebra.triangularSolve(batch, Tensor.ones(3), true, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("triangularSolve: l must have a non-zero diagonal, but matrix 1 of the batch has 0.0 at [2, 2]");
        assertThatThrownBy(() -> LinearAlgebra.choleskySolve(singular, Tensor.ones(3, 2)))
                .hasMessage("choleskySolve: l must have a non-zero diagonal, but the matrix has 0.0 at [2, 2]");
        assertThatThrownBy(() -> LinearAlgebra.choleskyInverse(singular))
                .hasMessage("choleskyInverse: l must have a non-zero diagonal, but the matrix has 0.0 at [2, 2]");
    }

    @Test
    void structuralOperationsCheckRanks() {
        assertThatThrownBy(() -> LinearAlgebra.diagonal(Tensor.zeros(2, 3)))
                .hasMessage("diagonal: a must be a square matrix or a batch of them, shape [..., n, n], got [2, 3]");
        assertThatThrownBy(() -> LinearAlgebra.diagEmbed(Tensor.scalar(1)))
                .hasMessage("diagEmbed: v must have rank >= 1, shape [..., n], got []");
        assertThatThrownBy(() -> LinearAlgebra.tril(Tensor.zeros(3), 0))
                .hasMessage("tril: a must have rank >= 2, shape [..., m, n], got [3]");
        assertThatThrownBy(() -> LinearAlgebra.triu(Tensor.scalar(1), 0))
                .hasMessage("triu: a must have rank >= 2, shape [..., m, n], got []");
        assertThatThrownBy(() -> LinearAlgebra.logDetFromCholesky(Tensor.zeros(1, 2)))
                .hasMessage("logDetFromCholesky: l must be a square matrix or a batch of them, shape [..., n, n], got [1, 2]");
    }

    @Test
    void emptyMatricesAndEmptyBatchesGiveEmptyResults() {
        assertThat(LinearAlgebra.cholesky(Tensor.zeros(0, 0)).shape()).containsExactly(0, 0);
        assertThat(LinearAlgebra.logDet(Tensor.zeros(0, 0)).item()).isEqualTo(0.0);
        assertThat(LinearAlgebra.cholesky(Tensor.zeros(0, 3, 3)).shape()).containsExactly(0, 3, 3);
        assertThat(LinearAlgebra.triangularSolve(Tensor.zeros(0, 2, 2), Tensor.ones(2, 1), true, false).shape())
                .containsExactly(0, 2, 1);
        assertThat(LinearAlgebra.choleskyInverse(Tensor.zeros(2, 0, 0)).shape()).containsExactly(2, 0, 0);
    }

    @Test
    void trianglesFollowNumpyTrilAndTriu() {
        Tensor a = Tensor.arange(1, 13, 1).reshape(3, 4);
        assertThat(LinearAlgebra.tril(a, 0)).isEqualTo(Tensor.of(new double[][] {{1, 0, 0, 0}, {5, 6, 0, 0}, {9, 10, 11, 0}}));
        assertThat(LinearAlgebra.tril(a, -1)).isEqualTo(Tensor.of(new double[][] {{0, 0, 0, 0}, {5, 0, 0, 0}, {9, 10, 0, 0}}));
        assertThat(LinearAlgebra.triu(a, 1)).isEqualTo(Tensor.of(new double[][] {{0, 2, 3, 4}, {0, 0, 7, 8}, {0, 0, 0, 12}}));
        assertThat(LinearAlgebra.triu(a, -5)).isEqualTo(a);
        assertThat(LinearAlgebra.tril(a, Integer.MIN_VALUE)).isEqualTo(Tensor.zeros(3, 4));
        assertThat(LinearAlgebra.diagonal(Tensor.arange(9).reshape(3, 3))).isEqualTo(Tensor.of(0, 4, 8));
        assertThat(LinearAlgebra.diagEmbed(Tensor.of(1, 2))).isEqualTo(Tensor.of(new double[][] {{1, 0}, {0, 2}}));
    }
}
