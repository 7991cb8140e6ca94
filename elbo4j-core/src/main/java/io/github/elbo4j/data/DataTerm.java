package io.github.elbo4j.data;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Plate;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The likelihood of a plate over rows as one differentiable term, summed outside the tape by a
 * {@link RowSum} (many threads, or a Spark cluster) while the rest of the model (priors, other
 * latents) and the guide stay ordinary elbo4j code. A model adds it inside its plate:
 *
 * <pre>{@code
 * DataTerm data = DataTerm.of(LogisticRows.of(d), LocalRowSum.of(RowSource.of(xy), 2));
 * Model model = m -> {
 *     Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
 *     m.plate("rows", n, p -> m.factor("y", data.logLikelihood(p, w)));       // or plate("rows", n, batch, ...)
 * };
 * }</pre>
 *
 * The value for each particle {@code p} is {@code Σ_{j ∈ selection} log p(row_j | θ_p)} with the
 * selection read from the plate ({@link RowSelection#of(Plate)}: every row, or this step's
 * minibatch); the plate scales it by {@code size / subsampleSize} as it scales any site inside
 * (Hoffman et al., JMLR 14, 2013, sec. 2.4). The gradient with respect to {@code θ} is the summed
 * per-row gradient, computed in the same pass, times the output's adjoint per particle. The data
 * never enter the tape.
 */
public final class DataTerm {

    private final RowLikelihood likelihood;
    private final RowSum rows;

    private DataTerm(RowLikelihood likelihood, RowSum rows) {
        this.likelihood = likelihood;
        this.rows = rows;
    }

    /**
     * The term {@code Σ_rows log p(row | θ)} of {@code likelihood} over the rows {@code rows} sums.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static DataTerm of(RowLikelihood likelihood, RowSum rows) {
        if (likelihood == null || rows == null) {
            throw new IllegalArgumentException("likelihood and rows must not be null, got " + likelihood + " and " + rows);
        }
        return new DataTerm(likelihood, rows);
    }

    /** The number of rows of the data (the plate's size). */
    public long rows() {
        return rows.rows();
    }

    /**
     * The log-likelihood of the plate's rows at {@code theta}, whose last axis holds the
     * {@code k = parameterCount()} parameters and whose leading axes the particles: shape
     * {@code [P, 1, ..., 1, k]} (a latent under the particle-shape contract) gives shape
     * {@code [P, 1, ..., 1]}, one value per particle with size 1 on the plate's axis; a plain
     * {@code [k]} gives a scalar.
     *
     * @throws IllegalArgumentException if the plate's size is not the number of rows, or the last
     *     axis of {@code theta} is not {@code k} long
     */
    public Var logLikelihood(Plate plate, Var theta) {
        if (plate.frame().size() != rows.rows()) {
            throw new IllegalArgumentException("plate '" + plate.frame().name() + "' has size " + plate.frame().size()
                    + " but the data term has " + rows.rows() + " rows");
        }
        int k = likelihood.parameterCount();
        int[] shape = theta.shape();
        if (shape.length == 0 || shape[shape.length - 1] != k) {
            throw new IllegalArgumentException("theta must have its last axis of length " + k + " (the likelihood's parameters), got shape "
                    + Arrays.toString(shape));
        }
        double[] values = theta.value().toArray();
        int particles = values.length / k;
        double[] sums = rows.sum(likelihood, values, particles, RowSelection.of(plate));
        int[] outShape = Arrays.copyOf(shape, shape.length - 1);
        double[] out = Arrays.copyOf(sums, particles);
        double[] gradients = Arrays.copyOfRange(sums, particles, sums.length);
        return CustomFunction.apply(Tensor.of(out, outShape), (g, input) -> {
            double[] adj = g.broadcastTo(outShape).toArray();
            double[] grad = new double[gradients.length];
            for (int p = 0; p < particles; p++) {
                for (int j = 0; j < k; j++) {
                    grad[p * k + j] = adj[p] * gradients[p * k + j];
                }
            }
            return Tensor.of(grad, shape);
        }, theta);
    }

    @Override
    public String toString() {
        return "DataTerm[" + likelihood + " over " + rows + "]";
    }
}
