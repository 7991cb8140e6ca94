package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * A family's declared parameters: each name with its {@link ParameterRule}, in the order of the
 * family's factories (NumPyro's {@code arg_constraints}). Declared once per family, as a constant
 * {@code PARAMETERS}; the factories validate through it, and the contract tests read it to generate
 * invalid parameters for every family. A table with alternatives (probabilities or logits, a
 * covariance or its Cholesky factor) lists them all; each factory checks the ones it takes.
 *
 * <pre>
 *   static final ParameterTable PARAMETERS = ParameterTable.of("Normal").and("loc", FINITE).and("scale", POSITIVE);
 *   ...
 *   PARAMETERS.check("scale", scale.value());   // Normal scale must be &gt; 0, got -1.0
 * </pre>
 * Immutable; {@link #and} returns a new table.
 */
public final class ParameterTable {

    private final String distribution;
    private final String[] names;
    private final ParameterRule[] rules;

    private ParameterTable(String distribution, String[] names, ParameterRule[] rules) {
        this.distribution = distribution;
        this.names = names;
        this.rules = rules;
    }

    /** An empty table of the family named {@code distribution} (the first word of its messages). */
    public static ParameterTable of(String distribution) {
        return new ParameterTable(distribution, new String[0], new ParameterRule[0]);
    }

    /** This table with one more parameter. */
    public ParameterTable and(String name, ParameterRule rule) {
        if (Arrays.asList(names).contains(name)) {
            throw new IllegalArgumentException(distribution + " declares " + name + " twice");
        }
        String[] n = Arrays.copyOf(names, names.length + 1);
        ParameterRule[] r = Arrays.copyOf(rules, rules.length + 1);
        n[names.length] = name;
        r[rules.length] = rule;
        return new ParameterTable(distribution, n, r);
    }

    /** The family's name, as its messages start. */
    public String distribution() {
        return distribution;
    }

    /** The declared parameter names, in declaration order. */
    public List<String> names() {
        return List.of(names);
    }

    /** The rule of {@code name}. */
    public ParameterRule rule(String name) {
        return rules[indexOf(name)];
    }

    /**
     * Throws {@link IllegalArgumentException} naming the family, the parameter, the first offending
     * value and the rule ({@code Normal scale must be > 0, got -1.0}) unless {@code value} obeys
     * the declared rule of {@code name}.
     */
    public void check(String name, Tensor value) {
        rules[indexOf(name)].check(distribution, name, value);
    }

    /** As {@link #check(String, Tensor)} for an {@code int} argument. */
    public void check(String name, int value) {
        rules[indexOf(name)].check(distribution, name, value);
    }

    /**
     * The check of a {@link ParameterRule#DEPENDENT} parameter, whose rule the family states
     * ({@code words}, e.g. {@code "> dim - 1 = 2"}) from the other parameters.
     */
    public void checkDependent(String name, Tensor value, DoublePredicate ok, String words) {
        if (rules[indexOf(name)] != ParameterRule.DEPENDENT) {
            throw new IllegalStateException(distribution + " " + name + " is declared " + rules[indexOf(name)]);
        }
        if (value.allMatch(ok)) {
            return;
        }
        for (double x : value.toArray()) {
            if (!ok.test(x)) {
                throw ParameterRule.violation(distribution, name, words, Double.toString(x));
            }
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(distribution + " declares no parameter " + name + " (it declares " + names() + ")");
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            parts.add(names[i] + ": " + rules[i]);
        }
        return distribution + " " + parts;
    }
}
