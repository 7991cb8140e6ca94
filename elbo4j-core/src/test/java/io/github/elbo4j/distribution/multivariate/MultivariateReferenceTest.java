package io.github.elbo4j.distribution.multivariate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.DistributionReferenceTest;
import io.github.elbo4j.distribution.kl.KlDivergence;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Log-densities, means, variances, entropies and KL divergences of the multivariate families
 * against {@code src/test/resources/reference/multivariate.json}, written by
 * {@code make_multivariate_reference.py} in the same folder (scipy.stats for the normal,
 * Dirichlet and Wishart families; the LKJ paper's normalizing constant and quadrature for
 * LKJCholesky; numpy.linalg and quadrature for the KL divergences). Tolerance: relative error
 * ≤ 1e-10 ({@link #CLOSED_FORM}), or the case's own "tolerance" where the JSON states one and why
 * (an ill-conditioned covariance; quadrature-based references).
 */
public class MultivariateReferenceTest {

    static final double CLOSED_FORM = 1e-10;

    public static JsonNode reference() throws IOException {
        try (InputStream in = MultivariateReferenceTest.class.getResourceAsStream("/reference/multivariate.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyQuantityMatchesTheReference() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : reference().get("cases")) {
            String label = c.get("distribution").asText() + " " + c.get("label").asText();
            tests.add(DynamicTest.dynamicTest(label, () -> {
                Distribution d = create(c.get("distribution").asText(), c.get("params"));
                double tol = c.has("tolerance") ? c.get("tolerance").asDouble() : CLOSED_FORM;
                assertClose(label + " log_prob", d.logProb(tensor(c.get("x"))).value(), c.get("log_prob"), tol);
                assertClose(label + " mean", d.mean(), c.get("mean"), tol);
                assertClose(label + " variance", d.variance(), c.get("variance"), tol);
                assertClose(label + " entropy", d.entropy().value(), c.get("entropy"), tol);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> klDivergencesMatchTheReference() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : reference().get("kl")) {
            String label = "KL " + c.get("label").asText();
            tests.add(DynamicTest.dynamicTest(label, () -> {
                Distribution p = create(c.get("p").get("distribution").asText(), c.get("p").get("params"));
                Distribution q = create(c.get("q").get("distribution").asText(), c.get("q").get("params"));
                double tol = c.has("tolerance") ? c.get("tolerance").asDouble() : CLOSED_FORM;
                assertClose(label, KlDivergence.of(p, q).value(), c.get("kl"), tol);
            }));
        }
        return tests.stream();
    }

    /** The distribution a case names, with the generator's parameter names. */
    static Distribution create(String name, JsonNode p) {
        switch (name) {
            case "MultivariateNormal":
                if (p.has("scale_tril")) {
                    return MultivariateNormal.ofScaleTril(tensor(p.get("loc")), tensor(p.get("scale_tril")));
                }
                if (p.has("covariance")) {
                    return MultivariateNormal.ofCovariance(tensor(p.get("loc")), tensor(p.get("covariance")));
                }
                return MultivariateNormal.ofPrecision(tensor(p.get("loc")), tensor(p.get("precision")));
            case "LowRankMultivariateNormal":
                return LowRankMultivariateNormal.of(tensor(p.get("loc")), tensor(p.get("cov_factor")), tensor(p.get("cov_diag")));
            case "Dirichlet":
                return Dirichlet.of(tensor(p.get("concentration")));
            case "Wishart":
                return Wishart.ofScaleTril(p.get("df").asDouble(), tensor(p.get("scale_tril")));
            case "LKJCholesky":
                return LkjCholesky.of(p.get("dim").asInt(), p.get("concentration").asDouble());
            default:
                throw new IllegalArgumentException("no factory for reference distribution " + name);
        }
    }

    /** A nested JSON array (or a number) as a tensor of the nesting's shape. */
    public static Tensor tensor(JsonNode node) {
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.get(0)) {
            shape.add(n.size());
        }
        List<Double> values = new ArrayList<>();
        flatten(node, values);
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return Tensor.of(v, shape.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                flatten(n, out);
            }
        } else {
            out.add(DistributionReferenceTest.number(node));
        }
    }

    /** Relative error {@code |a - e| <= tol · |e|} element by element (exact where {@code e = 0}). */
    public static void assertClose(String what, Tensor actual, JsonNode expectedNode, double tol) {
        double[] a = actual.toArray();
        double[] e = tensor(expectedNode).toArray();
        assertThat(a.length).as(what + " length").isEqualTo(e.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double err = e[i] == 0 ? Math.abs(a[i]) : Math.abs(a[i] - e[i]) / Math.abs(e[i]);
            worst = Math.max(worst, err);
            assertThat(err).as("%s[%d]: actual %s expected %s", what, i, a[i], e[i]).isLessThanOrEqualTo(tol);
        }
        System.out.printf("reference %-60s max relative error %.3g%n", what, worst);
    }
}
