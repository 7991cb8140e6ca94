package io.github.elbo4j.tensor;

/**
 * Reductions over a sorted set of axes. The output is laid out in the keep-dims shape (reduced
 * axes of size 1); callers reshape. Elements are combined in row-major input order, so results
 * are deterministic.
 */
final class ReductionKernel {

    /** Combining rule of a reduction other than the sum. */
    enum Rule {
        PROD(1.0), MAX(Double.NEGATIVE_INFINITY), MIN(Double.POSITIVE_INFINITY);

        final double identity;

        Rule(double identity) {
            this.identity = identity;
        }
    }

    private ReductionKernel() {
    }

    /** Sum over {@code axes} (sorted, distinct, non-negative). */
    static double[] sum(double[] in, int[] shape, int[] axes) {
        int[] kept = ShapeRules.reduced(shape, axes, true);
        double[] out = new double[ShapeRules.size(kept)];
        if (in.length == 0) {
            return out;
        }
        if (axes.length == shape.length) {
            double s = 0;
            for (double v : in) {
                s += v;
            }
            out[0] = s;
            return out;
        }
        int rank = shape.length;
        int[] outStride = outputStrides(shape, axes, kept);
        int inner = shape[rank - 1];
        boolean innerReduced = outStride[rank - 1] == 0;
        int[] index = new int[rank];
        int base = 0;
        for (int i = 0; i < in.length; i += inner) {
            if (innerReduced) {
                double s = 0;
                for (int j = 0; j < inner; j++) {
                    s += in[i + j];
                }
                out[base] += s;
            } else {
                for (int j = 0; j < inner; j++) {
                    out[base + j] += in[i + j];
                }
            }
            base = advance(index, shape, outStride, base);
        }
        return out;
    }

    /** Product, maximum or minimum over {@code axes} (sorted, distinct, non-negative). */
    /** The maximum over {@code axes} (kept as size-1 axes' data), with infinite maxima replaced by 0: log-sum-exp's shift. */
    static double[] finiteMax(double[] in, int[] shape, int[] axes) {
        double[] m = reduce(in, shape, axes, Rule.MAX);
        for (int i = 0; i < m.length; i++) {
            m[i] = Double.isInfinite(m[i]) ? 0.0 : m[i];
        }
        return m;
    }

    static double[] reduce(double[] in, int[] shape, int[] axes, Rule rule) {
        int[] kept = ShapeRules.reduced(shape, axes, true);
        double[] out = new double[ShapeRules.size(kept)];
        java.util.Arrays.fill(out, rule.identity);
        if (in.length == 0) {
            return out;
        }
        int rank = shape.length;
        int[] outStride = rank == 0 ? new int[0] : outputStrides(shape, axes, kept);
        int inner = rank == 0 ? 1 : shape[rank - 1];
        int step = rank == 0 ? 0 : outStride[rank - 1];
        int[] index = new int[rank];
        int base = 0;
        for (int i = 0; i < in.length; i += inner) {
            for (int j = 0; j < inner; j++) {
                int o = base + j * step;
                out[o] = combine(rule, out[o], in[i + j]);
            }
            if (rank > 0) {
                base = advance(index, shape, outStride, base);
            }
        }
        return out;
    }

    private static double combine(Rule rule, double acc, double x) {
        switch (rule) {
            case PROD:
                return acc * x;
            case MAX:
                return Double.isNaN(x) || x > acc ? x : acc;
            default:
                return Double.isNaN(x) || x < acc ? x : acc;
        }
    }

    /** Output strides aligned with the input, zero on reduced axes. */
    private static int[] outputStrides(int[] shape, int[] axes, int[] kept) {
        int[] s = ShapeRules.strides(kept);
        for (int a : axes) {
            s[a] = 0;
        }
        return s;
    }

    /** Steps the odometer over all but the innermost axis; returns the new output offset. */
    private static int advance(int[] index, int[] shape, int[] outStride, int base) {
        for (int d = shape.length - 2; d >= 0; d--) {
            index[d]++;
            base += outStride[d];
            if (index[d] < shape[d]) {
                return base;
            }
            base -= outStride[d] * shape[d];
            index[d] = 0;
        }
        return base;
    }
}
