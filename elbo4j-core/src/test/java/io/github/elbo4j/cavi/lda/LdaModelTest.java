package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fitted model's views: topics as parameters and as means, top words, document topics. */
class LdaModelTest {

    private static final LdaSettings SETTINGS = Lda.builder().topics(2).threads(1).build().settings();
    private static final LdaModel MODEL = LdaModel.of(Tensor.of(new double[][] {
        {5.0, 0.1, 3.0, 3.0, 0.2},
        {0.1, 9.0, 0.1, 0.5, 4.0}}), SETTINGS);

    @Test
    void topicWordRoundTripsThroughTheModel() {
        assertThat(MODEL.topicWord().toArray()).containsExactly(5.0, 0.1, 3.0, 3.0, 0.2, 0.1, 9.0, 0.1, 0.5, 4.0);
        assertThat(MODEL.topics()).isEqualTo(2);
        assertThat(MODEL.vocabularySize()).isEqualTo(5);
    }

    @Test
    void topicWordMeansAreTheDirichletMeans() {
        double[] means = MODEL.topicWordMeans().toArray();
        assertThat(means[0]).isCloseTo(5.0 / 11.3, within(1e-15));
        assertThat(means[6]).isCloseTo(9.0 / 13.7, within(1e-15));
        double sum = 0;
        for (int w = 0; w < 5; w++) {
            sum += means[5 + w];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void topWordsAreOrderedByWeightWithTiesByLowerId() {
        assertThat(MODEL.topWords(3)).isDeepEqualTo(new int[][] {{0, 2, 3}, {1, 4, 3}});
        assertThat(MODEL.topWords(2, List.of("a", "b", "c", "d", "e")))
                .containsExactly(List.of("a", "c"), List.of("b", "e"));
    }

    @Test
    void documentTopicsFollowTheWordsOfEachDocument() {
        DocumentTermMatrix docs = DocumentTermMatrix.ofRows(5, new int[][] {{0, 2}, {1, 4}, {}},
                new double[][] {{4, 4}, {6, 3}, {}});
        double[] gamma = MODEL.documentTopics(docs).toArray();
        assertThat(gamma[0]).isGreaterThan(gamma[1]);
        assertThat(gamma[3]).isGreaterThan(gamma[2]);
        assertThat(gamma[0] + gamma[1]).isCloseTo(8 + 2 * 0.5, within(1e-9));   // Σ_k γ_dk = Kα + N_d
        assertThat(new double[] {gamma[4], gamma[5]}).containsExactly(0.5, 0.5);  // empty document: γ = α
    }
}
