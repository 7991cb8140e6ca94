package io.github.elbo4j.tensor;

import static io.github.elbo4j.tensor.RandomTensors.broadcastGet;
import static io.github.elbo4j.tensor.RandomTensors.dot;
import static io.github.elbo4j.tensor.RandomTensors.unravel;
import static io.github.elbo4j.tensor.RandomTensors.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Laws of the tensor operations on random shapes (jqwik draws the seed; {@link RandomTensors}
 * draws shapes and values from it). Values are multiples of 1/8, so every sum and product here
 * except {@code prod} and {@code logSumExp} is exact and the laws hold with exact equality; those
 * two are checked to 1e-12 relative to {@code max(1, |expected|)}.
 */
class TensorProperties {

    // ---- broadcasting ---------------------------------------------------------------------

    @Property(tries = 200, seed = "20261207")
    void broadcastThenSumToMultipliesByTheNumberOfRepeats(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] full = r.shape(0, 4, 1, 4);
        int[] small = r.broadcastable(full);
        Tensor x = r.dyadic(small);
        int repeats = ShapeRules.size(full) / ShapeRules.size(small);
        assertThat(x.broadcastTo(full).sumTo(small)).isEqualTo(x.mul(repeats));
    }

    @Property(tries = 200, seed = "20261207")
    void broadcastToRepeatsTheAlignedElement(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] full = r.shape(0, 4, 0, 4);
        Tensor x = r.dyadic(r.broadcastable(full));
        Tensor b = x.broadcastTo(full);
        assertThat(b.shape()).containsExactly(full);
        for (int f = 0; f < b.size(); f++) {
            int[] idx = unravel(f, full);
            assertThat(b.get(idx)).isEqualTo(broadcastGet(x, idx));
        }
    }

    @Property(tries = 200, seed = "20261207")
    void broadcastArithmeticAgreesWithElementByElementIndexing(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] full = r.shape(0, 4, 0, 4);
        Tensor a = r.dyadic(r.broadcastable(full));
        Tensor b = r.dyadic(r.broadcastable(full));
        int[] shape = naiveBroadcast(a.shape(), b.shape());
        assertAgrees(a.add(b), shape, a, b, Double::sum);
        assertAgrees(a.sub(b), shape, a, b, (x, y) -> x - y);
        assertAgrees(a.mul(b), shape, a, b, (x, y) -> x * y);
        assertAgrees(a.div(b), shape, a, b, (x, y) -> x / y);
        assertAgrees(a.maximum(b), shape, a, b, Math::max);
        assertAgrees(a.gt(b), shape, a, b, (x, y) -> x > y ? 1 : 0);
        assertAgrees(a.eq(b), shape, a, b, (x, y) -> x == y ? 1 : 0);
        assertAgrees(Tensor.where(a.gt(Tensor.scalar(0)), a, b), shape, a, b, (x, y) -> x > 0 ? x : y);
    }

    private static void assertAgrees(Tensor actual, int[] shape, Tensor a, Tensor b, DoubleBinaryOperator op) {
        assertThat(actual.shape()).containsExactly(shape);
        double[] v = actual.toArray();
        for (int f = 0; f < v.length; f++) {
            int[] idx = unravel(f, shape);
            double expected = op.applyAsDouble(broadcastGet(a, idx), broadcastGet(b, idx));
            assertThat(Double.doubleToLongBits(v[f])).as("at %s: %s vs %s", Arrays.toString(idx), v[f], expected)
                    .isEqualTo(Double.doubleToLongBits(expected));
        }
    }

    /** NumPy's rule, written out independently of {@link ShapeRules}, for shapes known to broadcast. */
    private static int[] naiveBroadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - rank + a.length];
            int db = i < rank - b.length ? 1 : b[i - rank + b.length];
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    // ---- reductions -------------------------------------------------------------------------

    @Property(tries = 200, seed = "20261207")
    void reductionsAgreeWithAnElementByElementLoop(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(1, 4, 1, 4);
        Tensor x = r.dyadic(shape);
        List<Integer> chosen = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (r.nextBoolean()) {
                chosen.add(r.nextBoolean() ? d : d - shape.length);
            }
        }
        int[] axes = chosen.stream().mapToInt(Integer::intValue).toArray();
        boolean[] reduced = new boolean[shape.length];
        for (int a : axes) {
            reduced[a < 0 ? a + shape.length : a] = true;
        }
        if (axes.length == 0) {
            Arrays.fill(reduced, true);
        }
        int[] outShape = java.util.stream.IntStream.range(0, shape.length).filter(d -> !reduced[d])
                .map(d -> shape[d]).toArray();
        int n = ShapeRules.size(outShape);
        double[] sum = new double[n];
        double[] prod = new double[n];
        double[] max = new double[n];
        double[] min = new double[n];
        Arrays.fill(prod, 1);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        int count = x.size() / n;
        for (int f = 0; f < x.size(); f++) {
            int[] idx = unravel(f, shape);
            int o = 0;
            for (int d = 0; d < shape.length; d++) {
                if (!reduced[d]) {
                    o = o * shape[d] + idx[d];
                }
            }
            double v = x.get(idx);
            sum[o] += v;
            prod[o] *= v;
            max[o] = Math.max(max[o], v);
            min[o] = Math.min(min[o], v);
        }
        assertThat(x.sum(axes)).isEqualTo(Tensor.of(sum, outShape));
        assertThat(x.max(axes)).isEqualTo(Tensor.of(max, outShape));
        assertThat(x.min(axes)).isEqualTo(Tensor.of(min, outShape));
        assertThat(x.mean(axes)).isEqualTo(Tensor.of(sum, outShape).div(count));
        TensorAsserts.assertClose(x.prod(axes), Tensor.of(prod, outShape), 1e-12);
        TensorAsserts.assertClose(x.logSumExp(axes), x.exp().sum(axes).log(), 1e-12);
    }

    @Property(tries = 100, seed = "20261207")
    void logSumExpShiftsWithItsArgument(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(1, 3, 1, 4);
        Tensor x = r.dyadic(shape);
        int axis = r.nextInt(0, shape.length - 1);
        double c = 700.0 * (r.nextBoolean() ? 1 : -1);
        // exp(x + 700) overflows and exp(x - 700) underflows: only the shifted form survives
        TensorAsserts.assertClose(x.add(c).logSumExp(axis), x.logSumExp(axis).add(c), 1e-12);
    }

    // ---- layout -------------------------------------------------------------------------------

    @Property(tries = 200, seed = "20261207")
    void permuteThenTheInversePermutationIsTheIdentity(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(0, 5, 0, 4);
        Tensor x = r.dyadic(shape);
        int[] perm = r.permutation(shape.length);
        int[] inverse = new int[perm.length];
        for (int k = 0; k < perm.length; k++) {
            inverse[perm[k]] = k;
        }
        Tensor p = x.permute(perm);
        assertThat(p.permute(inverse)).isEqualTo(x);
        for (int f = 0; f < p.size(); f++) {
            int[] idx = unravel(f, p.shape());
            int[] source = new int[idx.length];
            for (int k = 0; k < idx.length; k++) {
                source[perm[k]] = idx[k];
            }
            assertThat(p.get(idx)).isEqualTo(x.get(source));
        }
    }

    @Property(tries = 100, seed = "20261207")
    void transposeIsPermuteOfTheLastTwoAxesAndItsOwnInverse(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(2, 4, 0, 4);
        Tensor x = r.dyadic(shape);
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[perm.length - 1] = perm.length - 2;
        perm[perm.length - 2] = perm.length - 1;
        assertThat(x.transpose()).isEqualTo(x.permute(perm));
        assertThat(x.transpose().transpose()).isEqualTo(x);
    }

    @Property(tries = 200, seed = "20261207")
    void reshapeRoundTripIsTheIdentity(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(0, 4, 0, 4);
        Tensor x = r.dyadic(shape);
        int[] target = shape.clone();
        int[] order = r.permutation(target.length);
        for (int i = 0; i < target.length; i++) {
            target[i] = shape[order[i]];
        }
        if (target.length > 0 && ShapeRules.size(shape) > 0) {
            target[r.nextInt(0, target.length - 1)] = -1;
        }
        Tensor y = x.reshape(target);
        assertThat(y.toArray()).containsExactly(x.toArray());
        assertThat(y.reshape(shape)).isEqualTo(x);
        assertThat(x.reshape(-1).reshape(shape)).isEqualTo(x);
    }

    // ---- joining -----------------------------------------------------------------------------

    @Property(tries = 200, seed = "20261207")
    void concatThenSliceRecoversTheParts(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(1, 4, 1, 3);
        int axis = r.nextInt(0, shape.length - 1);
        Tensor[] parts = new Tensor[r.nextInt(1, 4)];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = r.dyadic(with(shape, axis, r.nextInt(0, 3)));
        }
        Tensor joined = Tensor.concat(r.nextBoolean() ? axis : axis - shape.length, parts);
        int start = 0;
        for (Tensor part : parts) {
            int end = start + part.dim(axis);
            assertThat(joined.slice(axis, start, end)).isEqualTo(part);
            start = end;
        }
        assertThat(joined.dim(axis)).isEqualTo(start);
    }

    @Property(tries = 100, seed = "20261207")
    void stackIsConcatOfPartsWithANewAxis(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(0, 3, 0, 3);
        int axis = r.nextInt(0, shape.length);
        Tensor[] parts = new Tensor[r.nextInt(1, 4)];
        Tensor[] unsqueezed = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = r.dyadic(shape);
            unsqueezed[i] = parts[i].unsqueeze(axis);
        }
        Tensor stacked = Tensor.stack(axis, parts);
        assertThat(stacked).isEqualTo(Tensor.concat(axis, unsqueezed));
        assertThat(Tensor.stack(axis - shape.length - 1, parts)).isEqualTo(stacked);
        for (int i = 0; i < parts.length; i++) {
            assertThat(stacked.indexSelect(axis, i).squeeze(axis)).isEqualTo(parts[i]);
        }
    }

    // ---- indexing ----------------------------------------------------------------------------

    @Property(tries = 200, seed = "20261207")
    void indexSelectAndIndexAddAreAdjoint(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(1, 3, 1, 4);
        int axis = r.nextInt(0, shape.length - 1);
        int[] index = r.indices(r.nextInt(0, 5), shape[axis]);
        Tensor x = r.dyadic(shape);
        Tensor y = r.dyadic(with(shape, axis, index.length));
        // <select(x), y> == <x, indexAdd(y)>
        assertThat(dot(x.indexSelect(axis, index), y)).isEqualTo(dot(x, y.indexAdd(axis, index, shape[axis])));
    }

    @Property(tries = 200, seed = "20261207")
    void gatherAndScatterAddAreAdjoint(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(1, 3, 1, 4);
        int axis = r.nextInt(0, shape.length - 1);
        int[] ishape = with(shape, axis, r.nextInt(0, 5));
        Index index = Index.of(r.indices(ShapeRules.size(ishape), shape[axis]), ishape);
        Tensor x = r.dyadic(shape);
        Tensor y = r.dyadic(ishape);
        // <gather(x), y> == <x, scatterAdd(y)>
        assertThat(dot(x.gather(axis, index), y)).isEqualTo(dot(x, y.scatterAdd(axis, index, shape[axis])));
    }

    @Property(tries = 200, seed = "20261207")
    void gatherReadsTheIndexedElementOfItsAxis(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        int[] shape = r.shape(1, 3, 1, 4);
        int axis = r.nextInt(0, shape.length - 1);
        int[] ishape = with(shape, axis, r.nextInt(0, 5));
        int[] values = r.indices(ShapeRules.size(ishape), shape[axis]);
        Tensor x = r.dyadic(shape);
        Tensor g = x.gather(axis - (r.nextBoolean() ? 0 : shape.length), Index.of(values, ishape));
        assertThat(g.shape()).containsExactly(ishape);
        for (int f = 0; f < values.length; f++) {
            int[] idx = unravel(f, ishape);
            idx[axis] = values[f];
            assertThat(g.toArray()[f]).isEqualTo(x.get(idx));
        }
    }

    // ---- matmul --------------------------------------------------------------------------------

    @Property(tries = 200, seed = "20261207")
    void matmulAgreesWithANaiveTripleLoopBelowTheBlasThreshold(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        checkMatmul(r, r.nextInt(0, 5), r.nextInt(0, 5), r.nextInt(0, 5));
    }

    @Property(tries = 30, seed = "20261207")
    void matmulAgreesWithANaiveTripleLoopAboveTheBlasThreshold(@ForAll long seed) {
        RandomTensors r = new RandomTensors(seed);
        // at least 17³ = 4913 > 4096 multiply-adds per matrix
        int m = r.nextInt(17, 24);
        int k = r.nextInt(17, 24);
        int n = r.nextInt(17, 24);
        checkMatmul(r, m, k, n);
    }

    private static void checkMatmul(RandomTensors r, int m, int k, int n) {
        int[] batch = r.shape(0, 2, 1, 3);
        boolean leftVector = r.nextInt(0, 3) == 0;
        boolean rightVector = r.nextInt(0, 3) == 0;
        int[] sa = leftVector ? new int[] {k} : concat(r.broadcastable(batch), m, k);
        int[] sb = rightVector ? new int[] {k} : concat(r.broadcastable(batch), k, n);
        Tensor a = r.dyadic(sa);
        Tensor b = r.dyadic(sb);
        assertThat(a.matmul(b)).as("%s @ %s", Arrays.toString(sa), Arrays.toString(sb)).isEqualTo(naiveMatmul(a, b));
    }

    private static int[] concat(int[] batch, int rows, int cols) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = rows;
        s[batch.length + 1] = cols;
        return s;
    }

    /** NumPy's matmul written out: promote vectors, broadcast batches, triple loop, drop added axes. */
    private static Tensor naiveMatmul(Tensor a, Tensor b) {
        int[] sa = a.shape();
        int[] sb = b.shape();
        Tensor a2 = sa.length == 1 ? a.reshape(1, sa[0]) : a;
        Tensor b2 = sb.length == 1 ? b.reshape(sb[0], 1) : b;
        int[] ma = a2.shape();
        int[] mb = b2.shape();
        int m = ma[ma.length - 2];
        int k = ma[ma.length - 1];
        int n = mb[mb.length - 1];
        int[] batchA = Arrays.copyOf(ma, ma.length - 2);
        int[] batchB = Arrays.copyOf(mb, mb.length - 2);
        int[] batch = naiveBroadcast(batchA, batchB);
        int count = ShapeRules.size(batch);
        double[] out = new double[count * m * n];
        for (int c = 0; c < count; c++) {
            int[] bi = unravel(c, batch);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a2.get(batchIndex(bi, batchA, i, p)) * b2.get(batchIndex(bi, batchB, p, j));
                    }
                    out[(c * m + i) * n + j] = s;
                }
            }
        }
        List<Integer> shape = new ArrayList<>();
        for (int d : batch) {
            shape.add(d);
        }
        if (sa.length > 1) {
            shape.add(m);
        }
        if (sb.length > 1) {
            shape.add(n);
        }
        return Tensor.of(out, shape.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int[] batchIndex(int[] fullBatchIndex, int[] ownBatch, int row, int col) {
        int[] idx = new int[ownBatch.length + 2];
        int offset = fullBatchIndex.length - ownBatch.length;
        for (int i = 0; i < ownBatch.length; i++) {
            idx[i] = ownBatch[i] == 1 ? 0 : fullBatchIndex[i + offset];
        }
        idx[ownBatch.length] = row;
        idx[ownBatch.length + 1] = col;
        return idx;
    }
}
