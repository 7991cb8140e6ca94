package io.github.elbo4j.gp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The committed reference file {@code sklearn_reference.json}, written by {@code make_reference.py}
 * beside it (scikit-learn 1.2.1 GaussianProcessRegressor with {@code optimizer=None}, numpy 1.24
 * hermgauss), and the elbo4j kernel equal to each case's scikit-learn kernel.
 */
final class SklearnReference {

    private static final JsonNode ROOT = load();

    /** Each case's kernel, written with elbo4j's classes (same functions, same hyperparameters). */
    static final Map<String, Kernel> KERNELS = Map.of(
            "se_ard", SquaredExponential.of(1.3, 0.7, 1.9),
            "matern12", Matern.half(0.8, 0.9),
            "matern32", Matern.threeHalves(1.1, 0.6, 1.4),
            "matern52", Matern.fiveHalves(0.9, 1.2),
            "periodic", Periodic.of(1.2, 0.8, 1.7),
            "linear", Linear.of(0.6),
            "sum", SquaredExponential.of(1.0, 0.9).plus(Periodic.of(0.5, 1.1, 2.3)),
            "product", SquaredExponential.of(0.7, 1.5, 0.8).times(Linear.of(0.4)));

    private SklearnReference() {
    }

    static JsonNode root() {
        return ROOT;
    }

    static JsonNode cases() {
        return ROOT.get("cases");
    }

    static JsonNode hermgauss(int order) {
        return ROOT.get("hermgauss").get(Integer.toString(order));
    }

    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static Tensor matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(rows.get(i));
        }
        return Tensor.of(m);
    }

    private static JsonNode load() {
        try (InputStream in = SklearnReference.class.getResourceAsStream("sklearn_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
