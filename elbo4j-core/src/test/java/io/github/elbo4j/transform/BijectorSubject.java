package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;

/**
 * A bijector under test, the shape of one point of its domain, how to draw domain points, and
 * the free coordinates of its domain (a chart: flat indices of one event and how to rebuild the
 * event from them) and of its codomain (flat indices of one output event). The index maps are
 * written out here, independently of the package's own {@code TriangularIndex}.
 */
record BijectorSubject(Bijector bijector, int[] eventShape, Points points, int[] freeInputs, Chart chart, int[] freeOutputs) {

    /** Draws domain points of a full (batch and event) shape. */
    interface Points {
        Tensor draw(Random rng, int[] shape);
    }

    /** Rebuilds one domain event from its free coordinates, differentiably. */
    interface Chart {
        Var embed(Var free);
    }

    /** A bijector on real events of the given shape, every coordinate free on both sides. */
    static BijectorSubject onReals(Bijector b, int... eventShape) {
        int in = size(eventShape);
        int out = size(b.forwardShape(eventShape));
        return new BijectorSubject(b, eventShape, uniform(-2, 2), first(in), free -> free.reshape(eventShape), first(out));
    }

    BijectorSubject withPoints(Points p) {
        return new BijectorSubject(bijector, eventShape, p, freeInputs, chart, freeOutputs);
    }

    BijectorSubject withChart(int[] free, Chart c) {
        return new BijectorSubject(bijector, eventShape, points, free, c, freeOutputs);
    }

    BijectorSubject withFreeOutputs(int[] free) {
        return new BijectorSubject(bijector, eventShape, points, freeInputs, chart, free);
    }

    /** A random batch shape (rank 0 to 2, sizes 1 to 3) followed by the event shape. */
    int[] shapeWithBatch(Random rng) {
        int[] batch = new int[rng.nextInt(3)];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = 1 + rng.nextInt(3);
        }
        return BijectorContract.join(batch, eventShape);
    }

    @Override
    public String toString() {
        return bijector + " on events " + java.util.Arrays.toString(eventShape);
    }

    // ---- points ---------------------------------------------------------------------------

    static Points uniform(double lo, double hi) {
        return (rng, shape) -> uniform(rng, lo, hi, shape);
    }

    static Tensor uniform(Random rng, double lo, double hi, int... shape) {
        double[] v = new double[size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Tensor.of(v, shape);
    }

    /** Lower-triangular matrices, diagonal in [0.5, 2], below it in [-1, 1]. */
    static Points lowerCholesky() {
        return (rng, shape) -> {
            int n = shape[shape.length - 1];
            Tensor lower = uniform(rng, -1, 1, shape).mul(strictLowerMask(n));
            return lower.add(uniform(rng, 0.5, 2, shape).mul(Tensor.eye(n)));
        };
    }

    /** Entries in [0.2, 1] divided by their sum along the last axis. */
    static Points simplex() {
        return (rng, shape) -> {
            Tensor t = uniform(rng, 0.2, 1, shape);
            return t.div(t.sum(-1).unsqueeze(-1));
        };
    }

    /** {@link #lowerCholesky} points with each row divided by its norm. */
    static Points corrCholesky() {
        return (rng, shape) -> {
            Tensor l = lowerCholesky().draw(rng, shape);
            return l.div(l.square().sum(-1).sqrt().unsqueeze(-1));
        };
    }

    /** {@code L Lᵀ} of {@link #lowerCholesky} points. */
    static Points positiveDefinite() {
        return (rng, shape) -> {
            Tensor l = lowerCholesky().draw(rng, shape);
            return l.matmul(l.transpose());
        };
    }

    // ---- free coordinates -----------------------------------------------------------------

    /** {@code 0, ..., count - 1}. */
    static int[] first(int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Row-major flat indices of {@code (i, j)}, {@code j <= i} ({@code j < i} when strict), in row order. */
    static int[] lowerTriangle(int n, boolean strict) {
        int[] out = new int[strict ? n * (n - 1) / 2 : n * (n + 1) / 2];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= (strict ? i - 1 : i); j++) {
                out[r++] = i * n + j;
            }
        }
        return out;
    }

    /** A lower-triangular {@code n×n} matrix from its lower entries in row order; zeros above. */
    static Chart lowerTriangular(int n) {
        return free -> fill(free, n, false, false);
    }

    /** A symmetric {@code n×n} matrix from its lower entries in row order. */
    static Chart symmetric(int n) {
        return free -> fill(free, n, false, true);
    }

    /** A simplex point from its first {@code K - 1} coordinates: {@code y_{K-1} = 1 - Σ y_k}. */
    static Chart simplexChart() {
        return free -> Var.concat(0, free, free.sum().rsub(1.0).reshape(1));
    }

    /**
     * A Cholesky factor of a correlation matrix from its strict lower entries in row order:
     * {@code L_ii = √(1 - Σ_{k<i} L_ik²)}.
     */
    static Chart corrCholeskyChart(int n) {
        return free -> {
            Var strict = fill(free, n, true, false);
            Var diagonal = strict.square().sum(-1).rsub(1.0).sqrt();
            return strict.add(diagonal.reshape(n, 1).mul(Tensor.eye(n)));
        };
    }

    private static Var fill(Var free, int n, boolean strict, boolean mirror) {
        int m = free.shape()[0];
        int[] map = new int[n * n];
        int r = 0;
        java.util.Arrays.fill(map, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= (strict ? i - 1 : i); j++) {
                map[i * n + j] = r;
                if (mirror) {
                    map[j * n + i] = r;
                }
                r++;
            }
        }
        return Var.concat(0, free, Var.constant(Tensor.zeros(1))).indexSelect(0, map).reshape(n, n);
    }

    private static Tensor strictLowerMask(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                d[i * n + j] = 1.0;
            }
        }
        return Tensor.of(d, n, n);
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
