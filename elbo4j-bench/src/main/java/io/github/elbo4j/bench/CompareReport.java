package io.github.elbo4j.bench;

import io.github.elbo4j.cli.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Turns the JSON lines of one {@code bench/compare} run (elbo4j's tasks and the peers', all in
 * the {@link PeerFormat}) into a Markdown table and a bar chart of the time ratios: per task,
 * every peer variant against the elbo4j variant it pairs with (the elbo4j variant whose
 * {@code pair} text occurs in the peer's name and variant; else the task's first elbo4j variant),
 * with the time ratio and both quality figures, so a faster but worse result cannot hide. The
 * table and chart replace the section between {@link #BEGIN} and {@link #END} of the page (added
 * at its end the first time); every file is written whole or not at all.
 *
 * <p>Usage: {@code CompareReport RESULTS.jsonl HEADER.md PAGE.md CHART.png [RESULTS_AS_SHOWN]}; the last
 * argument is how the page names the results file (default: the path given).
 */
public final class CompareReport {

    static final String BEGIN = "<!-- bench/compare: begin (generated; edits here are overwritten) -->";
    static final String END = "<!-- bench/compare: end -->";

    private CompareReport() {
    }

    record Row(String task, String peer, String variant, String pair, double wallS, double perIterMs, long iters,
               String elbo, String quality, double essPerS) {

        boolean ours() {
            return peer.startsWith("elbo4j");
        }
    }

    /** A peer variant, the elbo4j variant it is compared with, and the time ratio peer / elbo4j. */
    record Ratio(Row peer, Row ours, double wall, double perIter) {
    }

