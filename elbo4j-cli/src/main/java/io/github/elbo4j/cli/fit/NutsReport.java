package io.github.elbo4j.cli.fit;

import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.diagnostics.ChainDiagnostics;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * The NUTS part of a fit report, from the chains' draws: a table of MCSE, bulk and tail ESS and
 * R-hat per quantity ({@link ChainDiagnostics}), and one trace plot per quantity (every chain's
 * draws against the iteration: overlapping, stationary bands mean the chains mixed).
 */
final class NutsReport {

    /** Trace plots drawn at most (the first quantities); the table has them all. */
    static final int MAX_TRACES = 12;

    private NutsReport() {
    }

    static void add(HtmlReport page, Tensor draws, List<String> names) throws IOException {
        int chains = draws.dim(0);
        int n = draws.dim(1);
        int k = draws.dim(2);
        double[] v = draws.toArray();
        List<List<String>> table = new ArrayList<>();
        List<double[][]> all = new ArrayList<>();
        for (int q = 0; q < k; q++) {
            double[][] x = new double[chains][n];
            for (int c = 0; c < chains; c++) {
                for (int i = 0; i < n; i++) {
                    x[c][i] = v[(c * n + i) * k + q];
                }
            }
            all.add(x);
            String name = q < names.size() ? names.get(q) : "q" + q;
            boolean ok = n >= ChainDiagnostics.MIN_DRAWS;
            table.add(List.of(name, ok ? fmt("%.5f", ChainDiagnostics.mcseMean(x)) : "—", ok ? fmt("%.0f", ChainDiagnostics.essBulk(x)) : "—",
                    ok ? fmt("%.0f", ChainDiagnostics.essTail(x)) : "—", ok ? fmt("%.4f", ChainDiagnostics.rhat(x)) : "—"));
        }
        page.heading("Convergence of the chains")
                .paragraph("Rank-normalized split R-hat (below 1.01 when the chains agree), bulk and tail effective sample sizes and"
                        + " the Monte Carlo standard error of the mean (Vehtari et al. 2021), from " + chains + " chains of " + n + " draws.")
                .table(List.of("quantity", "MCSE of mean", "bulk ESS", "tail ESS", "R-hat"), table);
        double[] iteration = new double[n];
        for (int i = 0; i < n; i++) {
            iteration[i] = i + 1;
        }
        for (int q = 0; q < Math.min(k, MAX_TRACES); q++) {
            String name = q < names.size() ? names.get(q) : "q" + q;
            XYChart chart = Charts.lines("Trace of " + name, "iteration (after warm-up)", name);
            for (int c = 0; c < chains; c++) {
                Charts.line(chart, "chain " + (c + 1), iteration, all.get(q)[c]);
            }
            page.figure(ChartFiles.png(chart), "Trace of " + name + ": the chains should overlap as one stationary band");
        }
    }

    private static String fmt(String pattern, double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, pattern, value);
    }
}
