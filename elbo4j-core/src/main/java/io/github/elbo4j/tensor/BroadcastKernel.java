package io.github.elbo4j.tensor;

/**
 * Materializes a broadcast (NumPy rules) and reduces a broadcast gradient back to its operand's
 * shape. Strides of broadcast dimensions are zero; the innermost dimension is copied in a block.
 */
final class BroadcastKernel {

    private BroadcastKernel() {
    }

    /** Source strides aligned to {@code target}'s rank, zero where the source dimension is 1. */
    static int[] alignedStrides(int[] source, int[] target) {
        int rank = target.length;
        int offset = rank - source.length;
        int[] own = ShapeRules.strides(source);
        int[] aligned = new int[rank];
        for (int i = 0; i < source.length; i++) {
            aligned[i + offset] = source[i] == 1 ? 0 : own[i];
        }
        return aligned;
    }

    /** Copies {@code source} (shape {@code from}) into a new array of shape {@code to}. */
    static double[] expand(double[] source, int[] from, int[] to) {
        int n = ShapeRules.size(to);
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        int rank = to.length;
        if (rank == 0 || source.length == 1) {
            java.util.Arrays.fill(out, source[0]);
            return out;
        }
        int[] stride = alignedStrides(from, to);
        int inner = to[rank - 1];
        boolean innerBroadcast = stride[rank - 1] == 0;
        int[] index = new int[rank];
        int base = 0;
        for (int o = 0; o < n; o += inner) {
            if (innerBroadcast) {
                java.util.Arrays.fill(out, o, o + inner, source[base]);
            } else {
                System.arraycopy(source, base, out, o, inner);
            }
            for (int d = rank - 2; d >= 0; d--) {
                index[d]++;
                base += stride[d];
                if (index[d] < to[d]) {
                    break;
                }
                base -= stride[d] * to[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /**
     * Sums {@code grad} (shape {@code from}) down to {@code to}, the shape of an operand that was
     * broadcast to {@code from}: leading extra axes and axes where {@code to} has 1 are summed.
     */
    static double[] sumTo(double[] grad, int[] from, int[] to) {
        int offset = from.length - to.length;
        int count = 0;
        int[] axes = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            if (i < offset || (to[i - offset] == 1 && from[i] != 1)) {
                axes[count++] = i;
            }
        }
        if (count == 0) {
            return grad;
        }
        return ReductionKernel.sum(grad, from, java.util.Arrays.copyOf(axes, count));
    }
}
