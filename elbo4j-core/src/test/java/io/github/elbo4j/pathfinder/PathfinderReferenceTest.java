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

    @Test
    void eightSchoolsExplore() throws IOException {
        PathfinderFit r = Pathfinder.of(eightSchools()).paths(4).seed(7).run();
        JsonNode ref = json("eight_schools_noncentered_nuts.json").path("parameters");
        List<SiteSummary> s = r.summary();
        for (int i = 0; i < ref.size(); i++) {
            JsonNode p = ref.get(i);
            SiteSummary row = s.stream().filter(x -> x.name().equals(p.path("name").asText())).findFirst().orElseThrow();
            System.out.printf("%s err %.3f sdratio %.3f%n", row.name(), (row.mean() - p.path("mean").asDouble()) / p.path("sd").asDouble(),
                    row.sd() / p.path("sd").asDouble());
        }
        System.out.println("khat " + r.paretoK() + " grads " + r.gradientEvaluations() + " " + r.fit().notes());
    }

    @Test
    void logregExplore() throws IOException {
        Tensor[] xy = logregData();
        PathfinderFit r = Pathfinder.of(logreg(xy[0], xy[1])).paths(4).seed(7).run();
        JsonNode ref = json("logreg_nuts.json");
        List<SiteSummary> s = r.summary();
        double worst = 0;
        double worstSd = 0;
        for (int j = 0; j < 20; j++) {
            double err = (s.get(j).mean() - ref.path("mean").get(j).asDouble()) / ref.path("sd").get(j).asDouble();
            worst = Math.max(worst, Math.abs(err));
            worstSd = Math.max(worstSd, Math.abs(Math.log(s.get(j).sd() / ref.path("sd").get(j).asDouble())));
        }
        System.out.println("logreg worst " + worst + " sd log ratio " + worstSd + " khat " + r.paretoK() + " grads " + r.gradientEvaluations() + " " + r.fit().notes());
    }
}
