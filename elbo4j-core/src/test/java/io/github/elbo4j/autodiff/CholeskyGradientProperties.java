package io.github.elbo4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.tensor.Tensor;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The decomposition operations of {@link Var} against finite differences
 * ({@link GradientChecker}) on random batches of random order {@code n = 1..6}. A symmetric
 * positive-definite input is built inside the checked function as {@code A = X Xᵀ + n I} from a
 * free {@code X}: every perturbation of {@code X} moves {@code A} symmetrically, so the symmetric
 * gradient convention of {@link DecompositionOps} is checked through a function that is well
 * defined on all its inputs. Triangular inputs are free, junk in the unread triangle included
 * (its gradient must be 0), with diagonal {@code >= n} to keep them well conditioned.
 * Tolerance: max error (relative above 1, absolute below) of 1e-6, as {@link GradientProperties}.
 */
class CholeskyGradientProperties {

    private static final double TOLERANCE = 1e-6;

    @Property(tries = 50, seed = "20261207")
    void choleskyOfAnSpdMatrixMatchesFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int n = 1 + r.nextInt(6);
        Tensor x = r.uniform(-1, 1, withMatrix(r.shape(2), n, n));
        assertGradient(v -> spd(v[0]).cholesky(), x);
    }

    @Property(tries = 50, seed = "20261207")
    void logDetOfAnSpdMatrixMatchesFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int n = 1 + r.nextInt(6);
        Tensor x = r.uniform(-1, 1, withMatrix(r.shape(2), n, n));
        assertGradient(v -> spd(v[0]).logDet(), x);
        assertGradient(v -> spd(v[0]).cholesky().logDetFromCholesky(), x);
    }

    @Property(tries = 50, seed = "20261207")
    void triangularSolveMatchesFiniteDifferencesInBothArgumentsWithBroadcasting(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int n = 1 + r.nextInt(6);
        boolean lower = r.nextInt(2) == 0;
        boolean transpose = r.nextInt(2) == 0;
        int[] batch = r.shape(2);
        Tensor l = triangular(r, batch, n);
        Tensor b = r.nextInt(4) == 0
                ? r.uniform(-1, 1, n)
                : r.uniform(-1, 1, withMatrix(r.broadcastable(batch), n, 1 + r.nextInt(3)));
        assertGradient(v -> v[0].triangularSolve(v[1], lower, transpose), l, b);
    }

    @Property(tries = 50, seed = "20261207")
    void choleskySolveMatchesFiniteDifferencesInBothArguments(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int n = 1 + r.nextInt(6);
        int[] batch = r.shape(2);
        Tensor l = triangular(r, batch, n);
        Tensor b = r.nextInt(4) == 0
                ? r.uniform(-1, 1, n)
                : r.uniform(-1, 1, withMatrix(r.broadcastable(batch), n, 1 + r.nextInt(3)));
        assertGradient(v -> v[0].choleskySolve(v[1]), l, b);
    }

    @Property(tries = 50, seed = "20261207")
    void choleskyInverseAndLogDetFromCholeskyMatchFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int n = 1 + r.nextInt(6);
        int[] batch = r.shape(2);
        assertGradient(v -> v[0].choleskyInverse(), triangular(r, batch, n));
        assertGradient(v -> v[0].logDetFromCholesky(), triangular(r, batch, n));
        Tensor x = r.uniform(-1, 1, withMatrix(batch, n, n));
        assertGradient(v -> spd(v[0]).cholesky().choleskyInverse(), x);
    }

    @Property(tries = 50, seed = "20261207")
    void diagonalsAndTrianglesMatchFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int n = 1 + r.nextInt(6);
        int k = r.nextInt(5) - 2;
        int[] batch = r.shape(2);
        Tensor a = r.uniform(-1, 1, withMatrix(batch, n, 1 + r.nextInt(6)));
        assertGradient(v -> v[0].tril(k), a);
        assertGradient(v -> v[0].triu(k), a);
        assertGradient(v -> v[0].diagonal(), r.uniform(-1, 1, withMatrix(batch, n, n)));
        assertGradient(v -> v[0].diagEmbed(), r.uniform(-1, 1, withMatrix(batch, n)));
    }

    @Property(tries = 30, seed = "20261207")
    void aGaussianLogDensityThroughCholeskyMatchesFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int n = 1 + r.nextInt(6);
        int particles = 1 + r.nextInt(3);
        Tensor x = r.uniform(-1, 1, n, n);
        Tensor y = r.uniform(-2, 2, particles, n, 1);
        // -½ yᵀ A⁻¹ y - ½ log det A, with A = X Xᵀ + n I, for a batch of points sharing A
        assertGradient(v -> {
            Var l = spd(v[0]).cholesky();
            Var z = l.triangularSolve(v[1], true, false);
            return z.square().sum(-2, -1).mul(-0.5).sub(l.logDetFromCholesky());
        }, x, y);
    }

    private static void assertGradient(Function<Var[], Var> f, Tensor... inputs) {
        GradientChecker.Result result = GradientChecker.check(f, inputs);
        assertThat(result.maxError()).as("worst %s", result).isLessThanOrEqualTo(TOLERANCE);
    }

    /** {@code X Xᵀ + n I}: symmetric positive definite for every {@code X}, eigenvalues {@code >= n}. */
    static Var spd(Var x) {
        int n = x.value().dim(-1);
        return x.matmul(x.transpose()).add(Tensor.eye(n).mul(n));
    }

    /** Uniform entries in (-1, 1) and a diagonal in {@code [n, n + 1)}: well conditioned either way it is read. */
    private static Tensor triangular(RandomTensors r, int[] batch, int n) {
        Tensor x = r.uniform(-1, 1, withMatrix(batch, n, n));
        return x.add(Tensor.eye(n).mul(r.uniform(n, n + 1, withMatrix(batch, n, 1)).sub(x)));
    }

    static int[] withMatrix(int[] batch, int... tail) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + tail.length);
        System.arraycopy(tail, 0, s, batch.length, tail.length);
        return s;
    }
}
