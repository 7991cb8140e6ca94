package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * A validated data matrix {@code [N, D]}: at least one row and one column, rectangular, every
 * value finite. Held twice, row-major in {@code values} and column by column in {@code byColumn}
 * ({@code [D, N]}, for the chunk kernels' loops over rows); neither is written after construction.
 */
final class GmmData {

    final double[] values;
    final double[] byColumn;
    final int rows;
    final int columns;

    private GmmData(double[] values, int rows, int columns) {
        this.values = values;
        this.rows = rows;
        this.columns = columns;
        this.byColumn = new double[values.length];
        for (int n = 0; n < rows; n++) {
            for (int d = 0; d < columns; d++) {
                byColumn[d * rows + n] = values[n * columns + d];
            }
        }
    }

    /** Validates and copies {@code data}, naming it {@code argument} in errors. */
    static GmmData of(String argument, double[][] data) {
        if (data == null) {
            throw new IllegalArgumentException(argument + " must not be null");
        }
        if (data.length == 0) {
            throw new IllegalArgumentException(argument + " must have at least 1 row, got 0");
        }
        for (int n = 0; n < data.length; n++) {
            if (data[n] == null) {
                throw new IllegalArgumentException(argument + " row " + n + " must not be null");
            }
        }
        int d = data[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(argument + " must have at least 1 column, got 0");
        }
        double[] values = new double[data.length * d];
        for (int n = 0; n < data.length; n++) {
            if (data[n].length != d) {
                throw new IllegalArgumentException(argument + " row " + n + " has " + data[n].length
                        + " columns, expected " + d + " (the length of row 0)");
            }
            System.arraycopy(data[n], 0, values, n * d, d);
        }
        return checked(argument, values, data.length, d);
    }

    /** Validates and copies a matrix tensor {@code [N, D]}. */
    static GmmData of(String argument, Tensor data) {
        if (data == null) {
            throw new IllegalArgumentException(argument + " must not be null");
        }
        int[] shape = data.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(argument + " must be a matrix of shape [N, D], got shape " + Arrays.toString(shape));
        }
        if (shape[0] == 0) {
            throw new IllegalArgumentException(argument + " must have at least 1 row, got 0");
        }
        if (shape[1] == 0) {
            throw new IllegalArgumentException(argument + " must have at least 1 column, got 0");
        }
        return checked(argument, data.toArray(), shape[0], shape[1]);
    }

    /** Validates row-major {@code values} of {@code rows × columns} (not copied: the caller gives up the array). */
    static GmmData rowMajor(String argument, double[] values, int rows, int columns) {
        if (values.length != (long) rows * columns) {
            throw new IllegalArgumentException(argument + " has " + values.length + " values, expected rows (" + rows
                    + ") x columns (" + columns + ")");
        }
        return checked(argument, values, rows, columns);
    }

    private static GmmData checked(String argument, double[] values, int rows, int columns) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(argument + "[" + i / columns + "][" + i % columns + "] must be finite, got "
                        + values[i]);
            }
        }
        return new GmmData(values, rows, columns);
    }

    /** Throws unless this data has {@code expected} columns (the dimension the mixture was fit on). */
    GmmData requireColumns(String argument, int expected) {
        if (columns != expected) {
            throw new IllegalArgumentException(argument + " has " + columns + " columns, the mixture was fit on " + expected);
        }
        return this;
    }

    /** The column means {@code x̄_d = (1/N) Σ_n x_nd}. */
    double[] columnMeans() {
        double[] mean = new double[columns];
        for (int n = 0; n < rows; n++) {
            for (int d = 0; d < columns; d++) {
                mean[d] += values[n * columns + d];
            }
        }
        for (int d = 0; d < columns; d++) {
            mean[d] /= rows;
        }
        return mean;
    }

    /**
     * The sample covariance {@code (1/(N-1)) Σ_n (x_n - x̄)(x_n - x̄)ᵀ}, row-major {@code D×D}, as
     * {@code numpy.cov(X.T)}; needs {@code N >= 2}.
     */
    double[] sampleCovariance() {
        double[] mean = columnMeans();
        double[] cov = new double[columns * columns];
        double[] dev = new double[columns];
        for (int n = 0; n < rows; n++) {
            for (int d = 0; d < columns; d++) {
                dev[d] = values[n * columns + d] - mean[d];
            }
            for (int i = 0; i < columns; i++) {
                for (int j = 0; j <= i; j++) {
                    cov[i * columns + j] += dev[i] * dev[j];
                }
            }
        }
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i * columns + j] /= rows - 1;
                cov[j * columns + i] = cov[i * columns + j];
            }
        }
        return cov;
    }

    /** A 64-bit FNV-1a hash of the shape and the bits of every value, for a result's provenance. */
    long hash() {
        long h = 0xcbf29ce484222325L;
        h = (h ^ rows) * 0x100000001b3L;
        h = (h ^ columns) * 0x100000001b3L;
        for (double v : values) {
            h = (h ^ Double.doubleToLongBits(v)) * 0x100000001b3L;
        }
        return h;
    }
}
