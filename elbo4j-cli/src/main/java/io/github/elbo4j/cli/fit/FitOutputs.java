package io.github.elbo4j.cli.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.elbo4j.cli.AtomicFile;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The files of a fit: {@code summary.csv}, {@code posterior.json} (everything needed to redraw
 * the report, with provenance) and {@code report.html}. Each is written whole or not at all, and
 * existing outputs are refused unless forced.
 */
public final class FitOutputs {

    static final List<String> FILES = List.of("summary.csv", "posterior.json", "report.html");

    private FitOutputs() {
    }

    /** Refuses to overwrite existing outputs in {@code dir} unless {@code force}. */
    public static void checkWritable(Path dir, boolean force) {
        if (force) {
            return;
        }
        for (String f : FILES) {
            if (Files.exists(dir.resolve(f))) {
                throw new BadInputException(dir.resolve(f) + " exists; use --force to overwrite");
            }
        }
    }

    /** The JSON document: model, method, provenance, summary and ELBO trace. */
    public static Map<String, Object> document(FitOutcome o, Map<String, Object> provenance) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", o.model());
        doc.put("method", o.method());
        doc.put("provenance", provenance);
        doc.put("converged", o.converged());
        doc.put("notes", o.notes());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FitOutcome.SummaryRow r : o.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("mean", r.mean());
            m.put("sd", r.sd());
            m.put("q05", r.q05());
            m.put("q50", r.q50());
            m.put("q95", r.q95());
            rows.add(m);
        }
        doc.put("summary", rows);
        doc.put("elbo_trace", o.elboTrace());
        if (!o.arrays().isEmpty()) {
            Map<String, Object> arrays = new LinkedHashMap<>();
            o.arrays().forEach((name, t) -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("shape", t.shape());
                a.put("values", t.toArray());
                arrays.put(name, a);
            });
            doc.put("arrays", arrays);
        }
        return doc;
    }

    /** Writes the three files into {@code dir}. */
    public static void write(Path dir, FitOutcome o, Map<String, Object> provenance) throws IOException {
        StringBuilder csv = new StringBuilder("name,mean,sd,q05,q50,q95\n");
        for (FitOutcome.SummaryRow r : o.rows()) {
            csv.append(String.format(Locale.ROOT, "%s,%.17g,%.17g,%.17g,%.17g,%.17g%n", r.name(), r.mean(), r.sd(), r.q05(), r.q50(), r.q95()));
        }
        Map<String, Object> doc = document(o, provenance);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        AtomicFile.write(dir.resolve("summary.csv"), csv.toString());
        AtomicFile.write(dir.resolve("posterior.json"), json);
        report(o, provenance).write(dir.resolve("report.html"));
    }

    /** The HTML report of a fit (also used by {@code elbo4j report}). */
    public static HtmlReport report(FitOutcome o, Map<String, Object> provenance) throws IOException {
        List<List<String>> table = new ArrayList<>();
        for (FitOutcome.SummaryRow r : o.rows()) {
            table.add(List.of(r.name(), fmt(r.mean()), fmt(r.sd()), fmt(r.q05()), fmt(r.q50()), fmt(r.q95())));
        }
        XYChart chart = Charts.lines("ELBO per step", "step", "ELBO");
        double[] steps = new double[o.elboTrace().length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        boolean cut = false;
        if (steps.length > 0) {
            Charts.line(chart, "ELBO", steps, o.elboTrace());
            cut = Charts.elboRange(chart, o.elboTrace());
        }
        StringBuilder facts = new StringBuilder();
        o.notes().forEach((k, v) -> facts.append(k).append(": ").append(v).append('\n'));
        provenance.forEach((k, v) -> facts.append(k).append(": ").append(v).append('\n'));
        facts.append("converged: ").append(o.converged()).append('\n');
        return HtmlReport.titled("elbo4j fit: " + o.model())
                .paragraph(o.method())
                .table(List.of("quantity", "mean", "sd", "5%", "50%", "95%"), table)
                .figure(ChartFiles.png(chart), "ELBO estimate per step (it should rise and flatten)"
                        + (cut ? "; the first steps, far below, are cut so the rest of the run reads" : ""))
                .preformatted(facts.toString());
    }

    /** Four decimals; a quantity the family does not report (NaN) shows as a dash. */
    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }
}
