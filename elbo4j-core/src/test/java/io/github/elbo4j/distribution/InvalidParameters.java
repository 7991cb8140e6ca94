package io.github.elbo4j.distribution;

import io.github.elbo4j.distribution.kernel.ParameterRule;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Invalid parameters generated from a family's declared {@link ParameterTable}, as NumPyro's tests
 * generate values outside each constraint: for every parameter a factory takes, its valid value
 * with one element (or one matrix) spoiled by a value that breaks the declared rule, and the
 * message the family must then raise. The values that break each rule are written here, apart
 * from the rule's own predicate, so a predicate that lets one through fails the test.
 */
final class InvalidParameters {

    private static final double INF = Double.POSITIVE_INFINITY;

    private InvalidParameters() {
    }

    /** One generated case: the arguments and what the message must be. */
    record Case(String label, Tensor[] arguments, Predicate<String> message, String expected) {
    }

    /** Values that break an element rule (the rules' boundaries, NaN and the infinities). */
    static double[] breaking(ParameterRule rule) {
        switch (rule) {
            case FINITE:
                return new double[] {Double.NaN, INF, -INF};
            case POSITIVE:
                return new double[] {0.0, -0.0, -1.0, -INF, INF, Double.NaN};
            case NON_NEGATIVE:
                return new double[] {-1.0, -Double.MIN_VALUE, -INF, INF, Double.NaN};
            case UNIT_INTERVAL:
                return new double[] {-0.5, -Double.MIN_VALUE, 1.5, Math.nextUp(1.0), INF, Double.NaN};
            case POSITIVE_UNIT_INTERVAL:
                return new double[] {0.0, -0.5, Math.nextUp(1.0), 1.5, Double.NaN};
            case EXTENDED_LOGITS:
            case BELOW_INFINITY:
                return new double[] {INF, Double.NaN};
            case ZERO_OR_ONE:
                return new double[] {0.5, -1.0, 2.0, Double.NaN};
            case COUNT:
                return new double[] {-1.0, 2.5, 2147483648.0, INF, Double.NaN};
            case NON_NEGATIVE_INT:
                return new double[] {-1, Integer.MIN_VALUE};
            case DEPENDENT:
                return new double[] {Double.NaN, INF, -1.0};
            default:
                throw new IllegalArgumentException(rule + " is a matrix rule");
        }
    }

    /** Every case for parameter {@code index} of a factory taking {@code names} with {@code valid} values. */
    static List<Case> cases(ParameterTable table, List<String> names, Tensor[] valid, int index) {
        String name = names.get(index);
        ParameterRule rule = table.rule(name);
        String prefix = table.distribution() + " " + name + " must be ";
        List<Case> out = new ArrayList<>();
        if (rule.isMatrixRule()) {
            String words = prefix + rule.words() + ", got [[";
            Predicate<String> matrix = m -> m.startsWith(words) && m.endsWith("(matrix 0 of the batch)");
            String finite = prefix + "finite, got NaN";
            out.add(new Case(name + " with a NaN entry", with(valid, index, spoilMatrix(valid[index], "nan")), finite::equals, finite));
            if (rule == ParameterRule.LOWER_CHOLESKY) {
                out.add(new Case(name + " with a negative diagonal", with(valid, index, spoilMatrix(valid[index], "diagonal")), matrix, words));
                out.add(new Case(name + " with an entry above the diagonal", with(valid, index, spoilMatrix(valid[index], "upper")), matrix, words));
            } else {
                out.add(new Case(name + " negated", with(valid, index, spoilMatrix(valid[index], "negate")), matrix, words));
                out.add(new Case(name + " not symmetric", with(valid, index, spoilMatrix(valid[index], "asymmetric")), matrix, words));
            }
            return out;
        }
        for (double v : breaking(rule)) {
            String shown = rule == ParameterRule.NON_NEGATIVE_INT ? Integer.toString((int) v) : Double.toString(v);
            Tensor[] args = with(valid, index, spoilLast(valid[index], v));
            if (rule == ParameterRule.DEPENDENT) {
                String end = ", got " + shown;
                out.add(new Case(name + " = " + shown, args, m -> m.startsWith(prefix) && m.endsWith(end), prefix + "<its rule>" + end));
            } else {
                String expected = prefix + rule.words() + ", got " + shown;
                out.add(new Case(name + " = " + shown, args, expected::equals, expected));
            }
        }
        return out;
    }

    private static Tensor[] with(Tensor[] valid, int index, Tensor spoiled) {
        Tensor[] args = valid.clone();
        args[index] = spoiled;
        return args;
    }

    /** The value with its last element replaced (the family must scan every element). */
    private static Tensor spoilLast(Tensor value, double v) {
        double[] x = value.toArray();
        x[x.length - 1] = v;
        return Tensor.of(x, value.shape());
    }

    /** The first matrix of a batch {@code [..., d, d]} spoiled as {@code how} says. */
    private static Tensor spoilMatrix(Tensor value, String how) {
        int[] s = value.shape();
        int d = s[s.length - 1];
        double[] x = value.toArray();
        switch (how) {
            case "nan":
                x[d * d - 1] = Double.NaN;
                break;
            case "diagonal":
                x[(d - 1) * d + d - 1] = -Math.abs(x[(d - 1) * d + d - 1]);
                break;
            case "upper":
                x[d - 1] = 0.5;
                break;
            case "negate":
                for (int i = 0; i < d * d; i++) {
                    x[i] = -x[i];
                }
                break;
            default:
                x[d - 1] += 1.0;
        }
        return Tensor.of(x, s);
    }
}
