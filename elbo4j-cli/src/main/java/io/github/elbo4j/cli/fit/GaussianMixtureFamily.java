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
        requireSpread(data, features);
        if (n <= features.size()) {
            throw new BadInputException(file + ": " + n + " data rows in " + features.size() + " columns: gmm needs more rows than "
                    + "columns (the prior's scale is the data's covariance)");
        }
        requireIndependent(data, features);
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

    /** A constant column has no covariance: the Normal-Wishart prior's scale (the sample covariance) would be singular. */
    private static void requireSpread(CsvTable data, List<String> features) {
        double[][] rows = data.rows();
        for (String f : features) {
            int k = data.columnIndex(f);
            boolean constant = true;
            for (double[] row : rows) {
                constant &= row[k] == rows[0][k];
            }
            if (constant) {
                List<String> rest = features.stream().filter(c -> !c.equals(f)).toList();
                String hint = rest.isEmpty() ? "" : ": leave it out with --features " + String.join(",", rest);
                throw new BadInputException(data.file() + ": column '" + f + "' is constant (every row holds "
                        + CsvTable.plain(rows[0][k]) + "); a Gaussian mixture needs spread in every column" + hint);
            }
        }
    }

    /**
     * A column that is a linear combination of the ones before it makes the sample covariance
     * singular. Found by a Cholesky factorization of the sample correlation: column j depends on
     * columns 0..j-1 when its pivot is below 1e-10.
     */
    private static void requireIndependent(CsvTable data, List<String> features) {
        double[][] rows = data.rows();
        int d = features.size();
        int n = rows.length;
        int[] idx = features.stream().mapToInt(data::columnIndex).toArray();
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int a = 0; a < d; a++) {
                mean[a] += row[idx[a]] / n;
            }
        }
        double[] cov = new double[d * d];
        for (double[] row : rows) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a * d + b] += (row[idx[a]] - mean[a]) * (row[idx[b]] - mean[b]);
                }
            }
        }
        double[] corr = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                corr[a * d + b] = cov[a * d + b] / Math.sqrt(cov[a * d + a] * cov[b * d + b]);
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < j; k++) {
                double s = corr[j * d + k];
                for (int m = 0; m < k; m++) {
                    s -= corr[j * d + m] * corr[k * d + m];
                }
                corr[j * d + k] = s / corr[k * d + k];
            }
            double pivot = corr[j * d + j];
            for (int m = 0; m < j; m++) {
                pivot -= corr[j * d + m] * corr[j * d + m];
            }
            if (!(pivot > 1e-10)) {
                String dependent = features.get(j);
                throw new BadInputException(data.file() + ": column '" + dependent + "' is a linear combination of "
                        + features.subList(0, j) + " (their sample covariance is singular); a Gaussian mixture needs "
                        + "linearly independent columns: leave it out with --features "
                        + String.join(",", features.stream().filter(c -> !c.equals(dependent)).toList()));
            }
            corr[j * d + j] = Math.sqrt(pivot);
        }
    }
}
