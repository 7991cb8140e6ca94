package io.github.elbo4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Index;
import io.github.elbo4j.tensor.Tensor;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every differentiable operation against finite differences ({@link GradientChecker}) on random
 * shapes, including broadcasting. Tolerance: max error (relative above 1, absolute below) of
 * 1e-6, as required of double-precision gradients; the O(h⁴) stencil is accurate to ~1e-10 here.
 */
class GradientProperties {

    private static final double TOLERANCE = 1e-6;

    private static void assertGradient(Function<Var[], Var> f, Tensor... inputs) {
        GradientChecker.Result r = GradientChecker.check(f, inputs);
        assertThat(r.maxError()).as("worst %s", r).isLessThanOrEqualTo(TOLERANCE);
    }

    @Property(tries = 60, seed = "20261207")
    void broadcastArithmeticHasExactGradients(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] full = r.shape(3);
        Tensor a = r.uniform(-2, 2, r.broadcastable(full));
        Tensor b = r.uniform(-2, 2, full);
        assertGradient(v -> v[0].add(v[1]), a, b);
        assertGradient(v -> v[1].sub(v[0]), a, b);
        assertGradient(v -> v[0].mul(v[1]), a, b);
        Tensor positive = r.uniform(0.5, 2, r.broadcastable(full));
        assertGradient(v -> v[1].div(v[0]), positive, b);
        assertGradient(v -> v[0].div(v[1]), b, positive);
    }

    @Property(tries = 40, seed = "20261207")
    void powerHasExactGradientsInBothArguments(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] full = r.shape(3);
        Tensor base = r.uniform(0.5, 2, full);
        Tensor exponent = r.uniform(-1.5, 2.5, r.broadcastable(full));
        assertGradient(v -> v[0].pow(v[1]), base, exponent);
        assertGradient(v -> v[0].pow(2.7), base);
        assertGradient(v -> v[0].pow(-1.0), base);
    }

    @Property(tries = 30, seed = "20261207")
    void maximumAndMinimumRouteTheGradient(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] full = r.shape(2);
        Tensor a = r.uniform(-2, 2, full);
        Tensor b = r.awayFrom(a);
        assertGradient(v -> v[0].maximum(v[1]), a, b);
        assertGradient(v -> v[0].minimum(v[1]), a, b);
    }

    @Property(tries = 30, seed = "20261207")
    void whereSendsTheGradientToTheSelectedBranch(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] full = r.shape(3);
        Tensor cond = r.uniform(-1, 1, full).gt(Tensor.scalar(0));
        Tensor a = r.uniform(-2, 2, r.broadcastable(full));
        Tensor b = r.uniform(-2, 2, full);
        assertGradient(v -> Var.where(cond, v[0], v[1]), a, b);
    }

    @Property(tries = 25, seed = "20261207")
    void everyDifferentiableElementwiseFunctionMatchesFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(3);
        Tensor real = r.spread(shape);
        Tensor positive = r.uniform(0.3, 3, shape);
        Tensor negative = r.uniform(-3, -0.2, shape);
        Tensor unit = r.uniform(-0.8, 0.8, shape);
        for (ElementwiseFunction f : ElementwiseFunction.values()) {
            Tensor x = switch (f) {
                case LOG, LOG1P, SQRT, LGAMMA, DIGAMMA, RECIPROCAL -> positive;
                case LOG1M_EXP -> negative;
                case ERFINV -> unit;
                case ABS, RELU, ELU -> real; // kinks at 0 (ELU'' jumps there), kept 0.03 away
                default -> r.uniform(-2, 2, shape);
            };
            if (f == ElementwiseFunction.SIGN || f == ElementwiseFunction.TRIGAMMA) {
                continue;
            }
            GradientChecker.Result res = GradientChecker.check(v -> v[0].apply(f), x);
            assertThat(res.maxError()).as("%s: %s", f, res).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Property(tries = 40, seed = "20261207")
    void reductionsOverAnyAxesMatchFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(3);
        int[] axes = randomAxes(r, shape.length);
        Tensor x = r.spread(shape);
        assertGradient(v -> v[0].sum(axes), x);
        assertGradient(v -> v[0].mean(axes), x);
        assertGradient(v -> v[0].logSumExp(axes), x);
        assertGradient(v -> v[0].max(axes), x);
        assertGradient(v -> v[0].min(axes), x);
        assertGradient(v -> v[0].prod(axes), r.uniform(0.5, 1.5, shape));
    }

    @Property(tries = 30, seed = "20261207")
    void productGradientIsExactWithZeros(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        double[] v = r.uniform(-2, 2, 3, 4).toArray();
        v[r.nextInt(12)] = 0.0;
        Tensor x = Tensor.of(v, 3, 4);
        assertGradient(w -> w[0].prod(1), x);
        assertGradient(w -> w[0].prod(), x);
    }

    @Property(tries = 40, seed = "20261207")
    void shapeOperationsMatchFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        Tensor x = r.uniform(-2, 2, 2, 3, 4);
        assertGradient(v -> v[0].reshape(4, -1).mul(Tensor.arange(6)), x);
        assertGradient(v -> v[0].permute(2, 0, 1).mul(Tensor.arange(24).reshape(4, 2, 3)), x);
        assertGradient(v -> v[0].transpose(), x);
        assertGradient(v -> v[0].broadcastTo(5, 2, 3, 4), x);
        assertGradient(v -> v[0].slice(1, 1, 3), x);
        assertGradient(v -> v[0].outer(v[1]), r.uniform(-1, 1, 3), r.uniform(-1, 1, 4));
    }

    @Property(tries = 40, seed = "20261207")
    void indexingMatchesFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        Tensor x = r.uniform(-2, 2, 3, 4);
        int[] idx = {2, 0, 2, 1, 2};
        assertGradient(v -> v[0].indexSelect(0, idx), x);
        assertGradient(v -> v[0].indexSelect(-1, 3, 3, 0), x);
        assertGradient(v -> v[0].indexAdd(0, new int[] {1, 1, 0}, 2), x);
        int[] g = new int[12];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.nextInt(4);
        }
        Index index = Index.of(g, 3, 4);
        assertGradient(v -> v[0].gather(1, index), x);
        assertGradient(v -> v[0].scatterAdd(1, index, 6), x);
        assertGradient(v -> Var.concat(1, v[0], v[1], v[0]), x, r.uniform(-1, 1, 3, 2));
        assertGradient(v -> Var.stack(0, v[0], v[1]), x, r.uniform(-1, 1, 3, 4));
        assertGradient(v -> Var.stack(-1, v[0], v[1]), x, r.uniform(-1, 1, 3, 4));
    }

    @Property(tries = 40, seed = "20261207")
    void batchedMatrixProductsMatchFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int m = 1 + r.nextInt(4);
        int k = 1 + r.nextInt(4);
        int n = 1 + r.nextInt(4);
        assertGradient(v -> v[0].matmul(v[1]), r.uniform(-1, 1, m, k), r.uniform(-1, 1, k, n));
        assertGradient(v -> v[0].matmul(v[1]), r.uniform(-1, 1, 2, m, k), r.uniform(-1, 1, k, n));
        assertGradient(v -> v[0].matmul(v[1]), r.uniform(-1, 1, 3, 1, m, k), r.uniform(-1, 1, 2, k, n));
        assertGradient(v -> v[0].matmul(v[1]), r.uniform(-1, 1, k), r.uniform(-1, 1, 2, k, n));
        assertGradient(v -> v[0].matmul(v[1]), r.uniform(-1, 1, m, k), r.uniform(-1, 1, k));
        assertGradient(v -> v[0].matmul(v[1]), r.uniform(-1, 1, k), r.uniform(-1, 1, k));
    }

    @Property(tries = 10, seed = "20261207")
    void largeMatrixProductsThroughBlasMatchFiniteDifferences(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        assertGradient(v -> v[0].matmul(v[1]).tanh(), r.uniform(-0.3, 0.3, 20, 17), r.uniform(-0.3, 0.3, 17, 15));
    }

    private static int[] randomAxes(RandomTensors r, int rank) {
        int count = rank == 0 ? 0 : r.nextInt(rank + 1);
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (int i = 0; i < rank; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, new java.util.Random(r.nextInt(1000)));
        int[] axes = new int[count];
        for (int i = 0; i < count; i++) {
            axes[i] = r.nextInt(2) == 0 ? all.get(i) : all.get(i) - rank;
        }
        return axes;
    }
}
