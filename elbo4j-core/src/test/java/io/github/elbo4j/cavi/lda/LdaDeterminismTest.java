package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Same seed and settings, same bits, whatever the number of threads: chunk boundaries depend on
 * the data only, each chunk draws from its own stream, partial sums are combined in a fixed order.
 */
class LdaDeterminismTest {

    private static final DocumentTermMatrix CORPUS =
            LdaGenerativeCorpus.sample(403, 150, 6, 50, 0.3, 0.1, 99L).corpus();

    private static LdaFit fit(LdaMethod method, int threads, long seed) {
        return Lda.builder().topics(6).method(method).passes(4).batchSize(37).chunkSize(5).seed(seed).threads(threads)
                .build().fit(CORPUS);
    }

    private static void assertSameBits(LdaFit a, LdaFit b) {
        assertThat(a.model().lambdaTermMajor()).containsExactly(b.model().lambdaTermMajor());
        assertThat(a.elboTrace()).isEqualTo(b.elboTrace());
        assertThat(a.trainingBound()).isEqualTo(b.trainingBound());
        assertThat(a.meanDocumentIterations()).isEqualTo(b.meanDocumentIterations());
    }

    @Test
    void batchFitsAreBitIdenticalOnOneAndTwoThreads() {
        assertSameBits(fit(LdaMethod.BATCH, 1, 5), fit(LdaMethod.BATCH, 2, 5));
    }

    @Test
    void onlineFitsAreBitIdenticalOnOneAndTwoThreads() {
        assertSameBits(fit(LdaMethod.ONLINE, 1, 5), fit(LdaMethod.ONLINE, 2, 5));
    }

    @Test
    void moreThreadsThanChunksChangeNothing() {
        assertSameBits(fit(LdaMethod.ONLINE, 1, 8), fit(LdaMethod.ONLINE, 16, 8));
    }

    @Test
    void evaluationIsBitIdenticalOnOneAndTwoThreads() {
        LdaModel model = fit(LdaMethod.ONLINE, 2, 3).model();
        LdaSettings one = Lda.builder().topics(6).threads(1).chunkSize(5).build().settings();
        LdaSettings two = Lda.builder().topics(6).threads(2).chunkSize(5).build().settings();
        LdaModel a = LdaModel.of(model.topicWord(), one);
        LdaModel b = LdaModel.of(model.topicWord(), two);
        assertThat(a.bound(CORPUS)).isEqualTo(b.bound(CORPUS));
        assertThat(a.documentTopics(CORPUS).toArray()).containsExactly(b.documentTopics(CORPUS).toArray());
    }

    @Test
    void initialTopicsAreGammaDrawsWithMeanOneAndSdOneTenthFixedByTheSeed() {
        // Gamma(100, 1/100): mean 1, sd 0.1. 4 standard errors over 20 x 4000 draws:
        // mean 4 * 0.1 / sqrt(80000) = 0.0014, sd 4 * 0.1 / sqrt(2 * 80000) = 0.001
        double[] x = Lda.builder().topics(20).seed(11).build().initialTopics(4000).toArray();
        double sum = 0;
        double squares = 0;
        for (double v : x) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / x.length;
        double sd = Math.sqrt(squares / x.length - mean * mean);
        assertThat(mean).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.0014));
        assertThat(sd).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.001));
        assertThat(Lda.builder().topics(20).seed(11).build().initialTopics(4000).toArray()).containsExactly(x);
        assertThat(Lda.builder().topics(20).seed(12).build().initialTopics(4000).toArray()).isNotEqualTo(x);
    }

    @Test
    void anotherSeedGivesAnotherFit() {
        assertThat(fit(LdaMethod.BATCH, 2, 5).model().lambdaTermMajor())
                .isNotEqualTo(fit(LdaMethod.BATCH, 2, 6).model().lambdaTermMajor());
    }
}
