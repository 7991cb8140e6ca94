package io.github.elbo4j.tensor;

import java.util.Arrays;

/**
 * The static factories of {@link Tensor}, called as {@code Tensor.of(...)}, {@code Tensor.zeros(...)}
 * and so on (a class inherits its superclass's static methods); kept apart so that {@code Tensor}
 * holds the operations and this file the ways to make one.
 */
abstract sealed class TensorFactories permits Tensor {

    TensorFactories() {
    }

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
}
