package io.github.elbo4j.data;

/**
 * Sums a {@link RowLikelihood}'s value and gradient over selected rows for {@code P} parameter
 * vectors at once (a fit's particles): on the threads of one machine ({@link LocalRowSum}) or on a
 * cluster ({@code elbo4j-spark}'s {@code SparkRowSum}). The result is
 * {@code [L_0, …, L_{P−1}, G_0, …, G_{P−1}]} with {@code L_p = Σ_{j} log p(row(j) | θ_p)} and
 * {@code G_p = Σ_j ∇_θ log p(row(j) | θ_p)} ({@code k} values each). An implementation cuts the sum into
 * parts whose boundaries depend only on the data and the selection, never on the number of
 * threads or machines, and adds the parts in a fixed order, so its bits do not depend on them either.
 */
public interface RowSum {

    /** The number of rows of the data set. */
    long rows();

    /**
     * The sums for {@code particles} parameter vectors {@code theta[p · k, (p + 1) · k)},
     * {@code k = likelihood.parameterCount()}, over the rows of {@code selection}.
     *
     * @throws IllegalArgumentException if the likelihood reads another number of columns than the
     *     data has, or {@code theta} is not {@code particles · k} long
     */
    double[] sum(RowLikelihood likelihood, double[] theta, int particles, RowSelection selection);
}
