package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.parallel.WorkerPool;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One E-step and one M-step against an independent numpy implementation on a tiny corpus
 * ({@code src/test/resources/reference/make_lda_reference.py} and its output
 * {@code lda_reference.json}; the script materializes and normalizes φ, which elbo4j never
 * stores). Tolerance: 1e-10 relative, each entry.
 */
class LdaReferenceTest {

    private static final double TOLERANCE = 1e-10;
    private static JsonNode ref;
    private static DocumentTermMatrix corpus;
    private static int topics;
    private static int vocabularySize;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = LdaReferenceTest.class.getResourceAsStream("/reference/lda_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        topics = ref.get("topics").asInt();
        vocabularySize = ref.get("vocabulary_size").asInt();
        JsonNode ids = ref.get("term_ids");
        JsonNode counts = ref.get("counts");
        int[][] termIds = new int[ids.size()][];
        double[][] values = new double[ids.size()][];
        for (int d = 0; d < ids.size(); d++) {
            termIds[d] = new int[ids.get(d).size()];
            values[d] = new double[ids.get(d).size()];
            for (int j = 0; j < termIds[d].length; j++) {
                termIds[d][j] = ids.get(d).get(j).asInt();
                values[d][j] = counts.get(d).get(j).asDouble();
            }
        }
        corpus = DocumentTermMatrix.ofRows(vocabularySize, termIds, values);
    }

    private static LdaSettings settings(int maxIterations, double tolerance) {
        return Lda.builder().topics(topics).docTopicPrior(ref.get("doc_topic_prior").asDouble())
                .topicWordPrior(ref.get("topic_word_prior").asDouble())
                .learningOffset(ref.get("learning_offset").asDouble())
                .learningDecay(ref.get("learning_decay").asDouble())
                .maxDocumentIterations(maxIterations).documentTolerance(tolerance).threads(2).chunkSize(2).build().settings();
    }

