package io.github.elbo4j.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.tensor.Tensor;

/**
 * The data of a reference posterior exactly as Stan read them ({@code data.json}, every double in
 * a decimal that parses back to the same double), as tensors for the Java model.
 */
final class PosteriorData {

    private final String name;
    private final JsonNode root;

    private PosteriorData(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** The data of posterior {@code name}. */
    static PosteriorData load(String name) {
        return new PosteriorData(name, new PosteriorFiles(name).data());
    }

    /** An integer entry such as {@code N}. */
    int integer(String key) {
        JsonNode n = require(key);
        if (!n.isIntegralNumber()) {
            throw new IllegalArgumentException(name + "/data.json entry '" + key + "' must be an integer, got " + n);
        }
        return n.intValue();
    }

    /** A numeric array, shape {@code [n]}. */
    Tensor vector(String key) {
        return Tensor.of(numbers(key, require(key)));
    }

    /** An array of integers, e.g. Stan's 1-based group indices. */
    int[] integers(String key) {
        JsonNode n = require(key);
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            if (!n.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException(name + "/data.json entry '" + key + "[" + i + "]' must be an integer, got " + n.get(i));
            }
            out[i] = n.get(i).intValue();
        }
        return out;
    }

    /** An array of equal-length numeric rows, shape {@code [rows, columns]}. */
    Tensor matrix(String key) {
        JsonNode rows = require(key);
        int r = rows.size();
        int c = r == 0 ? 0 : rows.get(0).size();
        double[] values = new double[r * c];
        for (int i = 0; i < r; i++) {
            double[] row = numbers(key + "[" + i + "]", rows.get(i));
            if (row.length != c) {
                throw new IllegalArgumentException(name + "/data.json entry '" + key + "' row " + i + " has " + row.length
                        + " columns, row 0 has " + c);
            }
            System.arraycopy(row, 0, values, i * c, c);
        }
        return Tensor.of(values, r, c);
    }

    private double[] numbers(String key, JsonNode n) {
        if (!n.isArray()) {
            throw new IllegalArgumentException(name + "/data.json entry '" + key + "' must be an array, got " + n.getNodeType());
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            if (!n.get(i).isNumber()) {
                throw new IllegalArgumentException(name + "/data.json entry '" + key + "[" + i + "]' must be a number, got " + n.get(i));
            }
            out[i] = n.get(i).doubleValue();
        }
        return out;
    }

    private JsonNode require(String key) {
        JsonNode n = root.get(key);
        if (n == null) {
            throw new IllegalArgumentException(name + "/data.json has no entry '" + key + "'");
        }
        return n;
    }
}
