package io.github.elbo4j.tensor;

import java.util.Arrays;

/** Shape rules of reshape, squeeze and unsqueeze (the data is shared, never copied). */
final class Reshape {

    private Reshape() {
    }

    /** The target shape with a single -1 inferred; the element count must be preserved. */
    static int[] resolve(int[] from, int[] to) {
        int n = ShapeRules.size(from);
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < to.length; i++) {
            if (to[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape " + Arrays.toString(to) + " has more than one -1");
                }
                inferred = i;
            } else if (to[i] < 0) {
                throw new IllegalArgumentException("reshape dimensions must be >= 0 or -1, got " + Arrays.toString(to));
            } else {
                known *= to[i];
            }
        }
        int[] out = to.clone();
        if (inferred >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + Arrays.toString(from) + " to " + Arrays.toString(to));
            }
            out[inferred] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(from) + " (" + n + " elements) to "
                    + Arrays.toString(to) + " (" + known + " elements)");
        }
        return out;
    }

    static int[] unsqueeze(int[] shape, int axis) {
        int a = ShapeRules.axis(axis, shape.length + 1);
        int[] out = new int[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == a ? 1 : shape[j++];
        }
        return out;
    }

    static int[] squeeze(int[] shape, int axis) {
        int a = ShapeRules.axis(axis, shape.length);
        if (shape[a] != 1) {
            throw new IllegalArgumentException("cannot squeeze axis " + axis + " of size " + shape[a] + " in " + Arrays.toString(shape));
        }
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != a) {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
