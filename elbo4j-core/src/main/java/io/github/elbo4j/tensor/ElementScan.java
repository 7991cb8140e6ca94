package io.github.elbo4j.tensor;

import java.util.function.DoublePredicate;

/** One-pass tests over a tensor's elements: plain loops, no allocation (they run on hot paths). */
final class ElementScan {

    private ElementScan() {
    }

    static boolean allFinite(double[] data) {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static boolean anyNaN(double[] data) {
        for (double v : data) {
            if (v != v) {
                return true;
            }
        }
        return false;
    }

    static boolean allMatch(double[] data, DoublePredicate test) {
        for (double v : data) {
            if (!test.test(v)) {
                return false;
            }
        }
        return true;
    }
}
