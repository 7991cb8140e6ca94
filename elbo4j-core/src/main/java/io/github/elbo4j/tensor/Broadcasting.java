package io.github.elbo4j.tensor;

/** The NumPy broadcasting rule on shapes, for code that needs result shapes before computing. */
public final class Broadcasting {

    private Broadcasting() {
    }

    /**
     * The broadcast of several shapes: trailing dimensions are aligned and each must equal the
     * others or be 1 (https://numpy.org/doc/stable/user/basics.broadcasting.html).
     *
     * @throws IllegalArgumentException naming both shapes when two do not broadcast
     */
    public static int[] shape(int[]... shapes) {
        int[] out = ShapeRules.SCALAR;
        for (int[] s : shapes) {
            out = ShapeRules.broadcast(out, s);
        }
        return out.clone();
    }

    /** Number of elements of a shape. */
    public static int size(int... shape) {
        return ShapeRules.size(shape);
    }

    /** {@code a} followed by {@code b}. */
    public static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
