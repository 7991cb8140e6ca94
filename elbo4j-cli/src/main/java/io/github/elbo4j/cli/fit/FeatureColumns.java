package io.github.elbo4j.cli.fit;

import java.util.List;

/**
 * Checks on the feature columns of a CSV file before a family fits them. A constant column or one
 * that is a linear combination of others is not identified by the data: a Gaussian mixture's prior
 * scale (the sample covariance) is then singular, and a regression's coefficients along the
 * dependence are set by the prior alone, where a mean-field fit reports sds far too small with no
 * warning (a column of 3s beside the intercept: coefficient sd 0.06, the posterior's 0.86, verdict
 * "usable"). Each check names the column and the way out ({@code --features}).
 */
final class FeatureColumns {

    private FeatureColumns() {
    }

    /** Rejects a column that holds one value in every row; {@code rule} says why the family needs spread. */
    static void requireSpread(CsvTable data, List<String> features, String rule) {
        double[][] rows = data.rows();
        for (String f : features) {
            int k = data.columnIndex(f);
            boolean constant = true;
            for (double[] row : rows) {
                constant &= row[k] == rows[0][k];
            }
            if (constant) {
                throw new BadInputException(data.file() + ": column '" + f + "' is constant (every row holds "
                        + CsvTable.plain(rows[0][k]) + "); " + rule + leaveOut(features, f));
            }
        }
    }

    /**
     * Rejects a column that is a linear combination of the ones before it; {@code rule} follows the
     * list of those columns. Found by a Cholesky factorization of the sample correlation: column
     * {@code j} depends on columns {@code 0..j-1} when its pivot is below 1e-10. Call after
     * {@link #requireSpread} (a constant column has no correlation).
     */
    static void requireIndependent(CsvTable data, List<String> features, String rule) {
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
                        + features.subList(0, j) + " " + rule + leaveOut(features, dependent));
            }
            corr[j * d + j] = Math.sqrt(pivot);
        }
    }

    private static String leaveOut(List<String> features, String column) {
        List<String> rest = features.stream().filter(c -> !c.equals(column)).toList();
        return rest.isEmpty() ? "" : ": leave it out with --features " + String.join(",", rest);
    }
}
