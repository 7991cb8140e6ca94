package io.github.elbo4j.cli.fit;

import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * What a model family's fit produced, ready to be written as {@code summary.csv},
 * {@code posterior.json} and {@code report.html}.
 *
 * @param model      the family name
 * @param method     how it was fitted (e.g. "SVI, mean-field guide, Adam(0.05)")
 * @param rows       one summary row per scalar quantity
 * @param elboTrace  the ELBO per step or sweep
 * @param converged  whether the stopping rule fired before the budget
 * @param notes      extra facts to show (name → value)
 * @param arrays     the fitted parameters as arrays, written to {@code posterior.json} (e.g. LDA's
 *                   topic-word Dirichlet parameters); empty for families whose summary rows say it all
 */
public record FitOutcome(String model, String method, List<SummaryRow> rows, double[] elboTrace, boolean converged,
                         Map<String, String> notes, Map<String, Tensor> arrays) {

    /** An outcome without arrays. */
    public FitOutcome(String model, String method, List<SummaryRow> rows, double[] elboTrace, boolean converged,
                      Map<String, String> notes) {
        this(model, method, rows, elboTrace, converged, notes, Map.of());
    }

    /**
     * One row of the posterior summary.
     *
     * @param name quantity name, e.g. {@code w[2]}
     */
    public record SummaryRow(String name, double mean, double sd, double q05, double q50, double q95) {
    }
}
