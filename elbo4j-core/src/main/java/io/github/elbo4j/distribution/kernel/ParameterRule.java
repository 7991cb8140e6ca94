package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.tensor.Tensor;
import java.util.function.DoublePredicate;

/**
 * The rule a distribution parameter obeys, as NumPyro's {@code arg_constraints} name them: the
 * closed set of rules that the families declare in their {@link ParameterTable}, each with the
 * words its error message uses ({@code Normal scale must be > 0, got -1.0}). Element rules test
 * every element; the matrix rules test every matrix of a batch ({@link MatrixParameterChecks});
 * {@link #DEPENDENT} marks a rule that depends on the other parameters, which the family states
 * and checks itself (NumPyro's {@code constraints.dependent}).
 */
public enum ParameterRule {

    /** Every element finite (NumPyro's {@code real}). */
    FINITE("finite", Double::isFinite),
    /** Every element finite and {@code > 0}. */
    POSITIVE("> 0", x -> x > 0 && x < Double.POSITIVE_INFINITY),
    /** Every element finite and {@code >= 0} (a rate, unnormalized probabilities). */
    NON_NEGATIVE("finite and >= 0", x -> x >= 0 && x < Double.POSITIVE_INFINITY),
    /** Every element in {@code [0, 1]}. */
    UNIT_INTERVAL("in [0, 1]", x -> x >= 0 && x <= 1),
    /** Every element in {@code (0, 1]}: a success must be possible. */
    POSITIVE_UNIT_INTERVAL("in (0, 1]", x -> x > 0 && x <= 1),
    /** Every element finite or {@code -∞} (an impossible category), as categorical logits. */
    EXTENDED_LOGITS("finite or -Infinity", x -> x < Double.POSITIVE_INFINITY),
    /**
     * Every element below {@code +∞} and not NaN: the same set as {@link #EXTENDED_LOGITS}, in the
     * words the mixture's logits have always used.
     */
    BELOW_INFINITY("< +∞", x -> x < Double.POSITIVE_INFINITY && !Double.isNaN(x)),
    /** Every element 0 or 1 (a mask). */
    ZERO_OR_ONE("0 or 1", x -> x == 0.0 || x == 1.0),
    /** Every element an integer in {@code [0, 2^31 - 1]} (a trial count). */
    COUNT("an integer in [0, 2147483647]", x -> x >= 0 && x <= Integer.MAX_VALUE && x == Math.rint(x)),
    /** An {@code int} argument {@code >= 0} (a total count given as a Java {@code int}). */
    NON_NEGATIVE_INT(">= 0", x -> x >= 0),
    /** Every matrix lower triangular with a positive diagonal (a Cholesky factor), entries finite. */
    LOWER_CHOLESKY("lower triangular with a positive diagonal", null),
    /** Every matrix symmetric positive definite, entries finite. */
    POSITIVE_DEFINITE("symmetric positive definite", null),
    /** A rule that depends on other parameters: the family checks it with words of its own. */
    DEPENDENT(null, null);

    private final String words;
    private final DoublePredicate test;

    ParameterRule(String words, DoublePredicate test) {
        this.words = words;
        this.test = test;
    }

    /** The rule as the error message says it, after "must be" (null for {@link #DEPENDENT}). */
    public String words() {
        return words;
    }

    /** True for the rules that test whole matrices rather than elements. */
    public boolean isMatrixRule() {
        return this == LOWER_CHOLESKY || this == POSITIVE_DEFINITE;
    }

    /**
     * Throws {@link IllegalArgumentException}
     * {@code "<distribution> <parameter> must be <words>, got <first offending value>"} unless the
     * value obeys the rule. Valid values pass in one plain loop (this runs on every SVI step).
     */
    void check(String distribution, String parameter, Tensor value) {
        switch (this) {
            case LOWER_CHOLESKY:
                MatrixParameterChecks.lowerCholesky(distribution, parameter, value);
                return;
            case POSITIVE_DEFINITE:
                MatrixParameterChecks.positiveDefinite(distribution, parameter, value);
                return;
            case DEPENDENT:
                throw new IllegalStateException(distribution + " " + parameter + " has a dependent rule: the family checks it");
            case FINITE:
                if (value.allFinite()) {
                    return;
                }
                break;
            default:
                if (value.allMatch(test)) {
                    return;
                }
        }
        for (double x : value.toArray()) {
            if (!test.test(x)) {
                throw violation(distribution, parameter, words, Double.toString(x));
            }
        }
    }

    /** As {@link #check(String, String, Tensor)} for an {@code int} argument (printed as an integer). */
    void check(String distribution, String parameter, int value) {
        if (isMatrixRule() || this == DEPENDENT) {
            throw new IllegalStateException(distribution + " " + parameter + " is not a scalar rule");
        }
        if (!test.test(value)) {
            throw violation(distribution, parameter, words, Integer.toString(value));
        }
    }

    /** The exception every parameter rule throws: {@code "<distribution> <parameter> must be <rule>, got <value>"}. */
    static IllegalArgumentException violation(String distribution, String parameter, String rule, String value) {
        return new IllegalArgumentException(distribution + " " + parameter + " must be " + rule + ", got " + value);
    }
}
