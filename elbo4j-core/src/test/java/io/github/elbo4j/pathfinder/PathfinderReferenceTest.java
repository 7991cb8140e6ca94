package io.github.elbo4j.pathfinder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfCauchy;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Pathfinder against NUTS references (rstan), in posterior sds. The references and the data are
 * copied by {@code src/test/resources/reference/pathfinder/copy_references.py} from
 * {@code elbo4j-bench/.../posteriors/eight_schools_noncentered/reference.json} and
 * {@code /work/shared/peers/data/logreg_reference.json} (logreg_10000x20.csv).
 */
class PathfinderReferenceTest {

    static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
    static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

    static Model eightSchools() {
        Tensor y = Tensor.of(Y);
        Var sigma = Var.constant(Tensor.of(SIGMA));
        return m -> {
            Var mu = m.sample("mu", Normal.of(0, 5));
            Var tau = m.sample("tau", HalfCauchy.of(5));
            m.plate("schools", 8, p -> {
                Var eta = m.sample("eta", Normal.of(0, 1).expand(8));
                m.observe("y", Normal.of(mu.add(tau.mul(eta)), sigma), y);
            });
        };
    }

    static Tensor[] logregData() throws IOException {
        try (InputStream in = PathfinderReferenceTest.class.getResourceAsStream("/reference/pathfinder/logreg_10000x20.csv.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            r.readLine();
            List<double[]> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                double[] v = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    v[i] = Double.parseDouble(f[i]);
                }
                rows.add(v);
            }
            int n = rows.size();
            int d = rows.get(0).length - 1;
            double[] x = new double[n * d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows.get(i), 0, x, i * d, d);
                y[i] = rows.get(i)[d];
            }
            return new Tensor[] {Tensor.of(x, n, d), Tensor.of(y)};
        }
    }

    /** {@code beta ~ N(0, 1)}, {@code y ~ Bernoulli(sigmoid(X beta))}, no intercept (peers/stan/logreg.stan). */
    static Model logreg(Tensor x, Tensor y) {
        int n = x.dim(0);
        int d = x.dim(1);
        Var xt = Var.constant(x.transpose());
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            Var logits = w.reshape(-1, d).matmul(xt);
            m.plate("rows", n, p -> m.observe("y", Bernoulli.ofLogits(logits), y));
        };
    }

    static JsonNode json(String name) throws IOException {
        try (InputStream in = PathfinderReferenceTest.class.getResourceAsStream("/reference/pathfinder/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The summary row named {@code name}. */
    static SiteSummary row(List<SiteSummary> rows, String name) {
        return rows.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Logistic regression, 10000 x 20 (nearly Gaussian posterior): two paths, 1000 resampled draws.
     * Tolerance on each mean, in NUTS posterior sds: the resampled draws' Monte Carlo error is
     * {@code 1/√ESS} sds with an importance ESS above 500 here (k-hat < 0.5), so 4 standard errors are
     * 0.18; the reference's own error is below 0.02 sds: bound 0.25 (measured max 0.08 with 4 paths).
     * Each sd within a factor 1.25 (the relative error of an sd from {@code ESS} draws is
     * {@code 1/√(2 ESS)} ≈ 0.03; measured within 6%).
     */
    @Test
    void logisticRegressionMatchesNuts() throws IOException {
        Tensor[] xy = logregData();
        PathfinderFit r = Pathfinder.of(logreg(xy[0], xy[1])).paths(2).seed(7).run();
        JsonNode ref = json("logreg_nuts.json");
        List<SiteSummary> rows = r.summary();
        assertThat(rows).hasSize(20);
        for (int j = 0; j < 20; j++) {
            double sd = ref.path("sd").get(j).asDouble();
            SiteSummary s = row(rows, "w[" + j + "]");
            assertThat((s.mean() - ref.path("mean").get(j).asDouble()) / sd).as("mean error of w[%d] in sds", j).isBetween(-0.25, 0.25);
            assertThat(s.sd() / sd).as("sd ratio of w[%d]", j).isBetween(0.8, 1.25);
        }
        assertThat(r.paretoK()).isLessThan(0.5);
        assertThat(r.fit().diagnostics().importanceEss()).isGreaterThan(500);
        assertThat(r.gradientEvaluations()).isLessThan(100);         // L-BFGS converges in about 10 iterations per path
    }

    /**
     * Eight schools, non-centered, 4 paths. The joint mode is a poor place for a normal
     * approximation here (a Laplace fit at it has an ELBO near -62, iterates early on the path near
     * -34), so each path picks an early iterate, and the resampled draws miss part of the posterior of
     * {@code mu} (measured error -0.69 sd, sd ratio 0.53 on this seed; -0.68 to -0.76 over six runs)
     * while the {@code eta} are within 0.22 sd. The tests pin that down: the {@code eta} means within
     * 0.35 sd, {@code mu} and {@code tau} within 1 sd, and above all the diagnostic says so: k-hat
     * above 0.7, so the verdict is not GOOD.
     */
    @Test
    void eightSchoolsIsFlaggedByItsParetoK() throws IOException {
        PathfinderFit r = Pathfinder.of(eightSchools()).paths(4).seed(7).run();
        JsonNode ref = json("eight_schools_noncentered_nuts.json").path("parameters");
        List<SiteSummary> rows = r.summary();
        for (JsonNode p : ref) {
            String name = p.path("name").asText();
            double error = (row(rows, name).mean() - p.path("mean").asDouble()) / p.path("sd").asDouble();
            assertThat(Math.abs(error)).as("mean error of %s in sds", name).isLessThan(name.startsWith("eta") ? 0.35 : 1.0);
        }
        assertThat(r.paretoK()).isGreaterThan(0.7);
        assertThat(r.fit().verdict().level()).isNotEqualTo(io.github.elbo4j.infer.Verdict.Level.GOOD);
    }
}
