package io.github.elbo4j.transform;

import java.util.Arrays;

/**
 * Splitting a shape into batch axes (leading) and event axes (trailing, one point of a set), and
 * replacing the event part: the shape arithmetic of bijectors that act on vectors or matrices.
 */
final class EventShape {

    private EventShape() {
    }

    /**
     * The leading axes of {@code shape} before its trailing {@code eventRank} axes.
     *
     * @throws IllegalArgumentException naming {@code who} when the shape has fewer axes than an event
     */
    static int[] batch(String who, int[] shape, int eventRank) {
        if (shape.length < eventRank) {
            throw new IllegalArgumentException(who + " input must have rank >= " + eventRank
                    + ", got shape " + Arrays.toString(shape));
        }
        return Arrays.copyOf(shape, shape.length - eventRank);
    }

    /** {@code batch} followed by {@code event}. */
    static int[] join(int[] batch, int... event) {
        int[] out = Arrays.copyOf(batch, batch.length + event.length);
        System.arraycopy(event, 0, out, batch.length, event.length);
        return out;
    }

    /** The size of the last axis, which must exist. */
    static int last(String who, int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException(who + " input must have rank >= 1, got shape []");
        }
        return shape[shape.length - 1];
    }

    /** The side {@code n} of the square formed by the last two axes, which must exist and be equal. */
    static int square(String who, int[] shape) {
        if (shape.length < 2 || shape[shape.length - 1] != shape[shape.length - 2]) {
            throw new IllegalArgumentException(who + " input must end in two equal axes (n×n matrices), got shape "
                    + Arrays.toString(shape));
        }
        return shape[shape.length - 1];
    }

    /** {@code 0, 1, ..., n - 1} reversed: the index that flips an axis of length {@code n}. */
    static int[] reversed(int n) {
        int[] r = new int[n];
        for (int k = 0; k < n; k++) {
            r[k] = n - 1 - k;
        }
        return r;
    }
}
