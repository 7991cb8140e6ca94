package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Online minibatches from a fresh permutation of the documents each pass ({@link Lda.Builder#shuffle}). */
class LdaShuffleTest {

    private static final DocumentTermMatrix CORPUS =
            LdaGenerativeCorpus.sample(203, 80, 4, 40, 0.3, 0.1, 7L).corpus();

    private static Lda lda(boolean shuffle, int passes, int threads) {
        return Lda.builder().topics(4).online().passes(passes).batchSize(25).chunkSize(4).seed(3).shuffle(shuffle)
                .threads(threads).build();
    }

    @Test
    void passOrderIsTheIdentityWithoutShuffleAndAFreshPermutationPerPassWithIt() {
        int[] identity = IntStream.range(0, 203).toArray();
        assertThat(lda(false, 1, 1).settings().passOrder(2, 203)).containsExactly(identity);
        LdaSettings s = lda(true, 1, 1).settings();
        int[] first = s.passOrder(1, 203);
        int[] second = s.passOrder(2, 203);
        assertThat(first).containsExactlyInAnyOrder(identity).isNotEqualTo(identity).isNotEqualTo(second);
        assertThat(second).containsExactlyInAnyOrder(identity);
        assertThat(s.passOrder(1, 203)).containsExactly(first);
        assertThat(s.withSeed(4).passOrder(1, 203)).isNotEqualTo(first);
    }

    /**
     * One shuffled pass visits the documents in {@code passOrder(1)}: its topics are the bits of the
     * ordered fit of the corpus stored in that order (same minibatches, positions and streams).
     */
    @Test
    void aShuffledPassIsTheOrderedPassOverThePermutedCorpus() {
        int[] order = lda(true, 1, 1).settings().passOrder(1, CORPUS.documentCount());
        DocumentTermMatrix permuted = CORPUS.select(order, 0, order.length);
        assertThat(permuted.termIds(0)).containsExactly(CORPUS.termIds(order[0]));
        double[] shuffled = lda(true, 1, 2).fit(CORPUS).model().lambdaTermMajor();
        double[] ordered = lda(false, 1, 2).fit(permuted).model().lambdaTermMajor();
        assertThat(shuffled).containsExactly(ordered);
        assertThat(lda(false, 1, 2).fit(CORPUS).model().lambdaTermMajor()).isNotEqualTo(shuffled);
    }

    @Test
    void shuffledFitsAreBitIdenticalOnOneAndTwoThreads() {
        LdaFit a = lda(true, 3, 1).fit(CORPUS);
        LdaFit b = lda(true, 3, 2).fit(CORPUS);
        assertThat(a.model().lambdaTermMajor()).containsExactly(b.model().lambdaTermMajor());
        assertThat(a.trainingBound()).isEqualTo(b.trainingBound());
        assertThat(Arrays.equals(a.model().lambdaTermMajor(), lda(false, 3, 1).fit(CORPUS).model().lambdaTermMajor()))
                .isFalse();
    }
}
