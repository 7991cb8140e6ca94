package io.github.elbo4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cavi.lda.LdaFit;
import io.github.elbo4j.cavi.lda.LdaMinibatches;
import io.github.elbo4j.cavi.lda.LdaSchedule;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Online LDA with the E-step on Spark ({@code local[2]}) against {@link Lda}'s online fit on one
 * machine: 150 generated documents over 40 terms, K = 3, minibatches of 16 (the last of 6), chunks
 * of 8 documents for the random starts, blocks of 7 documents (so blocks cut chunks and minibatches
 * in the middle), 2 passes: 20 updates, each a Spark job; in the corpus order, shuffled, and with
 * MLlib's Bernoulli draws (f = 16/150: 19 draws of Binomial(150, f) documents; and f = 0.01 for 1
 * pass: 100 draws, of which those that take no document run no job and make no update).
 */
class SparkOnlineLdaTest {

    private static final DocumentTermMatrix CORPUS = LdaCorpora.generate(150, 40, 3, 23);
    /** The fitters by schedule name (BERNOULLI_SPARSE: f = 0.01, 1 pass, with empty draws) and their local fits. */
    private static final java.util.Map<String, Lda> FITTERS = java.util.Map.of("IN_ORDER", builder().build(),
            "SHUFFLED", builder().shuffle(true).build(),
            "BERNOULLI", builder().schedule(LdaSchedule.BERNOULLI).build(),
            "BERNOULLI_SPARSE", builder().schedule(LdaSchedule.BERNOULLI).sampleFraction(0.01).passes(1).build());
    private static final java.util.Map<String, LdaFit> LOCAL_FITS = new java.util.concurrent.ConcurrentHashMap<>();
    /** λ and the bound of the first Spark fit of each schedule, for the bits of the others. */
    private static final java.util.Map<String, double[]> FIRST = new java.util.concurrent.ConcurrentHashMap<>();

    private static Lda.Builder builder() {
        return Lda.builder().topics(3).online().batchSize(16).passes(2).learningOffset(4).learningDecay(0.6).seed(11)
                .threads(1);
    }

    private static LdaFit local(String schedule) {
        return LOCAL_FITS.computeIfAbsent(schedule, name -> FITTERS.get(name).fit(CORPUS));
    }

    private static LdaFit sparkFit(Lda lda, int partitions) {
        try (SparkDocuments docs = SparkDocuments.of(LdaCorpora.dataset(CORPUS, partitions), "terms", "counts", 40, 7)) {
            assertThat(docs.documentCount()).isEqualTo(150);
            assertThat(docs.tokenCount()).isEqualTo(CORPUS.tokenCount());
            return SparkOnlineLda.of(lda).fit(docs);
        }
    }

