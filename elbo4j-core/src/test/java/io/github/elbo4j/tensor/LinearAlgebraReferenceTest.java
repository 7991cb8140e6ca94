package io.github.elbo4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LinearAlgebra} against numpy 2.4 / scipy 1.17: the values in
 * {@code src/test/resources/reference/linalg_reference.txt}, written by
 * {@code make_linalg_reference.py} next to it (which documents every field). Cases: single
 * matrices of order 1, 2, 3, 5, 8 and 40, batches {@code [3]} and {@code [2, 3]}, and solves whose
 * batch axes broadcast ({@code [2, 1]} with {@code [3]}, {@code [3]} with {@code [2, 1]}, none with
 * {@code [2]}). Triangular inputs carry junk in the triangle that must be ignored.
 *
 * <p>Tolerance: the error is {@code max |actual - expected| / max |expected|} over a tensor
 * (norm-wise relative; element-wise relative error is meaningless for entries near 0). Every
 * op is held to {@value #TOLERANCE}. The inputs have {@code cond(A) <= 6}; backward-stable
 * algorithms then differ from LAPACK by a few ulps times {@code n} (measured worst per op, loops
 * and F2J kernels alike: 1.7e-16 log-determinants, 3.6e-16 Cholesky, 7e-16 solves, 9.8e-16
 * inverse), so the bound has three orders of magnitude of headroom.
 */
class LinearAlgebraReferenceTest {

    static final double TOLERANCE = 1e-12;

    private static final Map<String, Map<String, Tensor>> CASES = read("/reference/linalg_reference.txt");

    static Stream<String> cases() {
        return CASES.keySet().stream();
    }

    /** The cases whose matrices have no batch axes (their right-hand sides may): inputs of the single-matrix kernels. */
    static Stream<String> singleMatrixCases() {
        return CASES.keySet().stream().filter(c -> CASES.get(c).get("a").rank() == 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choleskyMatchesNumpyAndIgnoresTheUpperTriangle(String name) {
        Map<String, Tensor> c = CASES.get(name);
        assertClose(LinearAlgebra.cholesky(c.get("a")), c.get("cholesky"), name + " cholesky");
        assertClose(LinearAlgebra.cholesky(c.get("a_junk")), c.get("cholesky"), name + " cholesky(a_junk)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logDeterminantsMatchSlogdet(String name) {
        Map<String, Tensor> c = CASES.get(name);
        assertClose(LinearAlgebra.logDet(c.get("a_junk")), c.get("logdet"), name + " logDet");
        assertClose(LinearAlgebra.logDetFromCholesky(c.get("l")), c.get("logdet"), name + " logDetFromCholesky");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choleskyInverseMatchesNumpyInv(String name) {
        Map<String, Tensor> c = CASES.get(name);
        assertClose(LinearAlgebra.choleskyInverse(c.get("l")), c.get("inverse"), name + " choleskyInverse");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void triangularSolvesMatchScipyForMatricesAndVectors(String name) {
        Map<String, Tensor> c = CASES.get(name);
        for (boolean lower : new boolean[] {true, false}) {
            for (boolean transpose : new boolean[] {false, true}) {
                String field = "solve_" + (lower ? "lower" : "upper") + (transpose ? "_t" : "");
                Tensor t = c.get(lower ? "l" : "u");
                assertClose(LinearAlgebra.triangularSolve(t, c.get("b"), lower, transpose), c.get(field), name + " " + field);
                assertClose(LinearAlgebra.triangularSolve(t, c.get("v"), lower, transpose), c.get(field + "_v"), name + " " + field + "_v");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choleskySolvesMatchScipyChoSolve(String name) {
        Map<String, Tensor> c = CASES.get(name);
        assertClose(LinearAlgebra.choleskySolve(c.get("l"), c.get("b")), c.get("cho_solve"), name + " choleskySolve");
        assertClose(LinearAlgebra.choleskySolve(c.get("l"), c.get("v")), c.get("cho_solve_v"), name + " choleskySolve vector");
    }

    /** The LAPACK/BLAS kernels (pure-Java F2J when no native library is installed) on the same cases. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("singleMatrixCases")
    void netlibKernelsMatchTheReferenceToo(String name) {
        Map<String, Tensor> c = CASES.get(name);
        int n = c.get("a").dim(0);
        double[] l = c.get("a_junk").toArray();
        assertThat(CholeskyKernel.factorNetlib(l, 0, n)).isZero();
        assertClose(Tensor.of(l, n, n), c.get("cholesky"), name + " dpotrf");

        double[] inverse = c.get("l").toArray();
        CholeskyKernel.invertNetlib(inverse, 0, n);
        assertClose(Tensor.of(inverse, n, n), c.get("inverse"), name + " dpotri");

        Tensor b = c.get("b");
        int k = b.dim(-1);
        for (boolean lower : new boolean[] {true, false}) {
            for (boolean transpose : new boolean[] {false, true}) {
                String field = "solve_" + (lower ? "lower" : "upper") + (transpose ? "_t" : "");
                double[] x = b.toArray();
                for (int o = 0; o < x.length; o += n * k) {
                    TriangularKernel.solveNetlib(c.get(lower ? "l" : "u").toArray(), 0, x, o, n, k, lower, transpose);
                }
                assertClose(Tensor.of(x, b.shape()), c.get(field), name + " dtrsm " + field);
            }
        }
    }

    static void assertClose(Tensor actual, Tensor expected, String what) {
        assertThat(actual.shape()).as("%s shape", what).containsExactly(expected.shape());
        assertThat(relativeError(actual, expected)).as(what).isLessThanOrEqualTo(TOLERANCE);
    }

    /** {@code max |actual - expected| / max |expected|}. */
    static double relativeError(Tensor actual, Tensor expected) {
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < e.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - e[i]));
            scale = Math.max(scale, Math.abs(e[i]));
        }
        return diff / scale;
    }

    private static Map<String, Map<String, Tensor>> read(String resource) {
        Map<String, Map<String, Tensor>> cases = new LinkedHashMap<>();
        try (InputStream in = LinearAlgebraReferenceTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                int[] shape = f[2].equals("-") ? new int[0] : Stream.of(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
                double[] values = new double[f.length - 3];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.parseDouble(f[i + 3]);
                }
                cases.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], Tensor.of(values, shape));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
