package io.github.elbo4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the JSON lines of one {@code bench/compare} run (elbo4j's tasks and the peers', all in
 * the peers' format: {@code peer}, {@code task}, {@code summary[]} with {@code variant},
 * {@code wall_s}, {@code iters}, {@code per_iter_ms}, {@code final_elbo}, {@code quality}) into
 * a Markdown table: per task, every elbo4j variant against every peer variant, with the time
 * ratio and both quality figures, so a faster but worse result cannot hide.
 * Usage: {@code CompareReport RESULTS.jsonl HEADER.md OUT.md}.
 */
public final class CompareReport {

    private CompareReport() {
    }

    record Row(String task, String peer, String variant, double wallS, double perIterMs, long iters, String elbo, String quality) {
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
                rows.add(new Row(task, peer, "MISSING: " + doc.get("missing").asText(), Double.NaN, Double.NaN, 0, "", ""));
                continue;
            }
            for (JsonNode v : doc.path("summary")) {
                rows.add(new Row(task, peer, v.path("variant").asText(), v.path("wall_s").asDouble(Double.NaN),
                        v.path("per_iter_ms").asDouble(Double.NaN), v.path("iters").asLong(), v.path("final_elbo").asText(""),
                        v.has("quality") ? v.get("quality").toString() : ""));
            }
        }
        return rows;
    }

    static String table(List<Row> rows) {
        Map<String, List<Row>> byTask = new LinkedHashMap<>();
        for (Row r : rows) {
            byTask.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| task | system / variant | wall s | iters | ms/iter | time ratio peer/elbo4j | final ELBO | quality |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Row>> e : byTask.entrySet()) {
            List<Row> ours = e.getValue().stream().filter(r -> r.peer().startsWith("elbo4j")).toList();
            for (Row r : e.getValue()) {
                String ratio = "";
                if (!r.peer().startsWith("elbo4j") && !ours.isEmpty() && Double.isFinite(r.wallS())) {
                    Row ref = ours.get(0);
                    ratio = String.format(Locale.ROOT, "%.2f× (ms/iter %.2f×)", r.wallS() / ref.wallS(), r.perIterMs() / ref.perIterMs());
                }
                sb.append(String.format(Locale.ROOT, "| %s | %s: %s | %.2f | %d | %.3f | %s | %s | `%s` |%n", e.getKey(), r.peer(),
                        r.variant(), r.wallS(), r.iters(), r.perIterMs(), ratio, r.elbo(), r.quality().replace("|", "/")));
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        String header = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        String page = header + "\n" + table(rows(lines)) + "\nRaw results: `" + args[0] + "`.\n";
        Path out = Path.of(args[2]);
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".compare", ".md");
        Files.writeString(tmp, page, StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.print(page);
    }
}
