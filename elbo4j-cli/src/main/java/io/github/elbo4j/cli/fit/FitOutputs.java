package io.github.elbo4j.cli.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.elbo4j.cli.AtomicFile;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.FitJson;
import io.github.elbo4j.infer.GuideAttempt;
import io.github.elbo4j.infer.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a fit: {@code summary.csv}, {@code posterior.json} (everything needed to redraw
 * the report, with provenance) and {@code report.html}. Each is written whole or not at all, and
 * existing outputs are refused unless forced.
 */
public final class FitOutputs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    /**
     * The {@code posterior.json} document: the fit in {@link FitJson}'s format (method, verdict,
     * stop reason, provenance, ELBO trace, diagnostics, summary, parameters, what rebuilds the
     * posterior) plus a {@code command} block with what the command adds: the family, the data's
     * path and SHA-256, the summary rows under the data's column names, the family's notes and
     * arrays. {@code elbo4j report} redraws the page from it. A NUTS outcome (no VI fit) gets the
     * same head with its method, verdict and an empty ELBO trace, and its draws among the arrays.
     */
    public static ObjectNode document(FitOutcome o, Map<String, Object> provenance) {
        ObjectNode doc;
        if (o.fit().isPresent()) {
            try {
                doc = (ObjectNode) JSON.readTree(FitJson.toJson(o.fit().get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (o.arrays().containsKey(NutsFamilySupport.DRAWS)) {
            doc = samplerDocument(o);
        } else {
            throw new IllegalStateException("only a fit just made, or NUTS draws, can be written");
        }
        ObjectNode command = doc.putObject("command");
        command.put("model", o.model());
        ObjectNode prov = command.putObject("provenance");
        provenance.forEach((k, v) -> prov.put(k, String.valueOf(v)));
        ArrayNode rows = command.putArray("rows");
        for (FitOutcome.SummaryRow r : o.rows()) {
            ObjectNode m = rows.addObject();
            m.put("name", r.name());
            number(m, "mean", r.mean());
            number(m, "sd", r.sd());
            number(m, "q05", r.q05());
            number(m, "q50", r.q50());
            number(m, "q95", r.q95());
        }
        ObjectNode notes = command.putObject("notes");
        o.notes().forEach(notes::put);
        ArrayNode tables = command.putArray("tables");
        for (ReportTable t : o.tables()) {
            ObjectNode table = tables.addObject();
            table.put("title", t.title());
            table.put("caption", t.caption());
            t.header().forEach(table.putArray("header")::add);
            ArrayNode cells = table.putArray("rows");
            for (List<String> r : t.rows()) {
                r.forEach(cells.addArray()::add);
            }
        }
        if (!o.arrays().isEmpty()) {
            ObjectNode arrays = command.putObject("arrays");
            o.arrays().forEach((name, t) -> {
                ObjectNode a = arrays.putObject(name);
                ArrayNode shape = a.putArray("shape");
                for (int d : t.shape()) {
                    shape.add(d);
                }
                ArrayNode values = a.putArray("values");
                for (double v : t.toArray()) {
                    values.add(v);
                }
            });
        }
        return doc;
    }

    /** The head of a sampler's document (no VI fit): format, method, verdict and an empty ELBO trace. */
    private static ObjectNode samplerDocument(FitOutcome o) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", "elbo4j-fit");
        doc.put("method", o.method());
        ObjectNode verdict = doc.putObject("verdict");
        verdict.put("level", o.verdict().level().name());
        ArrayNode reasons = verdict.putArray("reasons");
        o.verdict().reasons().forEach(reasons::add);
        ObjectNode trace = doc.putObject("elboTrace");
        trace.put("kind", o.traceKind());
        trace.putArray("values");
        return doc;
    }

    /** A quantity a family does not report (NaN) is left out of the row. */
    private static void number(ObjectNode row, String name, double v) {
        if (!Double.isNaN(v)) {
            row.put(name, v);
        }
    }

    /**
     * Reads a {@code posterior.json} written by {@code elbo4j fit} back into an outcome (without
     * the fit itself) and its provenance, for {@code elbo4j report}.
     *
     * @throws BadInputException if the document is not such a file
     */
    public static FitOutcome read(JsonNode doc, Path file, Map<String, Object> provenanceOut) {
        JsonNode command = doc.path("command");
        if (!"elbo4j-fit".equals(doc.path("format").asText()) || !command.has("rows") || !doc.has("elboTrace")) {
            throw new BadInputException(file + ": not a posterior.json written by elbo4j fit (needs \"format\": \"elbo4j-fit\", "
                    + "elboTrace and a command block with rows)");
        }
        List<FitOutcome.SummaryRow> rows = new ArrayList<>();
        for (JsonNode r : command.get("rows")) {
            rows.add(new FitOutcome.SummaryRow(r.path("name").asText(), value(r, "mean"), value(r, "sd"), value(r, "q05"),
                    value(r, "q50"), value(r, "q95")));
        }
        JsonNode values = doc.path("elboTrace").path("values");
        double[] trace = new double[values.size()];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = values.get(i).isTextual() ? Double.parseDouble(values.get(i).asText()) : values.get(i).asDouble();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        command.path("notes").fields().forEachRemaining(e -> notes.put(e.getKey(), e.getValue().asText()));
        command.path("provenance").fields().forEachRemaining(e -> provenanceOut.put(e.getKey(), e.getValue().asText()));
        List<String> reasons = new ArrayList<>();
        doc.path("verdict").path("reasons").forEach(r -> reasons.add(r.asText()));
        Verdict verdict;
        try {
            verdict = new Verdict(Verdict.Level.valueOf(doc.path("verdict").path("level").asText()), reasons);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": verdict level '" + doc.path("verdict").path("level").asText() + "' is not one of "
                    + java.util.Arrays.toString(Verdict.Level.values()));
        }
        List<ReportTable> tables = new ArrayList<>();
        for (JsonNode t : command.path("tables")) {
            List<String> header = new ArrayList<>();
            t.path("header").forEach(h -> header.add(h.asText()));
            List<List<String>> cells = new ArrayList<>();
            for (JsonNode r : t.path("rows")) {
                List<String> row = new ArrayList<>();
                r.forEach(c -> row.add(c.asText()));
                cells.add(row);
            }
            try {
                tables.add(new ReportTable(t.path("title").asText(), t.path("caption").asText(), header, cells));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + ": " + e.getMessage());
            }
        }
        Map<String, io.github.elbo4j.tensor.Tensor> arrays = new LinkedHashMap<>();
        JsonNode nuts = command.path("arrays").path(NutsFamilySupport.DRAWS);
        if (nuts.isObject()) {              // the NUTS draws redraw the trace plots and the R-hat table
            int[] shape = new int[nuts.path("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = nuts.path("shape").get(i).asInt();
            }
            double[] v = new double[nuts.path("values").size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = nuts.path("values").get(i).asDouble();
            }
            arrays.put(NutsFamilySupport.DRAWS, io.github.elbo4j.tensor.Tensor.of(v, shape));
        }
        return new FitOutcome(command.path("model").asText(), doc.path("method").asText(), rows, trace,
                doc.path("elboTrace").path("kind").asText(), verdict, notes, arrays, Optional.empty(), tables,
                FitJson.readAttempts(doc));
    }

    private static double value(JsonNode row, String name) {
        JsonNode v = row.get(name);
        return v == null ? Double.NaN : v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }

    /** Writes the three files into {@code dir}, each whole or not at all. */
    public static void write(Path dir, FitOutcome o, Map<String, Object> provenance) throws IOException {
        StringBuilder csv = new StringBuilder("name,mean,sd,q05,q50,q95\n");
        for (FitOutcome.SummaryRow r : o.rows()) {
            csv.append(r.name());
            for (double v : new double[] {r.mean(), r.sd(), r.q05(), r.q50(), r.q95()}) {
                csv.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.17g", v));
            }
            csv.append('\n');
        }
        String json = JSON.writeValueAsString(document(o, provenance));
        AtomicFile.write(dir.resolve("summary.csv"), csv.toString());
        AtomicFile.write(dir.resolve("posterior.json"), json);
        report(o, provenance).write(dir.resolve("report.html"));
    }

    /** The HTML report of a fit (also used by {@code elbo4j report}): the verdict first, then the table, the ELBO, the facts. */
    public static HtmlReport report(FitOutcome o, Map<String, Object> provenance) throws IOException {
        List<List<String>> table = new ArrayList<>();
        for (FitOutcome.SummaryRow r : o.rows()) {
            table.add(List.of(r.name(), fmt(r.mean()), fmt(r.sd()), fmt(r.q05()), fmt(r.q50()), fmt(r.q95())));
        }
        HtmlReport page = HtmlReport.titled("elbo4j fit: " + o.model())
                .verdict(o.verdict().level().name().toLowerCase(Locale.ROOT).replace('_', ' '), o.verdict().reasons(),
                        o.verdict().isWarning())
                .paragraph(o.method())
                .table(List.of("quantity", "mean", "sd", "5%", "50%", "95%"), table);
        for (ReportTable t : o.tables()) {
            page.heading(t.title()).table(t.header(), t.rows()).paragraph(t.caption());
        }
        if (!o.attempts().isEmpty()) {
            List<List<String>> tried = new ArrayList<>();
            for (GuideAttempt a : o.attempts()) {
                tried.add(List.of(a.guide(), Long.toString(a.gradientEvaluations()), String.format(Locale.ROOT, "%.4f", a.elbo()),
                        a.paretoK().isPresent() ? String.format(Locale.ROOT, "%.3f", a.paretoK().getAsDouble()) : "—",
                        String.format(Locale.ROOT, "%.2f", a.seconds()), a.passed() ? "yes" : "no"));
            }
            page.heading("Guides tried (--guide auto)")
                    .table(List.of("guide", "gradient evaluations", "ELBO", "Pareto k-hat", "seconds", "passed"), tried);
        }
        ElboCharts.add(page, o.elboTrace(), o.traceKind());
        if (o.arrays().containsKey(NutsFamilySupport.DRAWS)) {
            NutsReport.add(page, o.arrays().get(NutsFamilySupport.DRAWS), o.rows().stream().map(FitOutcome.SummaryRow::name).toList());
        }
        StringBuilder facts = new StringBuilder();
        o.notes().forEach((k, v) -> facts.append(k).append(": ").append(v).append('\n'));
        provenance.forEach((k, v) -> facts.append(k).append(": ").append(v).append('\n'));
        return page.preformatted(facts.toString());
    }

    /** Four decimals; a quantity the family does not report (NaN) shows as a dash. */
    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }
}
