package io.github.elbo4j.tensor;

import java.util.Arrays;

/**
 * An immutable integer array with a shape, used as the index of {@link Tensor#gather} and
 * {@link Tensor#scatterAdd}.
 */
public final class Index {

    private final int[] values;
    private final int[] shape;

    private Index(int[] values, int[] shape) {
        this.values = values;
        this.shape = shape;
    }

    /** A one-dimensional index. */
    public static Index of(int... values) {
        return new Index(values.clone(), new int[] {values.length});
    }

    /** An index of the given shape holding {@code values} in row-major order. */
    public static Index of(int[] values, int... shape) {
        if (ShapeRules.size(shape) != values.length) {
            throw new IllegalArgumentException("Index has " + values.length + " values but shape "
                    + Arrays.toString(shape) + " needs " + ShapeRules.size(shape));
        }
        return new Index(values.clone(), shape.clone());
    }

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The values in row-major order (a copy). */
    public int[] values() {
        return values.clone();
    }

    int[] valuesView() {
        return values;
    }

    int[] shapeView() {
        return shape;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Index other && Arrays.equals(values, other.values) && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Index" + Arrays.toString(shape) + Arrays.toString(values);
    }
}
