package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/**
 * Comparison of tensors with a stated tolerance. Exact comparisons use {@link Tensor#equals}
 * (same shape, same bits up to NaN); this class is for arithmetic whose rounding may differ
 * from the reference by a few ulps.
 */
final class TensorAsserts {

    private TensorAsserts() {
    }

    /**
     * Same shape, and every element within {@code relTol · max(1, |expected|)} of the expected
     * one; NaN matches NaN and an infinity matches the same infinity only.
     */
    static void assertClose(Tensor actual, Tensor expected, double relTol) {
        assertThat(actual.shape()).as("shape").containsExactly(expected.shape());
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i])) {
                assertThat(Double.isNaN(a[i])).as("element %d is %s, expected NaN", i, a[i]).isTrue();
            } else if (Double.isInfinite(e[i])) {
                assertThat(a[i]).as("element %d of %s", i, Arrays.toString(expected.shape())).isEqualTo(e[i]);
            } else {
                double bound = relTol * Math.max(1.0, Math.abs(e[i]));
                assertThat(Math.abs(a[i] - e[i])).as("|%s - %s| at element %d (bound %s)", a[i], e[i], i, bound)
                        .isLessThanOrEqualTo(bound);
            }
        }
    }
}
