package io.github.elbo4j.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads {@code src/test/resources/reference/psis_reference.json}, written by
 * {@code make_psis_reference.R} in the same folder with the R package loo 2.5.1 (see its header for
 * what each field is and which loo function produced it). Numbers are at 17 significant digits, so
 * they parse back to the doubles R held; {@code "Inf"}, {@code "-Inf"} and {@code "NaN"} are strings.
 */
final class PsisReferenceFile {

    private static final JsonNode ROOT = load();

    private PsisReferenceFile() {
    }

    /** The PSIS cases, each with name, S, tail_len, log_ratios, z, pareto_k, log_weights, n_eff, e_*. */
    static JsonNode cases() {
        return ROOT.get("cases");
    }

    /** The gpdfit cases, each with x, k, sigma, k_without_prior, sigma_without_prior. */
    static JsonNode generalizedParetoFits() {
        return ROOT.get("gpdfit");
    }

    static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return switch (node.asText()) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> throw new IllegalStateException("not a number in psis_reference.json: " + node);
        };
    }

    static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(array.get(i));
        }
        return v;
    }

    private static JsonNode load() {
        try (InputStream in = PsisReferenceFile.class.getResourceAsStream("/reference/psis_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