    static List<Row> rows(List<String> lines) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode doc = json.readTree(line);
            String task = doc.path("task").asText();
            String peer = doc.path("peer").asText() + (doc.has("peer_version") ? " (" + doc.get("peer_version").asText() + ")" : "");
            if (doc.has("missing")) {
                rows.add(new Row(task, peer, "MISSING: " + doc.get("missing").asText(), "", Double.NaN, Double.NaN, 0, "", "", Double.NaN));
                continue;
            }
            for (JsonNode v : doc.path("summary")) {
                JsonNode elbo = v.path("final_elbo");
                rows.add(new Row(task, peer, v.path("variant").asText(), v.path("pair").asText(""),
                        v.path("wall_s").asDouble(Double.NaN), v.path("per_iter_ms").asDouble(Double.NaN),
                        v.path("iters").asLong(), elbo.isNumber() ? elbo.asText() : "",
                        v.has("quality") ? v.get("quality").toString() : "", essPerSecond(v)));
            }
        }
        return rows;
    }

    /**
     * A sampler's effective samples per second: its {@code ess_per_s}, else the smallest ESS in its
     * quality ({@code min_ess_bulk}, or rstan's {@code min_n_eff}) over its wall time; NaN for an
     * optimizer.
     */
    static double essPerSecond(JsonNode v) {
        if (v.has("ess_per_s")) {
            return v.get("ess_per_s").asDouble();
        }
        JsonNode q = v.path("quality");
        JsonNode ess = q.has("min_ess_bulk") ? q.get("min_ess_bulk") : q.get("min_n_eff");
        return ess != null && ess.isNumber() ? ess.asDouble() / v.path("wall_s").asDouble(Double.NaN) : Double.NaN;
    }

    /** The elbo4j variant of the same task that {@code peer} is compared with. */
    static Optional<Row> partner(Row peer, List<Row> rows) {
        List<Row> ours = rows.stream().filter(r -> r.ours() && r.task().equals(peer.task())).toList();
        String name = (peer.peer() + ": " + peer.variant()).toLowerCase(Locale.ROOT);
        return ours.stream().filter(r -> !r.pair().isEmpty() && name.contains(r.pair().toLowerCase(Locale.ROOT)))
                .findFirst().or(() -> ours.stream().findFirst());
    }

    static List<Ratio> ratios(List<Row> rows) {
        List<Ratio> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.ours() || !Double.isFinite(r.wallS())) {
                continue;
            }
            partner(r, rows).ifPresent(o -> out.add(new Ratio(r, o, r.wallS() / o.wallS(), r.perIterMs() / o.perIterMs())));
        }
        return out;
    }

    static String table(List<Row> rows) {
        Map<String, List<Row>> byTask = new LinkedHashMap<>();
        for (Row r : rows) {
            byTask.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r);
        }
        Map<Row, Ratio> ratioOf = new LinkedHashMap<>();
        for (Ratio q : ratios(rows)) {
            ratioOf.put(q.peer(), q);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| task | system / variant | wall s | iters | ms/iter | time ratio peer/elbo4j | final ELBO | quality |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Row>> e : byTask.entrySet()) {
            for (Row r : e.getValue()) {
                Ratio q = ratioOf.get(r);
                String ratio = q == null ? "" : String.format(Locale.ROOT, "%.2f× (ms/iter %.2f×) vs %s", q.wall(),
                        q.perIter(), q.ours().pair().isEmpty() ? q.ours().variant() : q.ours().pair());
                if (q != null && Double.isFinite(r.essPerS()) && Double.isFinite(q.ours().essPerS())) {
                    ratio += String.format(Locale.ROOT, "; ESS/s %.1f vs elbo4j %.1f: elbo4j %.2f×", r.essPerS(), q.ours().essPerS(),
                            q.ours().essPerS() / r.essPerS());
                }
                sb.append(String.format(Locale.ROOT, "| %s | %s: %s | %.2f | %d | %.3f | %s | %s | `%s` |%n", e.getKey(),
                        r.peer(), r.variant(), r.wallS(), r.iters(), r.perIterMs(), ratio, r.elbo(),
                        r.quality().replace("|", "/")));
            }
        }
        return sb.toString();
    }

    /**
     * A bar per peer variant: its wall time over elbo4j's (above 1: elbo4j is faster). A linear
     * axis: XChart's bar charts refuse a logarithmic one.
     */
    static CategoryChart chart(List<Ratio> ratios) {
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(800)
                .title("Wall-time ratio peer / elbo4j (above 1: elbo4j is faster)").xAxisTitle("task · peer · variant")
                .yAxisTitle("peer time / elbo4j time").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Ratio q : ratios) {
            names.add(shortName(q.peer()));
            values.add(q.wall());
        }
        if (names.isEmpty()) {
            names.add("no peer results");
            values.add(1.0);
        }
        chart.addSeries("time ratio", names, values);
        return chart;
    }

    /**
     * A bar label: the task's first word, the peer's short name (the first word of its version
     * string, e.g. {@code torch}, else of its name) and the variant's last 26 characters (where
     * variants of one peer differ).
     */
    static String shortName(Row peer) {
        String task = peer.task().split("_")[0];
        String label = peer.peer();
        int open = label.lastIndexOf(" (");
        String version = open < 0 ? "" : label.substring(open + 2, label.length() - 1);
        String who = !version.isEmpty() && Character.isLetter(version.charAt(0)) ? version.split(" ")[0]
                : label.split("[ .]")[0];
        String v = peer.variant();
        String variant = v.length() > 26 ? "…" + v.substring(v.length() - 26) : v;
        return task + " · " + who + " · " + variant;
    }

    /** {@code page} with the generated section replaced by {@code section} (appended when absent). */
    static String withSection(String page, String section) {
        String block = BEGIN + "\n" + section + END + "\n";
        int b = page.indexOf(BEGIN);
        int e = page.indexOf(END);
        if (b < 0 || e < b) {
            return page + (page.endsWith("\n") ? "\n" : "\n\n") + block;
        }
        int after = page.indexOf('\n', e);
        return page.substring(0, b) + block + (after < 0 ? "" : page.substring(after + 1));
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        String header = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        Path page = Path.of(args[2]);
        Path png = Path.of(args[3]);
        List<Row> rows = rows(lines);
        AtomicFile.write(png, BitmapEncoder.getBitmapBytes(chart(ratios(rows)), BitmapEncoder.BitmapFormat.PNG));
        Path relative = page.toAbsolutePath().getParent().relativize(png.toAbsolutePath());
        String shown = args.length > 4 ? args[4] : args[0];
        String section = header + "\n" + table(rows) + "\n![time ratios](" + relative + ")\n\nRaw results: `"
                + shown + "`.\n";
        String old = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "# Benchmarks\n";
        AtomicFile.write(page, withSection(old, section).getBytes(StandardCharsets.UTF_8));
        System.out.print(section);
    }
}