    /**
     * λ and the training bound equal the single-machine fit's to 1e-9 (relative), the number of
     * updates and of E-step iterations are the same, and λ and the bound have the same bits on
     * every partition count; for the corpus order (1, 3 and 8 partitions), for shuffled
     * minibatches (3 and 8) and for Bernoulli draws (3 and 8; with empty draws, 3). A random start drawn
     * from the wrong stream or draw, a wrong corpus scale D/|B|, a wrong ρ_t (an empty draw that
     * advanced t), a minibatch cut elsewhere or another permutation or sample moves λ by far more than
     * 1e-9 (block sums added in order differ from document-by-document sums in the last bits only).
     */
    @ParameterizedTest
    @CsvSource({"IN_ORDER, 1, 20", "IN_ORDER, 3, 20", "IN_ORDER, 8, 20", "SHUFFLED, 3, 20", "SHUFFLED, 8, 20",
            "BERNOULLI, 3, 19", "BERNOULLI, 8, 19", "BERNOULLI_SPARSE, 3, -1"})
    void equalsTheSingleMachineOnlineFit(String schedule, int partitions, long updates) {
        Lda lda = FITTERS.get(schedule);
        LdaFit local = local(schedule);
        LdaFit spark = sparkFit(lda, partitions);
        double[] expected = local.model().topicWord().toArray();
        double[] actual = spark.model().topicWord().toArray();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("lambda entry %d", i).isLessThanOrEqualTo(1e-9 * Math.abs(expected[i]));
        }
        assertThat(Math.abs(spark.trainingBound() - local.trainingBound())).isLessThanOrEqualTo(1e-9 * Math.abs(local.trainingBound()));
        assertThat(spark.updates()).isEqualTo(local.updates()).isEqualTo(updates >= 0 ? updates : nonEmptyDraws(lda));
        assertThat(spark.meanDocumentIterations()).isEqualTo(local.meanDocumentIterations());
        double[] withBound = java.util.Arrays.copyOf(actual, actual.length + 1);
        withBound[actual.length] = spark.trainingBound();
        double[] first = FIRST.putIfAbsent(schedule, withBound);
        if (first != null) {
            assertThat(withBound).as("lambda and bound bits on %d partitions", partitions).containsExactly(first);
        }
    }

    /** The draws that take at least one document: fewer than the 100 draws when f = 0.01 (P(empty) = 0.99^150 = 0.22). */
    private static long nonEmptyDraws(Lda lda) {
        LdaMinibatches batches = LdaMinibatches.of(lda.settings(), CORPUS.documentCount());
        long n = 0;
        while (batches.next()) {
            n += batches.size() > 0 ? 1 : 0;
        }
        assertThat(batches.draws()).isEqualTo(100);
        assertThat(n).isLessThan(100).isGreaterThan(50);
        return n;
    }

    /** Each schedule is another fit: a test that compared two copies of the ordered one would pass them. */
    @Test
    void eachScheduleIsAnotherFit() {
        double ordered = local("IN_ORDER").model().topicWord().toArray()[0];
        assertThat(local("SHUFFLED").model().topicWord().toArray()[0]).isNotEqualTo(ordered);
        assertThat(local("BERNOULLI").model().topicWord().toArray()[0]).isNotEqualTo(ordered)
                .isNotEqualTo(local("SHUFFLED").model().topicWord().toArray()[0]);
    }

    @Test
    void anEmptyDocumentSetIsRefused() {
        Dataset<Row> empty = SharedSpark.session().createDataFrame(SharedSpark.context().<Row>emptyRDD().rdd(), LdaCorpora.schema());
        assertThatThrownBy(() -> SparkDocuments.of(empty, "terms", "counts", 40, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the documents are empty");
    }

    /** Document 110 of 150 in 3 slices of 50 is row 10 of partition 2; its first term id becomes 40 = V. */
    @Test
    void aTermIdOutsideTheVocabularyNamesPartitionRowAndColumn() {
        int[][] ids = new int[150][];
        double[][] counts = new double[150][];
        for (int d = 0; d < 150; d++) {
            ids[d] = CORPUS.termIds(d);
            counts[d] = CORPUS.counts(d);
        }
        java.util.Arrays.sort(ids[110]);
        DocumentTermMatrix wide = DocumentTermMatrix.ofRows(41, replaceFirst(ids, 110, 40), counts);
        assertThatThrownBy(() -> SparkDocuments.of(LdaCorpora.dataset(wide, 3), "terms", "counts", 40, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partition 2, row 10 of that partition")
                .hasMessageContaining("column 'terms' has term id 40 at position 0")
                .hasMessageContaining("[0, 40)");
    }

    @Test
    void misalignedArraysAndBatchSettingsAreRefused() {
        assertThatThrownBy(() -> SparkOnlineLda.of(Lda.builder().batch().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("online");
        assertThatThrownBy(() -> SparkDocuments.of(LdaCorpora.dataset(CORPUS, 2), "terms", "words", 40, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'words' is not in the schema");
    }

    private static int[][] replaceFirst(int[][] ids, int d, int id) {
        int[][] out = ids.clone();
        out[d] = ids[d].clone();
        if (java.util.Arrays.stream(out[d]).anyMatch(w -> w == id)) {
            throw new IllegalStateException("document " + d + " already holds term " + id);
        }
        out[d][0] = id;
        return out;
    }
}
