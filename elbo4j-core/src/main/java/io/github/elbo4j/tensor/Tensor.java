package io.github.elbo4j.tensor;

import io.github.elbo4j.tensor.BinaryKernel.Op;
import io.github.elbo4j.tensor.ReductionKernel.Rule;
import java.util.Arrays;

/**
 * An immutable dense array of doubles with a shape, stored row-major. Element-wise operations
 * follow NumPy's broadcasting rules (https://numpy.org/doc/stable/user/basics.broadcasting.html);
 * every operation returns a new tensor. The scalar shape is {@code []}. One idea in one file: the
 * value, how to make one, and its operations (the kernels behind them live in their own classes).
 */
public final class Tensor {

    private final double[] data;
    private final int[] shape;

    /** Wraps without copying; callers inside the package hand over ownership of both arrays. */
    Tensor(double[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---- making one ---------------------------------------------------------------------------

    /** A one-dimensional tensor holding a copy of {@code values}. */
    public static Tensor of(double... values) {
        return new Tensor(values.clone(), new int[] {values.length});
    }

    /** A tensor of the given shape holding a copy of {@code values} in row-major order. */
    public static Tensor of(double[] values, int... shape) {
        int n = ShapeRules.size(shape);
        if (n != values.length) {
            throw new IllegalArgumentException("Tensor has " + values.length + " values but shape "
                    + Arrays.toString(shape) + " needs " + n);
        }
        return new Tensor(values.clone(), shape.clone());
    }

    /** A matrix from rows of equal length. */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] d = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has length " + rows[i].length + ", expected " + cols);
            }
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return new Tensor(d, new int[] {rows.length, cols});
    }

    /** A rank-0 tensor. */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, ShapeRules.SCALAR);
    }

    /** All zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new double[ShapeRules.size(shape)], shape.clone());
    }

    /** All ones. */
    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /** Every element equal to {@code value}. */
    public static Tensor full(double value, int... shape) {
        double[] d = new double[ShapeRules.size(shape)];
        Arrays.fill(d, value);
        return new Tensor(d, shape.clone());
    }

    /** {@code start, start + step, ...} while below {@code stop} (above, for a negative step). */
    public static Tensor arange(double start, double stop, double step) {
        if (step == 0 || !Double.isFinite(step)) {
            throw new IllegalArgumentException("arange step must be finite and non-zero, got " + step);
        }
        if (!Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new IllegalArgumentException("arange bounds must be finite, got start " + start + " and stop " + stop);
        }
        double count = Math.ceil((stop - start) / step);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arange(" + start + ", " + stop + ", " + step + ") has more than 2^31-1 elements");
        }
        int n = (int) Math.max(0, count);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return new Tensor(d, new int[] {n});
    }

    /** {@code 0, 1, ..., n - 1}. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** {@code n} evenly spaced points from {@code start} to {@code stop} inclusive. */
    public static Tensor linspace(double start, double stop, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("linspace count must be >= 1, got " + n);
        }
        double[] d = new double[n];
        double step = n == 1 ? 0 : (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        d[n - 1] = n == 1 ? start : stop;
        return new Tensor(d, new int[] {n});
    }

    /** The {@code n×n} identity matrix. */
    public static Tensor eye(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("eye size must be >= 0, got " + n);
        }
        double[] d = new double[ShapeRules.size(new int[] {n, n})];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1.0;
        }
        return new Tensor(d, new int[] {n, n});
    }

    /** {@code condition != 0 ? a : b}, element-wise with broadcasting of all three. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Comparison.where(condition, a, b);
    }

    /** Joins tensors along an existing axis. */
    public static Tensor concat(int axis, Tensor... parts) {
        return Joining.concat(axis, parts);
    }

    /** Joins tensors of equal shape along a new axis. */
    public static Tensor stack(int axis, Tensor... parts) {
        return Joining.stack(axis, parts);
    }

    // ---- access -----------------------------------------------------------------------------

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of one axis (negative axes count from the end). */
    public int dim(int axis) {
        return shape[ShapeRules.axis(axis, shape.length)];
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The only element of a one-element tensor. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() needs exactly one element, shape is " + Arrays.toString(shape));
        }
        return data[0];
    }

    /** The element at a full multi-index. */
    public double get(int... index) {
        return data[IndexKernel.flat(shape, index)];
    }

    /** The elements in row-major order (a copy). */
    public double[] toArray() {
        return data.clone();
    }

    /** True when every element is finite (no NaN, no infinity). */
    public boolean allFinite() {
        return ElementScan.allFinite(data);
    }

    /** True when some element is NaN (a plain loop, cheaper than {@link #allMatch} with a lambda on hot paths). */
    public boolean anyNaN() {
        return ElementScan.anyNaN(data);
    }

    /** True when {@code test} holds for every element (one pass, no allocation). */
    public boolean allMatch(java.util.function.DoublePredicate test) {
        return ElementScan.allMatch(data, test);
    }

    /** The backing array, not copied: package kernels read it and never write it. */
    double[] dataView() {
        return data;
    }

    int[] shapeView() {
        return shape;
    }

    // ---- element-wise arithmetic (broadcasting) ------------------------------------------

    /** {@code this + other}. */
    public Tensor add(Tensor other) {
        return BinaryKernel.apply(Op.ADD, this, other);
    }

    /** {@code this + c}. */
    public Tensor add(double c) {
        return BinaryKernel.apply(Op.ADD, this, c);
    }

    /** {@code this - other}. */
    public Tensor sub(Tensor other) {
        return BinaryKernel.apply(Op.SUB, this, other);
    }

    /** {@code this - c}. */
    public Tensor sub(double c) {
        return BinaryKernel.apply(Op.SUB, this, c);
    }

    /** {@code c - this}. */
    public Tensor rsub(double c) {
        return BinaryKernel.apply(Op.SUB, c, this);
    }

    /** {@code this * other}. */
    public Tensor mul(Tensor other) {
        return BinaryKernel.apply(Op.MUL, this, other);
    }

    /** {@code this * c}. */
    public Tensor mul(double c) {
        return BinaryKernel.apply(Op.MUL, this, c);
    }

    /** {@code this / other}. */
    public Tensor div(Tensor other) {
        return BinaryKernel.apply(Op.DIV, this, other);
    }

    /** {@code this / c}. */
    public Tensor div(double c) {
        return BinaryKernel.apply(Op.DIV, this, c);
    }

    /** {@code c / this}. */
    public Tensor rdiv(double c) {
        return BinaryKernel.apply(Op.DIV, c, this);
    }

    /** {@code this ^ other} ({@link Math#pow}). */
    public Tensor pow(Tensor other) {
        return BinaryKernel.apply(Op.POW, this, other);
    }

    /** {@code this ^ c} ({@link Math#pow}). */
    public Tensor pow(double c) {
        return BinaryKernel.apply(Op.POW, this, c);
    }

    /** Element-wise maximum (NaN propagates). */
    public Tensor maximum(Tensor other) {
        return BinaryKernel.apply(Op.MAX, this, other);
    }

    /** Element-wise minimum (NaN propagates). */
    public Tensor minimum(Tensor other) {
        return BinaryKernel.apply(Op.MIN, this, other);
    }

    // ---- element-wise functions -------------------------------------------------------------

    /** Applies an element-wise function; see {@link ElementwiseFunction} for the formulas. */
    public Tensor apply(ElementwiseFunction f) {
        return UnaryKernel.apply(f, this);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return apply(ElementwiseFunction.NEG);
    }

    /** {@code e^this}. */
    public Tensor exp() {
        return apply(ElementwiseFunction.EXP);
    }

    /** Natural logarithm ({@code -∞} at 0, NaN below). */
    public Tensor log() {
        return apply(ElementwiseFunction.LOG);
    }

    /** Square root. */
    public Tensor sqrt() {
        return apply(ElementwiseFunction.SQRT);
    }

    /** {@code this²}. */
    public Tensor square() {
        return apply(ElementwiseFunction.SQUARE);
    }

    /** Applies any scalar function element-wise (not differentiable; for plots and reports). */
    public Tensor map(java.util.function.DoubleUnaryOperator f) {
        return new Tensor(UnaryKernel.map(f, data), shape);
    }

    // ---- comparisons ----------------------------------------------------------------------

    /** 1 where {@code this > other}, else 0 (broadcasting). */
    public Tensor gt(Tensor other) {
        return Comparison.GT.apply(this, other);
    }

    /** 1 where {@code this < other}, else 0 (broadcasting). */
    public Tensor lt(Tensor other) {
        return Comparison.LT.apply(this, other);
    }

    /** 1 where {@code this >= other}, else 0 (broadcasting). */
    public Tensor ge(Tensor other) {
        return Comparison.GE.apply(this, other);
    }

    /** 1 where {@code this <= other}, else 0 (broadcasting). */
    public Tensor le(Tensor other) {
        return Comparison.LE.apply(this, other);
    }

    /** 1 where {@code this == other}, else 0 (broadcasting). */
    public Tensor eq(Tensor other) {
        return Comparison.EQ.apply(this, other);
    }

    // ---- reductions -----------------------------------------------------------------------

    /** Sum over {@code axes} (all axes when none are given); reduced axes are removed. */
    public Tensor sum(int... axes) {
        int[] ax = ShapeRules.axes(axes, shape.length);
        return new Tensor(ReductionKernel.sum(data, shape, ax), ShapeRules.reduced(shape, ax, false));
    }

    /** Mean over {@code axes} (all axes when none are given). */
    public Tensor mean(int... axes) {
        Tensor s = sum(axes);
        return s.div(s.size() == 0 ? 0 : (double) data.length / s.size());
    }

    /** Product over {@code axes} (all axes when none are given). */
    public Tensor prod(int... axes) {
        return reduce(Rule.PROD, axes);
    }

    /** Maximum over {@code axes} (all axes when none are given); NaN propagates. */
    public Tensor max(int... axes) {
        return reduce(Rule.MAX, axes);
    }

    /** Minimum over {@code axes} (all axes when none are given); NaN propagates. */
    public Tensor min(int... axes) {
        return reduce(Rule.MIN, axes);
    }

    /**
     * {@code log Σ exp(x)} over {@code axes}, computed as {@code m + log Σ exp(x - m)} with
     * {@code m} the maximum (0 where the maximum is infinite, so all-{@code -∞} gives {@code -∞}).
     */
    public Tensor logSumExp(int... axes) {
        int[] ax = ShapeRules.axes(axes, shape.length);
        Tensor shift = new Tensor(ReductionKernel.finiteMax(data, shape, ax), ShapeRules.reduced(shape, ax, true));
        Tensor s = sub(shift).exp().sum(axes).log();
        return s.add(shift.reshape(s.shape));
    }

    /**
     * The running sum along {@code axis}: {@code out[.., k, ..] = Σ_{j <= k} this[.., j, ..]}
     * (NumPy's {@code cumsum}); the shape is unchanged.
     */
    public Tensor cumsum(int axis) {
        return new Tensor(CumulativeKernel.cumsum(data, shape, ShapeRules.axis(axis, shape.length)), shape);
    }

    private Tensor reduce(Rule rule, int[] axes) {
        int[] ax = ShapeRules.axes(axes, shape.length);
        return new Tensor(ReductionKernel.reduce(data, shape, ax, rule), ShapeRules.reduced(shape, ax, false));
    }

    // ---- shape ------------------------------------------------------------------------------

    /** The same elements in a new shape; one dimension may be -1 (inferred). */
    public Tensor reshape(int... newShape) {
        return new Tensor(data, Reshape.resolve(shape, newShape));
    }

    /** Swaps the last two axes (a matrix transpose, batched over leading axes). */
    public Tensor transpose() {
        return permute(LayoutKernel.lastTwoSwapped(shape));
    }

    /** Reorders axes: axis {@code k} of the result is axis {@code perm[k]} of this tensor. */
    public Tensor permute(int... perm) {
        int[] p = LayoutKernel.permutation(perm, shape.length);
        return new Tensor(LayoutKernel.permute(data, shape, p), LayoutKernel.permuted(shape, p));
    }

    /** Broadcasts to {@code target} (NumPy rules), materializing the repeated elements. */
    public Tensor broadcastTo(int... target) {
        ShapeRules.requireBroadcastsTo(shape, target);
        return new Tensor(BroadcastKernel.expand(data, shape, target), target.clone());
    }

    /**
     * Sums over the axes that broadcasting added, the inverse of {@link #broadcastTo}: the
     * result has shape {@code target}, which must broadcast to this tensor's shape.
     */
    public Tensor sumTo(int... target) {
        if (Arrays.equals(shape, target)) {
            return this;
        }
        if (!ShapeRules.broadcastsTo(target, shape)) {
            throw new IllegalArgumentException("cannot sum " + Arrays.toString(shape) + " down to " + Arrays.toString(target));
        }
        return new Tensor(BroadcastKernel.sumTo(data, shape, target), target.clone());
    }

    /** {@link #sumTo} the shape of {@code like}: reduces a broadcast gradient to an operand's shape. */
    public Tensor sumToShapeOf(Tensor like) {
        return Arrays.equals(shape, like.shape) ? this : sumTo(like.shape);
    }

    /** True when both tensors have the same shape. */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** Inserts an axis of size 1 at {@code axis} (in {@code [-rank-1, rank]}). */
    public Tensor unsqueeze(int axis) {
        return new Tensor(data, Reshape.unsqueeze(shape, axis));
    }

    /** Removes the axis {@code axis}, which must have size 1. */
    public Tensor squeeze(int axis) {
        return new Tensor(data, Reshape.squeeze(shape, axis));
    }

    // ---- indexing ---------------------------------------------------------------------------

    /** Elements {@code start <= k < end} along {@code axis}. */
    public Tensor slice(int axis, int start, int end) {
        int a = ShapeRules.axis(axis, shape.length);
        return new Tensor(IndexKernel.slice(data, shape, a, start, end), resized(a, end - start));
    }

    /** {@code out[.., k, ..] = this[.., index[k], ..]} along {@code axis}. */
    public Tensor indexSelect(int axis, int... index) {
        int a = ShapeRules.axis(axis, shape.length);
        return new Tensor(IndexKernel.select(data, shape, a, index), resized(a, index.length));
    }

    /** Adjoint of {@link #indexSelect}: {@code out[.., index[k], ..] += this[.., k, ..]}, {@code size} along {@code axis}. */
    public Tensor indexAdd(int axis, int[] index, int size) {
        int a = ShapeRules.axis(axis, shape.length);
        return new Tensor(IndexKernel.indexAdd(data, shape, a, index, size), resized(a, size));
    }

    /** Element-wise gather along {@code axis} (as {@code torch.gather}); the result has {@code index}'s shape. */
    public Tensor gather(int axis, Index index) {
        int a = ShapeRules.axis(axis, shape.length);
        return new Tensor(IndexKernel.gather(data, shape, a, index), index.shape());
    }

    /** Adjoint of {@link #gather}: adds each element at its indexed position; {@code size} along {@code axis}. */
    public Tensor scatterAdd(int axis, Index index, int size) {
        int a = ShapeRules.axis(axis, shape.length);
        return new Tensor(IndexKernel.scatterAdd(data, shape, a, index, size), resized(a, size));
    }

    /** This shape with axis {@code a} of size {@code size}. */
    private int[] resized(int a, int size) {
        int[] s = shape.clone();
        s[a] = size;
        return s;
    }

    // ---- linear algebra ---------------------------------------------------------------------

    /** Batched matrix product (NumPy {@code matmul} rules), through BLAS {@code dgemm}. */
    public Tensor matmul(Tensor other) {
        return MatrixProduct.matmul(this, other);
    }

    /** Outer product of two vectors: {@code out[i, j] = this[i] * other[j]}. */
    public Tensor outer(Tensor other) {
        return MatrixProduct.outer(this, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
