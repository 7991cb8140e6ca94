package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The data of a {@link LinearRegressionVi} fit, validated, with its sufficient statistics
 * {@code XᵀX}, {@code Xᵀy} and {@code yᵀy}: everything the sweeps and the bound read of the data.
 *
 * @param gramValues {@code XᵀX} row-major, for the traces {@code tr(XᵀX S)}
 */
record LinearRegressionData(Tensor x, Tensor y, int n, int m, Tensor gram, double[] gramValues, Tensor xty, double yy) {

    private static final String NAME = "LinearRegressionVi";

    /**
     * Validates {@code x} ({@code [N, M]}, {@code N, M >= 1}, finite) and {@code y} ({@code [N]},
     * finite) and computes the statistics.
     *
     * @throws IllegalArgumentException naming the argument, the value and the rule, or if
     *     {@code XᵀX}, {@code Xᵀy} or {@code yᵀy} overflows
     */
    static LinearRegressionData of(Tensor x, Tensor y) {
        int[] sx = x.shape();
        if (sx.length != 2) {
            throw new IllegalArgumentException(NAME + " x must be a matrix [N, M], got shape " + Arrays.toString(sx));
        }
        if (sx[0] == 0 || sx[1] == 0) {
            throw new IllegalArgumentException(NAME + " x must have at least one row and one column, got shape "
                    + Arrays.toString(sx));
        }
        if (!Arrays.equals(y.shape(), new int[] {sx[0]})) {
            throw new IllegalArgumentException(NAME + " y must have shape [" + sx[0] + "] to match x "
                    + Arrays.toString(sx) + ", got " + Arrays.toString(y.shape()));
        }
        requireFinite(NAME, "x", x);
        requireFinite(NAME, "y", y);
        Tensor xt = x.transpose();
        Tensor gram = xt.matmul(x);
        Tensor xty = xt.matmul(y);
        double yy = squaredNorm(y.toArray());
        if (!gram.allFinite() || !xty.allFinite() || !Double.isFinite(yy)) {
            throw new IllegalArgumentException(NAME + " x and y must have finite products XᵀX, Xᵀy and yᵀy, got"
                    + " an overflow (rescale the data)");
        }
        return new LinearRegressionData(x, y, sx[0], sx[1], gram, gram.toArray(), xty, yy);
    }

    /** Throws naming the first non-finite entry of a vector or matrix, e.g. {@code x[2, 0]}. */
    static void requireFinite(String owner, String name, Tensor t) {
        double[] v = t.toArray();
        int cols = t.rank() == 2 ? t.dim(1) : v.length;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                String index = t.rank() == 2 ? (i / cols) + ", " + (i % cols) : Integer.toString(i);
                throw new IllegalArgumentException(owner + " " + name + "[" + index + "] must be finite, got " + v[i]);
            }
        }
    }

    /** {@code ‖v‖² = Σ_i v_i²}. */
    static double squaredNorm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s;
    }
}
