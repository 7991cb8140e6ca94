package io.github.elbo4j.cli.fit;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.WeightPrior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.StepListener;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Bayesian Gaussian mixture by CAVI: {@code --components} full-covariance components with
 * Normal-Wishart priors and a truncated Dirichlet-process prior on the weights (10 components by
 * default, or one per row on smaller data sets), stopping at a
 * relative ELBO change of 1e-8 (or a smaller {@code --tolerance}); every column
 * (or {@code --features}) is a coordinate. Summary rows: each component's weight and mean (the
 * posterior means) for the components holding at least 1% of the weight.
 */
final class GaussianMixtureFamily implements ModelFamily {

    /** Components when {@code --components} is not given (fewer on data sets with fewer rows). */
    static final int DEFAULT_COMPONENTS = 10;

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
        CsvTable data = CsvTable.read(file, o.delimiter());
        List<String> features = data.features(o.features(), null);
        int n = data.rowCount();
        if (n < 2) {
            throw new BadInputException(file + ": gmm needs at least 2 data rows (the prior's scale is the data's covariance), got 1");
        }
        int components = o.components().orElse(Math.min(DEFAULT_COMPONENTS, n));
        if (components > n) {
            throw new BadInputException(file + ": " + n + " data rows, fewer than --components " + components
                    + " (each component starts at a distinct row): pass --components " + n + " or fewer");
        }
        FeatureColumns.requireSpread(data, features, "a Gaussian mixture needs spread in every column");
        if (n <= features.size()) {
            throw new BadInputException(file + ": " + n + " data rows in " + features.size() + " columns: gmm needs more rows than "
                    + "columns (the prior's scale is the data's covariance)");
        }
        FeatureColumns.requireIndependent(data, features, "(their sample covariance is singular); a Gaussian mixture needs "
                + "linearly independent columns");
        Tensor x = data.matrix(features, null);
        GaussianMixtureResult r;
        try {
            r = GaussianMixtureVI.builder().components(components)
                    .weightPrior(WeightPrior.dirichletProcess(1.0)).maxSweeps((int) Math.min(o.steps(), Integer.MAX_VALUE))
                    .tolerance(o.tolerance().isPresent() && o.tolerance().getAsDouble() > 0 ? Math.min(o.tolerance().getAsDouble(), 1e-8) : 1e-8).seed(o.seed()).threads(o.threads()).build().fit(x);
        } catch (IllegalArgumentException e) {
            // the core's messages name the rule (e.g. a singular sample covariance): say which file broke it
            throw new BadInputException(file + ": " + e.getMessage());
        }
        double[] history = r.elboTrace().values();
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
        Fit fit = r.toFit();
        return FitOutcome.of(name(), fit, rows, notes, arrays);
    }
}
