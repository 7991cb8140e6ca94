package io.github.elbo4j.cavi.gmm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sweep's updates, ELBO and predictions against an independent numpy/scipy implementation of
 * Bishop's equations (PRML sec. 10.2) and Blei and Jordan's sticks:
 * {@code src/test/resources/reference/make_gmm_reference.py} and its output {@code gmm_reference.json}.
 * Relative tolerance {@code 1e-10} (absolute for values below 1). With one component q is the
 * exact posterior, so the ELBO must equal the log evidence (Murphy 2007, eqs. 95, 266), which the
 * script computes in closed form.
 */
class GaussianMixtureReferenceTest {

    private static final double TOLERANCE = 1e-10;
    private static final JsonNode REFERENCE = load();

    private static JsonNode load() {
        try (InputStream in = GaussianMixtureReferenceTest.class.getResourceAsStream("/reference/gmm_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode dataset : REFERENCE.get("datasets")) {
            for (JsonNode c : dataset.get("cases")) {
                out.add(Arguments.of(dataset.get("name").asText(), c.get("covarianceType").asText(),
                        c.get("weightPrior").get("type").asText(), dataset, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "data {0}: {1} covariance with {2} weights follows Bishop''s updates sweep by sweep")
    @MethodSource("cases")
    void everySweepMatchesTheIndependentImplementation(String name, String type, String weights, JsonNode dataset, JsonNode c) {
        int sweeps = REFERENCE.get("sweeps").asInt();
        for (int s = 1; s <= sweeps; s++) {
            GaussianMixtureResult r = configure(dataset, c).maxSweeps(s).build().fit(matrix(dataset.get("x")));
            JsonNode expected = c.get("sweeps").get(s - 1);
            assertThat(r.sweeps()).isEqualTo(s);
            close("elbo", r.elbo(), expected.get("elbo").asDouble());
            close("sklearnScale", r.sklearnScaleElbo(), expected.get("sklearnScale").asDouble());
            close("weightConcentration", r.weightConcentration(), expected.get("weightConcentration"));
            close("meanPrecision", r.meanPrecision(), expected.get("meanPrecision"));
            close("means", r.means(), expected.get("means"));
            close("degreesOfFreedom", r.degreesOfFreedom(), expected.get("degreesOfFreedom"));
            close("inverseScale", r.inverseScale(), expected.get("inverseScale"));
            close("weights", r.weights(), expected.get("weights"));
            close("responsibilities", r.responsibilities(), expected.get("responsibilities"));
            for (int t = 0; t < s; t++) {
                close("elboHistory[" + t + "]", r.elboTrace().values()[t], c.get("sweeps").get(t).get("elbo").asDouble());
            }
            close("droppedConstants", r.droppedConstants(), c.get("droppedConstants").asDouble());
            if (s == sweeps) {
                double[][] test = matrix(dataset.get("test"));
                close("predictProba", r.predictProba(test), c.get("predictProba"));
                close("logPredictive", r.logPredictiveDensity(test), c.get("logPredictive"));
            }
        }
    }

    static Stream<Arguments> evidenceCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode dataset : REFERENCE.get("datasets")) {
            for (CovarianceType type : CovarianceType.values()) {
                for (WeightPrior w : new WeightPrior[] {WeightPrior.dirichlet(0.3), WeightPrior.dirichletProcess(1.7)}) {
                    out.add(Arguments.of(dataset.get("name").asText(), type, w, dataset));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "data {0}: with one {1} component and {2} weights the ELBO is the log evidence")
    @MethodSource("evidenceCases")
    void withOneComponentTheElboEqualsTheLogEvidence(String name, CovarianceType type, WeightPrior w, JsonNode dataset) {
        GaussianMixtureVI.Builder b = GaussianMixtureVI.builder().components(1).threads(1).covarianceType(type).weightPrior(w).maxSweeps(3);
        if (dataset.get("customPriors").asBoolean()) {
            JsonNode p = dataset.get("cases").get(0).get("priors");
            b.meanPrior(vector(p.get("mean"))).meanPrecisionPrior(p.get("meanPrecision").asDouble())
                    .degreesOfFreedomPrior(p.get("degreesOfFreedom").asDouble()).covariancePrior(matrix(p.get("covariance")));
        }
        GaussianMixtureResult r = b.build().fit(matrix(dataset.get("x")));
        for (double elbo : r.elboTrace().values()) {
            close("elbo", elbo, dataset.get("logEvidenceOneComponent").get(type.name()).asDouble());
        }
    }

    private static GaussianMixtureVI.Builder configure(JsonNode dataset, JsonNode c) {
        double[][] r0 = matrix(dataset.get("initialResponsibilities"));
        JsonNode w = c.get("weightPrior");
        double concentration = w.get("concentration").asDouble();
        GaussianMixtureVI.Builder b = GaussianMixtureVI.builder().components(r0[0].length)
                .covarianceType(CovarianceType.valueOf(c.get("covarianceType").asText()))
                .weightPrior(w.get("type").asText().equals("dirichlet") ? WeightPrior.dirichlet(concentration)
                        : WeightPrior.dirichletProcess(concentration))
                .initialization(GmmInitialization.fromResponsibilities(r0)).tolerance(0).threads(1);
        JsonNode p = c.get("priors");
        if (p != null && !p.isNull()) {
            b.meanPrior(vector(p.get("mean"))).meanPrecisionPrior(p.get("meanPrecision").asDouble())
                    .degreesOfFreedomPrior(p.get("degreesOfFreedom").asDouble()).covariancePrior(matrix(p.get("covariance")));
        }
        return b;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(rows.get(i));
        }
        return m;
    }

    static double[] vector(JsonNode values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        return v;
    }

    private static void close(String what, Tensor actual, JsonNode expected) {
        double[] a = actual.toArray();
        assertThat(a).as(what + " size").hasSize(expected.size());
        for (int i = 0; i < a.length; i++) {
            close(what + "[" + i + "]", a[i], expected.get(i).asDouble());
        }
    }

    private static void close(String what, double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs reference %s", what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected)));
    }
}
