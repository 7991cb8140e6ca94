package io.github.elbo4j.tensor;

/**
 * The running (inclusive) sum along one axis. A tensor of shape {@code [outer, n, inner]}
 * (collapsing the axes before and after {@code axis}, as {@link IndexKernel} does) is summed
 * block by block: row {@code k} of the result is row {@code k - 1} of the result plus row
 * {@code k} of the input, so each element costs one addition and the inner loop is contiguous.
 */
final class CumulativeKernel {

    private CumulativeKernel() {
    }

    /** {@code out[.., k, ..] = Σ_{j <= k} in[.., j, ..]} along {@code axis} (already normalized). */
    static double[] cumsum(double[] in, int[] shape, int axis) {
        int outer = IndexKernel.outer(shape, axis);
        int n = shape[axis];
        int inner = IndexKernel.inner(shape, axis);
        double[] out = new double[in.length];
        for (int o = 0; o < outer; o++) {
            int base = o * n * inner;
            for (int k = 0; k < n; k++) {
                int row = base + k * inner;
                if (k == 0) {
                    System.arraycopy(in, row, out, row, inner);
                } else {
                    for (int i = 0; i < inner; i++) {
                        out[row + i] = out[row - inner + i] + in[row + i];
                    }
                }
            }
        }
        return out;
    }
}
