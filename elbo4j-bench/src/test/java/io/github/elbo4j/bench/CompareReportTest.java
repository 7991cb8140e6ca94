package io.github.elbo4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke test of the comparison runner's pieces at a tiny size (no peers, no timing assertions). */
class CompareReportTest {

    @Test
    void tablePairsElbo4jWithEachPeerAndReportsMissingPeers() throws IOException {
        List<String> lines = List.of(
                "{\"peer\": \"elbo4j\", \"task\": \"t\", \"summary\": [{\"variant\": \"ours\", \"wall_s\": 1.0, \"iters\": 10, \"per_iter_ms\": 100.0, \"final_elbo\": -5.0, \"quality\": {\"err\": 0.1}}]}",
                "{\"peer\": \"torch\", \"task\": \"t\", \"summary\": [{\"variant\": \"f64\", \"wall_s\": 3.0, \"iters\": 10, \"per_iter_ms\": 300.0, \"final_elbo\": -5.1}]}",
                "{\"peer\": \"rstan\", \"task\": \"t\", \"missing\": \"not installed\"}");
        String table = CompareReport.table(CompareReport.rows(lines));
        assertThat(table).contains("| t | elbo4j: ours | 1.00 | 10 | 100.000 |");
        assertThat(table).contains("3.00× (ms/iter 3.00×) vs ours");
        assertThat(table).contains("MISSING: not installed");
    }

    @Test
    void samplersAreComparedByEffectiveSamplesPerSecond() throws IOException {
        // elbo4j's line gives ess_per_s; rstan's NUTS line (stan_advi_logreg.R nuts) only min_n_eff and wall_s
        List<String> lines = List.of(
                "{\"peer\": \"elbo4j\", \"task\": \"n\", \"summary\": [{\"variant\": \"NUTS\", \"pair\": \"rstan NUTS\", \"wall_s\": 10.0, \"iters\": 8000, \"per_iter_ms\": 1.25, \"ess_per_s\": 300.0}]}",
                "{\"peer\": \"rstan\", \"task\": \"n\", \"summary\": [{\"variant\": \"rstan NUTS 4x(1000+1000), cores=2\", \"wall_s\": 20.0, \"iters\": 8000, \"per_iter_ms\": 2.5, \"quality\": {\"max_Rhat\": 1.001, \"min_n_eff\": 3000}}]}");
        String table = CompareReport.table(CompareReport.rows(lines));
        // rstan: 3000 / 20 s = 150 ESS/s; elbo4j 300: twice as many
        assertThat(table).contains("ESS/s 150.0 vs elbo4j 300.0: elbo4j 2.00×");
    }

    @Test
    void logisticComparisonModelFitsTinyDataInTheTorchSettings(@TempDir Path dir) throws IOException {
        Random r = new Random(5);
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 200; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            double p = 1 / (1 + Math.exp(-(2 * x1 - x2)));
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%d%n", x1, x2, r.nextDouble() < p ? 1 : 0));
        }
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, csv.toString());
        var data = LogisticAdviComparison.read(file);
        assertThat(data[0].shape()).containsExactly(200, 2);
        var fit = io.github.elbo4j.infer.Svi.builder(LogisticAdviComparison.model(data[0], data[1]))
                .guide(io.github.elbo4j.infer.guide.AutoGuide.meanField(1.0))
                .optimizer(io.github.elbo4j.optim.Adam.lr(0.05)).maxSteps(1500).seed(0).build().run();
        double[] w = ((io.github.elbo4j.infer.GuidePosterior) fit.posterior()).location("w").toArray();
        // true weights (2, -1); 200 rows leave a posterior sd of about 0.25
        assertThat(w[0]).isBetween(1.0, 3.0);
        assertThat(w[1]).isBetween(-2.0, -0.3);
    }
}