    private static double[][] matrix(String name) {
        JsonNode m = ref.get(name);
        double[][] out = new double[m.size()][];
        for (int i = 0; i < m.size(); i++) {
            out[i] = new double[m.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = m.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    private static void assertClose(String what, double[] actual, double[][] expected) {
        int cols = expected[0].length;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < cols; j++) {
                double e = expected[i][j];
                assertThat(Math.abs(actual[i * cols + j] - e)).as("%s[%d][%d]: %s vs numpy %s", what, i, j,
                        actual[i * cols + j], e).isLessThanOrEqualTo(TOLERANCE * Math.abs(e));
            }
        }
    }

    /** {@code β̃ ⊙ S} as a [K][V] array: the expected counts {@code Σ_d n_dw φ_dwk}. */
    private static double[] expectedCountsAfterEStep(LdaSettings s, double[] lambdaTermMajor, double[] gamma,
                                                     double[] expElogBeta) {
        double[] stats = new double[lambdaTermMajor.length];
        try (WorkerPool workers = WorkerPool.of(s.threads())) {
            LdaTopicUpdate.expectedLog(lambdaTermMajor, topics, expElogBeta, workers);
            new LdaEStep(s, vocabularySize, workers).run(corpus, 0, corpus.documentCount(), expElogBeta, gamma,
                    LdaEStep.Start.ONES, null, s.maxDocumentIterations(), stats, false);
        }
        double[] counts = new double[stats.length];
        for (int w = 0; w < vocabularySize; w++) {
            for (int k = 0; k < topics; k++) {
                counts[k * vocabularySize + w] = expElogBeta[w * topics + k] * stats[w * topics + k];
            }
        }
        return counts;
    }

    private static LdaModel initialModel(LdaSettings s) {
        return LdaModel.of(Tensor.of(matrix("lambda0")), s);
    }

    @Test
    void documentTopicsMatchNumpyAtTheDefaultTolerance() {
        LdaModel model = initialModel(settings(100, 1e-3));
        assertClose("gamma", model.documentTopics(corpus).toArray(), matrix("gamma_tol_1e-3"));
    }

    @Test
    void sevenIterationsWithoutToleranceMatchNumpy() {
        LdaSettings s = settings(7, 0);
        double[] gamma = new double[corpus.documentCount() * topics];
        double[] counts = expectedCountsAfterEStep(s, initialModel(s).lambdaTermMajor(), gamma,
                new double[topics * vocabularySize]);
        assertClose("gamma", gamma, matrix("gamma_7_iterations"));
        assertClose("expected counts", counts, matrix("expected_counts_7_iterations"));
    }

    @Test
    void batchAndOnlineTopicUpdatesMatchNumpy() {
        LdaSettings s = settings(100, 1e-3);
        double[] lambda0 = initialModel(s).lambdaTermMajor();
        double[] expElogBeta = new double[lambda0.length];
        double[] gamma = new double[corpus.documentCount() * topics];
        assertClose("expected counts", expectedCountsAfterEStep(s, lambda0, gamma, expElogBeta),
                matrix("expected_counts_tol_1e-3"));

        double[] stats = new double[lambda0.length];
        try (WorkerPool workers = WorkerPool.of(1)) {
            new LdaEStep(s, vocabularySize, workers).run(corpus, 0, corpus.documentCount(), expElogBeta, gamma,
                    LdaEStep.Start.ONES, null, s.maxDocumentIterations(), stats, false);
        }
        double[] batch = new double[lambda0.length];
        LdaTopicUpdate.batch(batch, expElogBeta, stats, s.topicWordPrior());
        assertClose("lambda batch", new LdaModel(s, vocabularySize, batch).topicWord().toArray(),
                matrix("lambda_batch"));

        double rho = s.learningRate(1);
        assertThat(Math.abs(rho - ref.get("rho_1").asDouble())).isLessThanOrEqualTo(1e-15);
        double[] online = lambda0.clone();
        double[] totals = new double[topics];
        try (WorkerPool workers = WorkerPool.of(2)) {
            LdaTopicUpdate.online(online, expElogBeta, stats.clone(), s.topicWordPrior(), rho,
                    ref.get("corpus_documents").asDouble() / corpus.documentCount(), totals, workers);
        }
        double[][] expected = matrix("lambda_online");
        assertClose("lambda online", new LdaModel(s, vocabularySize, online).topicWord().toArray(), expected);
        for (int k = 0; k < topics; k++) {
            double sum = 0;
            for (double v : expected[k]) {
                sum += v;
            }
            assertThat(Math.abs(totals[k] - sum)).as("topic total %d", k).isLessThanOrEqualTo(TOLERANCE * sum);
        }
    }

    @Test
    void boundAndPerplexityMatchNumpy() {
        LdaSettings s = settings(100, 1e-3);
        double bound = initialModel(s).bound(corpus);
        double expected = ref.get("bound_lambda0").asDouble();
        assertThat(Math.abs(bound - expected)).as("bound %s vs numpy %s", bound, expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.abs(expected));

        double perplexity = LdaModel.of(Tensor.of(matrix("lambda_batch")), s).perplexity(corpus);
        double numpy = ref.get("perplexity_lambda_batch").asDouble();
        assertThat(Math.abs(perplexity - numpy)).as("perplexity %s vs numpy %s", perplexity, numpy)
                .isLessThanOrEqualTo(TOLERANCE * numpy);
    }

    @Test
    void perplexityAgreesWithScikitLearnsDefinition() {
        // scikit-learn adds eps = 2.2e-16 to every normalizer Z_w, so it agrees to ~1e-11, not to the last bit
        LdaSettings s = settings(100, 1e-3);
        double perplexity = LdaModel.of(Tensor.of(matrix("lambda_batch")), s).perplexity(corpus);
        double sklearn = ref.get("sklearn_perplexity_lambda_batch").asDouble();
        assertThat(Math.abs(perplexity - sklearn)).as("perplexity %s vs scikit-learn %s", perplexity, sklearn)
                .isLessThanOrEqualTo(1e-9 * sklearn);
    }
}
