package io.github.elbo4j.cavi.conjugate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads {@code src/test/resources/reference/cavi_reference.json}, written by
 * {@code make_cavi_reference.py} in the same folder (scipy, numpy and mpmath; see its docstring
 * for how each number is computed independently of the Java code).
 */
final class CaviReferenceFile {

    private static final JsonNode ROOT = load();

    private CaviReferenceFile() {
    }

    /** One top-level section: beta_binomial, seed_coin, normal_gamma, gaussian_chain, linear_regression. */
    static JsonNode section(String name) {
        return ROOT.get(name);
    }

    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(rows.get(i));
        }
        return m;
    }

    static Tensor tensor(JsonNode rows) {
        return Tensor.of(matrix(rows));
    }

    private static JsonNode load() {
        try (InputStream in = CaviReferenceFile.class.getResourceAsStream("/reference/cavi_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
