package io.github.elbo4j.mcmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * NUTS on the benchmarks' Bayesian logistic regression (10000 × 20, {@code w ~ N(0, I)}, no
 * intercept) against its committed NUTS reference: rstan 2.21.7, 4 chains × (1000 + 1000)
 * ({@code ../shared/peers/stan_advi_logreg.R}); data and reference copied into
 * {@code src/test/resources/reference/} by {@code make_logreg_copy.py} ({@code logreg_10000x20.csv.gz},
 * {@code logreg_nuts_reference.json}). Four short chains (250 + 500; ~22000 gradients of the
 * 10000-row likelihood, ~4 s on two idle cores) keep the test short yet give each coordinate a bulk
 * ESS near 1500, where R-hat's own spread (~0.0015) leaves room below 1.01.
 * Tolerances, 4 standard errors: a mean within {@code 4 sqrt(MCSE² + se_ref²)} (both runs' Monte
 * Carlo errors), an sd within {@code 4 · sd / sqrt(2 · ESS)} of the reference's plus the reference's
 * own ({@code sd/sqrt(2 · n_eff)}).
 */
class NutsLogisticRegressionTest {

    @Test
    void theBenchmarkPosteriorMatchesRstansNutsWithoutDivergences() throws IOException {
        Tensor[] data = read();
        JsonNode ref = new ObjectMapper().readTree(NutsLogisticRegressionTest.class.getResourceAsStream("/reference/logreg_nuts_reference.json"));
        Samples s = Nuts.of(model(data[0], data[1])).chains(4).threads(2).warmup(250).draws(500).seed(3).run();
        List<ParameterSummary> rows = s.summary();
        assertThat(rows).hasSize(20);
        for (int j = 0; j < 20; j++) {
            ParameterSummary r = rows.get(j);
            double mean = ref.get("mean").get(j).asDouble();
            double sd = ref.get("sd").get(j).asDouble();
            double se = ref.get("se_mean").get(j).asDouble();
            double refEss = ref.get("n_eff").get(j).asDouble();
            assertThat(r.mean()).as(r.name()).isCloseTo(mean, offset(4 * Math.hypot(r.mcseMean(), se)));
            double ess = Math.min(r.essBulk(), r.essTail());
            assertThat(r.sd()).as(r.name()).isCloseTo(sd, offset(4 * Math.hypot(sd / Math.sqrt(2 * ess), sd / Math.sqrt(2 * refEss))));
            assertThat(r.rhat()).as(r.name()).isLessThan(1.01);
        }
        assertThat(s.divergences()).isZero();
        assertThat(s.treeDepthSaturations()).isZero();
    }

    static Model model(Tensor x, Tensor y) {
        int n = x.dim(0);
        int d = x.dim(1);
        Var xt = Var.constant(x.transpose());
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            Var logits = w.reshape(-1, d).matmul(xt);
            m.plate("rows", n, p -> m.observe("y", Bernoulli.ofLogits(logits), y));
        };
    }

    /** The features {@code [10000, 20]} and the 0/1 responses. */
    static Tensor[] read() throws IOException {
        try (InputStream in = NutsLogisticRegressionTest.class.getResourceAsStream("/reference/logreg_10000x20.csv.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            List<String> lines = r.lines().skip(1).filter(l -> !l.isBlank()).toList();
            int n = lines.size();
            int d = lines.get(0).split(",").length - 1;
            double[] x = new double[n * d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i).split(",");
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = Double.parseDouble(f[j]);
                }
                y[i] = Double.parseDouble(f[d]);
            }
            return new Tensor[] {Tensor.of(x, n, d), Tensor.of(y)};
        }
    }
}
