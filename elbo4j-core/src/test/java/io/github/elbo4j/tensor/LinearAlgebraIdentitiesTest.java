package io.github.elbo4j.tensor;

import static io.github.elbo4j.tensor.LinearAlgebraReferenceTest.relativeError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Laws of {@link LinearAlgebra} on random batches of random sizes: each result satisfies the
 * equation that defines it, and the loop and LAPACK/BLAS kernels agree. Matrices are
 * {@code A = X Xᵀ + n I} and triangles with diagonal {@code >= n}, so condition numbers stay small
 * and residuals are a few ulps; tolerance {@value #TOLERANCE}, norm-wise relative
 * ({@link LinearAlgebraReferenceTest#relativeError}).
 */
class LinearAlgebraIdentitiesTest {

    private static final double TOLERANCE = 1e-12;

    @Property(tries = 50, seed = "20261207")
    void choleskyFactorIsLowerTriangularWithPositiveDiagonalAndReconstructsTheMatrix(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(6);
        Tensor a = spd(r, batch(r), n);
        Tensor l = LinearAlgebra.cholesky(a);
        assertThat(LinearAlgebra.tril(l, 0)).isEqualTo(l);
        assertThat(LinearAlgebra.diagonal(l).min().item()).isPositive();
        assertThat(relativeError(l.matmul(l.transpose()), a)).isLessThanOrEqualTo(TOLERANCE);
    }

    @Property(tries = 50, seed = "20261207")
    void triangularSolveSatisfiesItsEquationWithBroadcastBatches(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(6);
        boolean lower = r.nextBoolean();
        boolean transpose = r.nextBoolean();
        int[] batchL = batch(r);
        Tensor t = triangular(r, batchL, n, lower);
        boolean vector = r.nextInt(4) == 0;
        Tensor b = vector ? normal(r, n) : normal(r, concat(broadcastable(r, batchL), n, 1 + r.nextInt(4)));
        Tensor x = LinearAlgebra.triangularSolve(t, b, lower, transpose);
        Tensor clean = lower ? LinearAlgebra.tril(t, 0) : LinearAlgebra.triu(t, 0);
        Tensor op = transpose ? clean.transpose() : clean;
        Tensor residual = vector ? op.matmul(x.unsqueeze(-1)).squeeze(-1) : op.matmul(x);
        assertThat(relativeError(residual, b.broadcastTo(residual.shape()))).isLessThanOrEqualTo(TOLERANCE);
    }

    @Property(tries = 50, seed = "20261207")
    void choleskySolveAndInverseInvertTheFactoredMatrix(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(6);
        int[] batch = batch(r);
        Tensor a = spd(r, batch, n);
        Tensor l = LinearAlgebra.cholesky(a);
        Tensor b = normal(r, concat(broadcastable(r, batch), n, 1 + r.nextInt(3)));
        Tensor x = LinearAlgebra.choleskySolve(l, b);
        Tensor ax = a.matmul(x);
        assertThat(relativeError(ax, b.broadcastTo(ax.shape()))).isLessThanOrEqualTo(TOLERANCE);
        Tensor inverse = LinearAlgebra.choleskyInverse(l);
        assertThat(inverse.transpose()).isEqualTo(inverse);
        Tensor identity = Tensor.eye(n).broadcastTo(a.shape());
        assertThat(relativeError(a.matmul(inverse), identity)).isLessThanOrEqualTo(TOLERANCE);
    }

    @Property(tries = 50, seed = "20261207")
    void logDetOfAScaledMatrixAddsNTimesTheLogOfTheScale(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(6);
        Tensor a = spd(r, batch(r), n);
        double c = Math.exp(4 * r.nextDouble() - 2);
        Tensor expected = LinearAlgebra.logDet(a).add(n * Math.log(c));
        assertThat(relativeError(LinearAlgebra.logDet(a.mul(c)), expected)).isLessThanOrEqualTo(TOLERANCE);
        Tensor d = normal(r, n).exp();
        assertThat(LinearAlgebra.logDet(LinearAlgebra.diagEmbed(d)).item())
                .isCloseTo(d.log().sum().item(), org.assertj.core.data.Offset.offset(1e-13 * n));
    }

    @Property(tries = 30, seed = "20261207")
    void loopAndNetlibKernelsAgreeUpToOrderSeventy(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(70);
        int k = 1 + r.nextInt(5);
        boolean lower = r.nextBoolean();
        boolean transpose = r.nextBoolean();
        double[] a = spd(r, new int[0], n).toArray();
        double[] loop = a.clone();
        double[] netlib = a.clone();
        assertThat(CholeskyKernel.factorLoop(loop, 0, n)).isZero();
        assertThat(CholeskyKernel.factorNetlib(netlib, 0, n)).isZero();
        assertThat(relativeError(Tensor.of(loop, n, n), Tensor.of(netlib, n, n))).isLessThanOrEqualTo(TOLERANCE);

        double[] inverseLoop = loop.clone();
        double[] inverseNetlib = loop.clone();
        CholeskyKernel.invertLoop(inverseLoop, 0, n);
        CholeskyKernel.invertNetlib(inverseNetlib, 0, n);
        assertThat(relativeError(Tensor.of(inverseLoop, n, n), Tensor.of(inverseNetlib, n, n))).isLessThanOrEqualTo(TOLERANCE);

        double[] t = triangular(r, new int[0], n, lower).toArray();
        double[] b = normal(r, n, k).toArray();
        double[] xLoop = b.clone();
        double[] xNetlib = b.clone();
        TriangularKernel.solveLoop(t, 0, xLoop, 0, n, k, lower, transpose);
        TriangularKernel.solveNetlib(t, 0, xNetlib, 0, n, k, lower, transpose);
        assertThat(relativeError(Tensor.of(xLoop, n, k), Tensor.of(xNetlib, n, k))).isLessThanOrEqualTo(TOLERANCE);
    }

    @Property(tries = 50, seed = "20261207")
    void lowerAndStrictlyUpperTrianglesAddUpToTheMatrix(@ForAll long seed) {
        Random r = new Random(seed);
        int k = r.nextInt(9) - 4;
        Tensor a = normal(r, concat(batch(r), 1 + r.nextInt(5), 1 + r.nextInt(5)));
        assertThat(LinearAlgebra.tril(a, k).add(LinearAlgebra.triu(a, k + 1))).isEqualTo(a);
        Tensor v = normal(r, concat(batch(r), 1 + r.nextInt(5)));
        assertThat(LinearAlgebra.diagonal(LinearAlgebra.diagEmbed(v))).isEqualTo(v);
    }

    /** A batch shape of rank 0..2 with dimensions 1..3. */
    private static int[] batch(Random r) {
        int[] s = new int[r.nextInt(3)];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 + r.nextInt(3);
        }
        return s;
    }

    /** A batch shape that broadcasts with {@code batch}: leading axes dropped or one added, some set to 1. */
    private static int[] broadcastable(Random r, int[] batch) {
        int drop = r.nextInt(batch.length + 1);
        int extra = drop == 0 && r.nextInt(3) == 0 ? 1 : 0;
        int[] s = new int[batch.length - drop + extra];
        for (int i = 0; i < s.length; i++) {
            s[i] = i < extra ? 2 : r.nextInt(3) == 0 ? 1 : batch[i - extra + drop];
        }
        return s;
    }

    private static int[] concat(int[] batch, int... tail) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + tail.length);
        System.arraycopy(tail, 0, s, batch.length, tail.length);
        return s;
    }

    private static Tensor normal(Random r, int... shape) {
        double[] v = new double[ShapeRules.size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return Tensor.of(v, shape);
    }

    /** {@code X Xᵀ + n I} with standard normal {@code X}. */
    private static Tensor spd(Random r, int[] batch, int n) {
        Tensor x = normal(r, concat(batch, n, n));
        return x.matmul(x.transpose()).add(Tensor.eye(n).mul(n));
    }

    /** A triangle with standard normal entries and diagonal {@code n + |N(0,1)|}, junk in the other triangle. */
    private static Tensor triangular(Random r, int[] batch, int n, boolean lower) {
        Tensor x = normal(r, concat(batch, n, n));
        return x.add(LinearAlgebra.diagEmbed(LinearAlgebra.diagonal(x).map(Math::abs).add(n)));
    }
}
