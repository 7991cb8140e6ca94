package io.github.elbo4j.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A fit as JSON (format {@value #FORMAT}, version {@value #VERSION}): everything {@link Fit}
 * holds, plus the summary table for readers that do not run Java, and what it takes to rebuild
 * the posterior: the unconstrained parameter values (so a loaded fit samples the same bits), the
 * automatic guide's family and coordinates, or a coordinate-ascent fit's factor distributions;
 * and for stochastic VI the optimizer's accumulators to resume from. Doubles are written in their
 * shortest round-trip form, so values survive a save and load exactly.
 */
public final class FitJson {

    static final String FORMAT = "elbo4j-fit";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FitJson() {
    }

    /** The JSON text of {@code fit}. */
    public static String toJson(Fit fit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("method", fit.method());
        ObjectNode verdict = root.putObject("verdict");
        verdict.put("level", fit.verdict().level().name());
        fit.verdict().reasons().forEach(verdict.putArray("reasons")::add);
        root.put("stopReason", fit.stopReason().name());
        root.put("converged", fit.converged());
        ObjectNode prov = root.putObject("provenance");
        prov.put("seed", fit.provenance().seed());
        prov.put("version", fit.provenance().version());
        ObjectNode settings = prov.putObject("settings");
        fit.provenance().settings().forEach(settings::put);
        fit.notes().forEach(root.putArray("notes")::add);
        ObjectNode trace = root.putObject("elboTrace");
        trace.put("kind", fit.elboTrace().kind().name());
        ArrayNode values = trace.putArray("values");
        for (double v : fit.elboTrace().values()) {
            values.add(v);
        }
        writeDiagnostics(root.putObject("diagnostics"), fit.diagnostics());
        if (!fit.attempts().isEmpty()) {
            ArrayNode attempts = root.putArray("attempts");
            for (GuideAttempt a : fit.attempts()) {
                ObjectNode o = attempts.addObject();
                o.put("guide", a.guide());
                o.put("gradientEvaluations", a.gradientEvaluations());
                if (Double.isFinite(a.elbo())) {
                    o.put("elbo", a.elbo());
                } else {
                    o.put("elbo", Double.toString(a.elbo()));
                }
                a.paretoK().ifPresent(k -> o.put("paretoK", k));
                o.put("seconds", a.seconds());
                o.put("passed", a.passed());
                o.put("verdict", a.verdict());
            }
        }
        ArrayNode summary = root.putArray("summary");
        for (SiteSummary s : fit.summary()) {
            ObjectNode row = summary.addObject();
            row.put("name", s.name());
            row.put("mean", s.mean());
            row.put("sd", s.sd());
            row.put("q05", s.q05());
            row.put("q50", s.q50());
            row.put("q95", s.q95());
        }
        ObjectNode params = root.putObject("parameters");
        fit.parameters().forEach((k, v) -> params.set(k, tensor(v)));
        root.set("posterior", PosteriorJson.write(fit.posterior(), JSON));
        fit.state().ifPresent(s -> root.set("state", PosteriorJson.writeState(s, JSON)));
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code fit} to {@code file} whole or not at all (a temporary file renamed over it). */
    public static void write(Fit fit, Path file) {
        String text = toJson(fit);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fit to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the JSON tree of a saved fit, checking its format. */
    static JsonNode readTree(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read fit file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("fit file " + file + " must have \"format\": \"" + FORMAT + "\", got "
                    + (root == null ? "an empty file" : root.path("format")));
        }
        if (root.path("formatVersion").asInt() != VERSION) {
            throw new IllegalArgumentException("fit file " + file + " has formatVersion " + root.path("formatVersion")
                    + "; this library reads version " + VERSION);
        }
        return root;
    }

    /** Rebuilds a fit from its JSON tree and a posterior. */
    static Fit fromTree(JsonNode root, Posterior posterior, Optional<SviState> state) {
        Map<String, String> settings = new LinkedHashMap<>();
        root.path("provenance").path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        List<String> reasons = new ArrayList<>();
        root.path("verdict").path("reasons").forEach(n -> reasons.add(n.asText()));
        List<String> notes = new ArrayList<>();
        root.path("notes").forEach(n -> notes.add(n.asText()));
        List<GuideAttempt> attempts = readAttempts(root);
        Map<String, Tensor> params = new LinkedHashMap<>();
        root.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), tensor(e.getValue())));
        return new Fit(root.path("method").asText(), params,
                new ElboTrace(doubles(root.path("elboTrace").path("values")), ElboTrace.Kind.valueOf(root.path("elboTrace").path("kind").asText())),
                StopReason.valueOf(root.path("stopReason").asText()), readDiagnostics(root.path("diagnostics")),
                new Verdict(Verdict.Level.valueOf(root.path("verdict").path("level").asText()), reasons),
                new Provenance(root.path("provenance").path("seed").asLong(), settings, root.path("provenance").path("version").asText()),
                posterior, state, notes, attempts);
    }

    /** The attempts of an automatic guide choice saved in the JSON tree {@code root} of a fit (empty when there are none). */
    public static List<GuideAttempt> readAttempts(JsonNode root) {
        List<GuideAttempt> attempts = new ArrayList<>();
        root.path("attempts").forEach(a -> attempts.add(new GuideAttempt(a.path("guide").asText(), a.path("gradientEvaluations").asLong(),
                number(a.path("elbo")), a.has("paretoK") ? OptionalDouble.of(number(a.path("paretoK"))) : OptionalDouble.empty(),
                a.path("seconds").asDouble(), a.path("passed").asBoolean(), a.path("verdict").asText())));
        return attempts;
    }

    private static void writeDiagnostics(ObjectNode node, Diagnostics d) {
        d.paretoK().ifPresent(k -> node.put("paretoK", k));
        d.notChecked().ifPresent(r -> node.put("notChecked", r));
        if (d.checked()) {
            node.put("threshold", d.threshold());
            node.put("draws", d.draws());
            node.put("importanceEss", d.importanceEss());
            node.put("elbo", d.elbo());
            node.put("elboStandardError", d.elboStandardError());
            node.put("logRatioSd", d.logRatioSd());
            ArrayNode sites = node.putArray("sites");
            for (Diagnostics.SiteCheck s : d.sites()) {
                ObjectNode o = sites.addObject();
                o.put("name", s.name());
                o.put("mean", s.mean());
                o.put("psisMean", s.psisMean());
                o.put("mcse", s.mcse());
                o.put("sd", s.sd());
                o.put("psisSd", s.psisSd());
            }
        }
    }

    private static Diagnostics readDiagnostics(JsonNode node) {
        if (!node.has("paretoK")) {
            return Diagnostics.notChecked(node.path("notChecked").asText("no diagnostics were saved"));
        }
        List<Diagnostics.SiteCheck> sites = new ArrayList<>();
        node.path("sites").forEach(s -> sites.add(new Diagnostics.SiteCheck(s.path("name").asText(), number(s.path("mean")),
                number(s.path("psisMean")), number(s.path("mcse")), number(s.path("sd")), number(s.path("psisSd")))));
        return new Diagnostics(OptionalDouble.of(number(node.path("paretoK"))), number(node.path("threshold")), node.path("draws").asInt(),
                number(node.path("importanceEss")), number(node.path("elbo")), number(node.path("elboStandardError")),
                number(node.path("logRatioSd")), sites,
                Optional.empty());
    }

    /** {@code {"shape": [...], "values": [...]}}; non-finite values as the strings "NaN", "Infinity", "-Infinity". */
    static ObjectNode tensor(Tensor t) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode shape = o.putArray("shape");
        for (int s : t.shape()) {
            shape.add(s);
        }
        ArrayNode values = o.putArray("values");
        for (double v : t.toArray()) {
            addNumber(values, v);
        }
        return o;
    }

    static Tensor tensor(JsonNode node) {
        JsonNode shapeNode = node.path("shape");
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
        }
        return Tensor.of(doubles(node.path("values")), shape);
    }

    static void addNumber(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
        } else {
            array.add(Double.toString(v));
        }
    }

    static double number(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }
}
