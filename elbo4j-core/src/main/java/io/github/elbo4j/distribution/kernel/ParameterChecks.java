package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.tensor.Tensor;
import java.util.function.DoublePredicate;

/**
 * Validation of distribution parameters at construction, with messages that name the
 * distribution, the parameter, the offending value and the rule:
 * {@code Normal scale must be > 0, got -1.0}.
 */
public final class ParameterChecks {

    private ParameterChecks() {
    }

    public static void check(String distribution, String parameter, Tensor value, DoublePredicate ok, String rule) {
        if (value.allMatch(ok)) {
            return;
        }
        double[] v = value.toArray();
        for (double x : v) {
            if (!ok.test(x)) {
                throw new IllegalArgumentException(distribution + " " + parameter + " must be " + rule + ", got " + x);
            }
        }
    }

    /** Every element finite and {@code > 0}. */
    public static void positive(String distribution, String parameter, Tensor value) {
        check(distribution, parameter, value, x -> x > 0 && x < Double.POSITIVE_INFINITY, "> 0");
    }

    /** Every element finite. */
    public static void finite(String distribution, String parameter, Tensor value) {
        if (value.allFinite()) {                 // a plain loop: this check runs on every SVI step
            return;
        }
        check(distribution, parameter, value, Double::isFinite, "finite");
    }

    /** Every element in {@code [0, 1]}. */
    public static void probability(String distribution, String parameter, Tensor value) {
        check(distribution, parameter, value, x -> x >= 0 && x <= 1, "in [0, 1]");
    }
}
