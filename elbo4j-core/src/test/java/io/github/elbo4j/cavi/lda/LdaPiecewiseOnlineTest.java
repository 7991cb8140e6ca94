package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LdaPartialEStep} and {@link LdaOnlineTopics} driven the way a cluster drives them (the
 * documents held in pieces of 7 by document number, each minibatch's statistics summed piece by
 * piece, pieces in order) reproduce {@link Lda}'s online fit: minibatches of 16, chunks of 8 (so
 * pieces cut chunks and minibatches), 2 passes, in corpus order and shuffled.
 */
class LdaPiecewiseOnlineTest {

    private static final DocumentTermMatrix CORPUS =
            LdaGenerativeCorpus.sample(150, 60, 3, 30, 0.3, 0.1, 5L).corpus();
    private static final int PIECE = 7;

    /**
     * λ within 1e-9 (relative) of {@link Lda}'s and the training bound too: only the order of the
     * additions in S differs. Drawing a document's start from the wrong chunk stream or the wrong
     * draws of it (for a piece that starts mid-chunk), a wrong scale D/|B| or a wrong ρ_t moves λ by
     * far more.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void piecesReproduceTheOnlineFit(boolean shuffle) {
        Lda lda = Lda.builder().topics(3).online().batchSize(16).passes(2).learningOffset(4).learningDecay(0.6).seed(9)
                .shuffle(shuffle).threads(1).build();
        LdaSettings s = lda.settings();
        LdaFit expected = lda.fit(CORPUS);
        int d = CORPUS.documentCount();
        int v = CORPUS.vocabularySize();
        int k = s.topics();
        double[] lambda;
        double bound;
        long iterations = 0;
        try (LdaOnlineTopics topics = LdaOnlineTopics.start(s, v)) {
            double[] statistics = new double[v * k];
            for (int pass = 1; pass <= s.passes(); pass++) {
                int[] order = s.passOrder(pass, d);
                for (int from = 0; from < d; from += s.batchSize()) {
                    int to = Math.min(d, from + s.batchSize());
                    for (int first = 0; first < d; first += PIECE) {       // every piece, in document order
                        int end = Math.min(d, first + PIECE);
                        DocumentTermMatrix piece = CORPUS.documents(first, end);
                        int n = 0;
                        int[] listed = new int[to - from];
                        long[] positions = new long[to - from];
                        for (int i = from; i < to; i++) {
                            if (order[i] >= first && order[i] < end) {
                                listed[n] = order[i] - first;
                                positions[n++] = i - from;
                            }
                        }
                        double[] part = new double[v * k];
                        iterations += new LdaPartialEStep(s, v).train(piece, java.util.Arrays.copyOf(listed, n),
                                java.util.Arrays.copyOf(positions, n), topics.updates() + 1, topics.expElogBeta(), part);
                        for (int j = 0; j < part.length; j++) {
                            statistics[j] += part[j];
                        }
                    }
                    topics.update(statistics, d, to - from);
                }
            }
            double[] beta = topics.evaluationExpElogBeta();
            double documents = 0;
            for (int first = 0; first < d; first += PIECE) {
                DocumentTermMatrix piece = CORPUS.documents(first, Math.min(d, first + PIECE));
                documents += new LdaPartialEStep(s, v).documentBound(piece, 0, piece.documentCount(), beta);
            }
            bound = documents + topics.topicBound();
            lambda = topics.model().lambdaTermMajor();
            assertThat(topics.updates()).isEqualTo(expected.updates()).isEqualTo(20);
        }
        double[] want = expected.model().lambdaTermMajor();
        for (int i = 0; i < want.length; i++) {
            assertThat(Math.abs(lambda[i] - want[i])).as("lambda entry %d", i).isLessThanOrEqualTo(1e-9 * want[i]);
        }
        assertThat(Math.abs(bound - expected.trainingBound())).isLessThanOrEqualTo(1e-9 * Math.abs(expected.trainingBound()));
        assertThat((double) iterations / (2 * d)).isEqualTo(expected.meanDocumentIterations());
    }
}
