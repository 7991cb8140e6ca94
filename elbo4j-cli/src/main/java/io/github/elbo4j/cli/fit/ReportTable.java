package io.github.elbo4j.cli.fit;

import java.util.List;

/**
 * A table a fit adds to its report beyond the posterior summary (the linear-response sds of a
 * mean-field fit, the gradient's signal-to-noise ratio per parameter block), kept in
 * {@code posterior.json} so that {@code elbo4j report} redraws it.
 *
 * @param title   the heading above the table
 * @param caption one paragraph under it: what the numbers are and how they were computed
 * @param header  the column titles
 * @param rows    the cells, each row as long as the header
 */
public record ReportTable(String title, String caption, List<String> header, List<List<String>> rows) {

    /** Copies the lists and checks every row's length. */
    public ReportTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("report table '" + title + "' row " + r + " has " + r.size()
                        + " cells, the header " + header.size());
            }
        }
    }
}
