package io.github.elbo4j.data;

import java.io.Serializable;
import java.util.Optional;

/**
 * The log-likelihood of rows given a parameter vector {@code θ} of {@link #parameterCount()}
 * values, with its gradient, for a model whose likelihood is a plate over rows:
 * {@code Σ_i log p(row_i | θ)} and {@code Σ_i ∇_θ log p(row_i | θ)}. Written once per family and
 * run on a worker pool or on Spark executors (hence serializable); stateless.
 */
public interface RowLikelihood extends Serializable {

    /** The length of {@code θ}. */
    int parameterCount();

    /** The number of values per row it reads. */
    int columns();

    /**
     * Adds {@code ∇_θ Σ_{i ∈ [from, to)} log p(row_i | θ)} into
     * {@code gradient[gradientOffset, gradientOffset + parameterCount())} and returns the sum,
     * where row {@code i} is {@code values[i · columns(), (i + 1) · columns())} and
     * {@code θ = theta[thetaOffset, thetaOffset + parameterCount())}. Modifies only that slice
     * of {@code gradient}.
     */
    double accumulate(double[] values, int from, int to, double[] theta, int thetaOffset, double[] gradient, int gradientOffset);

    /**
     * What is wrong with the row at {@code values[offset, offset + columns())}, naming the column
     * (by its number from 0) and the rule, or empty when the row is valid data for this likelihood.
     */
    Optional<String> checkRow(double[] values, int offset);
}
