package io.github.elbo4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.cavi.gmm.WeightPrior;
import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison runner at a tiny size, without peers: each elbo4j task's Java side runs on small
 * data and prints the peers' format; the report pairs them with a stand-in peer line and a missing
 * peer, writes its section into a page (twice: the second run replaces the first) and a PNG chart.
 * Checks results, not timings.
 */
class CompareRunnerSmokeTest {

    @Test
    void gmmTaskRecoversTheMixtureOnTinyData() {
        double[][] train = GmmBenchmarkData.generate(2000, 1).x;
        double[][] heldout = GmmBenchmarkData.generate(500, 2).x;
        Map<String, Object> v = GmmComparison.run("dirichlet_process", WeightPrior.dirichletProcess(0.1), train, heldout, 1, 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> q = (Map<String, Object>) v.get("quality");
        assertThat((int) q.get("n_effective_components")).isEqualTo(5);
        // 2000 rows: a component mean is estimated to about sd / sqrt(n_k) = 1.4 / sqrt(200) = 0.1
        assertThat((double) q.get("mean_abs_err_max")).isLessThan(0.4);
        assertThat((long) v.get("iters")).isBetween(2L, (long) GmmComparison.MAX_SWEEPS);
        assertThat((double) v.get("final_elbo")).isFinite();
    }

    @Test
    void sklearnStoppingRuleStopsAtTheFirstSmallChange() {
        assertThat(GmmComparison.sklearnStoppingSweep(new double[] {-10, -5, -4.9995, -4.9994}, 1e-3)).isEqualTo(3);
        assertThat(GmmComparison.sklearnStoppingSweep(new double[] {-10, -5, -4}, 1e-3)).isEqualTo(3);
    }

    @Test
    void ldaTaskReportsPerplexityOnATinyCorpus() {
        int v = 20;
        int[][] ids = new int[40][];
        double[][] counts = new double[40][];
        for (int d = 0; d < 40; d++) {
            int first = d % 2 == 0 ? 0 : 10;
            ids[d] = new int[] {first, first + 1, first + 2, first + 3};
            counts[d] = new double[] {3, 2, 2, 1};
        }
        DocumentTermMatrix corpus = DocumentTermMatrix.ofRows(v, ids, counts);
        Map<String, Object> row = LdaComparison.run("batch", corpus, corpus, 1, 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> q = (Map<String, Object>) row.get("quality");
        // scikit-learn 1.2.1, same settings, random_state 0-9 alike: 7.789778
        // (reference/make_tiny_lda_reference.py -> reference/tiny_lda_reference.txt; 6 decimals)
        assertThat((double) q.get("perplexity_test")).isCloseTo(7.789778, org.assertj.core.data.Offset.offset(1e-5));
        assertThat((long) row.get("iters")).isEqualTo(50L);
    }

    @Test
    void matmulTimingMultipliesTheMatrices() {
        assertThat(MatmulComparison.medianSeconds(24, 3, 0.0)).isPositive().isFinite();
    }

    @Test
    void reportWritesTheSectionAndTheChartAndReplacesThemOnTheNextRun(@TempDir Path dir) throws IOException {
        String ours = PeerFormat.line("t", "tiny", 2, List.of(
                PeerFormat.variant("ours online", "online", 1.0, 10, -5.0, Map.of("perplexity_test", 7.0)),
                PeerFormat.variant("ours batch", "batch", 2.0, 50, -4.0, Map.of("perplexity_test", 6.0))), Map.of());
        JsonNode parsed = new ObjectMapper().readTree(ours);
        assertThat(parsed.get("summary").get(1).get("per_iter_ms").asDouble()).isEqualTo(40.0);
        Path results = dir.resolve("r.jsonl");
        Files.write(results, List.of(ours,
                "{\"peer\": \"sk\", \"task\": \"t\", \"summary\": [{\"variant\": \"K=20 batch\", \"wall_s\": 8.0, \"iters\": 50, \"per_iter_ms\": 160.0},"
                        + " {\"variant\": \"K=20 online\", \"wall_s\": 3.0, \"iters\": 10, \"per_iter_ms\": 300.0}]}",
                "{\"peer\": \"rstan\", \"task\": \"t\", \"missing\": \"r-cran-rstan not installed\"}"));
        Path header = dir.resolve("h.md");
        Files.writeString(header, "## Against the peers\n");
        Path page = dir.resolve("bench.md");
        Files.writeString(page, "# Benchmarks\n\nhand-written text\n");
        Path png = dir.resolve("ratios.png");
        String[] args = {results.toString(), header.toString(), page.toString(), png.toString()};
        CompareReport.main(args);
        CompareReport.main(args);
        String text = Files.readString(page);
        assertThat(text).startsWith("# Benchmarks\n\nhand-written text\n");
        assertThat(text.split(java.util.regex.Pattern.quote(CompareReport.BEGIN), -1)).hasSize(2);
        assertThat(text).contains("| t | sk: K=20 batch | 8.00 | 50 | 160.000 | 4.00× (ms/iter 4.00×) vs batch |");
        assertThat(text).contains("| t | sk: K=20 online | 3.00 | 10 | 300.000 | 3.00× (ms/iter 3.00×) vs online |");
        assertThat(text).contains("MISSING: r-cran-rstan not installed").contains("![time ratios](ratios.png)");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
