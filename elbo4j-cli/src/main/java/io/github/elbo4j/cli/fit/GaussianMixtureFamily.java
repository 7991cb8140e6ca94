package io.github.elbo4j.cli.fit;

import io.github.elbo4j.cavi.GaussianMixtureResult;
import io.github.elbo4j.cavi.GaussianMixtureVI;
import io.github.elbo4j.cavi.WeightPrior;
import io.github.elbo4j.infer.StepListener;
import java.nio.file.Path;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Bayesian Gaussian mixture by CAVI: {@code --components} full-covariance components with
 * Normal-Wishart priors and a truncated Dirichlet-process prior on the weights, stopping at a
 * relative ELBO change of 1e-8 (or a smaller {@code --tolerance}); every column
 * (or {@code --features}) is a coordinate. Summary rows: each component's weight and mean (the
 * posterior means) for the components holding at least 1% of the weight.
 */
final class GaussianMixtureFamily implements ModelFamily {

    @Override
    public String name() {
        return "gmm";
    }

    @Override
    public String description() {
        return "Bayesian Gaussian mixture (Dirichlet-process weights, full covariances), fitted by CAVI";
    }

    @Override
    public FitOutcome fit(Path file, FitOptions o, StepListener progress) {
        CsvTable data = CsvTable.read(file);
        if (o.components() < 1) {
            throw new BadInputException("--components must be >= 1, got " + o.components());
        }
        Tensor x = data.matrix(o.features(), null);
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(o.components())
                .weightPrior(WeightPrior.dirichletProcess(1.0)).maxSweeps((int) Math.min(o.steps(), Integer.MAX_VALUE))
                .tolerance(o.tolerance() > 0 ? Math.min(o.tolerance(), 1e-8) : 1e-8).seed(o.seed()).threads(o.threads()).build().fit(x);
        double[] history = r.elboHistory();
        for (int i = 0; i < history.length; i++) {
            progress.onStep(i, history[i], Double.NaN, 0);
        }
        double[] w = r.weights().toArray();
        double[] m = r.means().toArray();
        int d = x.dim(1);
        List<FitOutcome.SummaryRow> rows = new ArrayList<>();
        for (int k = 0; k < w.length; k++) {
            if (w[k] < 0.01) {
                continue;
            }
            rows.add(new FitOutcome.SummaryRow("weight[" + k + "]", w[k], Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            for (int j = 0; j < d; j++) {
                rows.add(new FitOutcome.SummaryRow("mean[" + k + "][" + j + "]", m[k * d + j], Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            }
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("sweeps", Integer.toString(r.sweeps()));
        notes.put("exact ELBO", String.format(Locale.ROOT, "%.6f", r.elbo()));
        notes.put("ELBO on scikit-learn's scale", String.format(Locale.ROOT, "%.6f", r.sklearnScaleElbo()));
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("weights", r.weights());
        arrays.put("means", r.means());
        arrays.put("covariances", r.covariances());
        return new FitOutcome(name(), "CAVI, " + o.components() + " components, DP(1) weights, seed " + o.seed(), rows, history,
                r.converged(), notes, arrays);
    }
}
