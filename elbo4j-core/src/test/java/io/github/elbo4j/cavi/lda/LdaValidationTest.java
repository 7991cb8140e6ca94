package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Bad input fails at the public boundary with a message naming the argument, the value and the rule. */
class LdaValidationTest {

    private static final DocumentTermMatrix SMALL =
            DocumentTermMatrix.ofRows(5, new int[][] {{0, 2}, {1, 3, 4}}, new double[][] {{2, 1}, {1, 1, 3}});

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> DocumentTermMatrix.ofRows(5, new int[][] {{0, 1}}, new double[][] {{1, -2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DocumentTermMatrix count must be finite and >= 0, got -2.0 (document 0, term 1)");
    }

    @Test
    void aNaNCountIsRefused() {
        assertThatThrownBy(() -> DocumentTermMatrix.ofRows(5, new int[][] {{}, {0, 1}},
                new double[][] {{}, {1, Double.NaN}}))
                .hasMessage("DocumentTermMatrix count must be finite and >= 0, got NaN (document 1, term 1)");
    }

    @Test
    void anInfiniteCountIsRefused() {
        assertThatThrownBy(() -> DocumentTermMatrix.ofRows(5, new int[][] {{4}},
                new double[][] {{Double.POSITIVE_INFINITY}}))
                .hasMessage("DocumentTermMatrix count must be finite and >= 0, got Infinity (document 0, term 4)");
    }

    @Test
    void aTermIdOutsideTheVocabularyIsRefused() {
        assertThatThrownBy(() -> DocumentTermMatrix.ofRows(5, new int[][] {{0, 5}}, new double[][] {{1, 1}}))
                .hasMessage("DocumentTermMatrix term id must be in [0, 5), got 5 (document 0)");
        assertThatThrownBy(() -> DocumentTermMatrix.ofRows(5, new int[][] {{-1}}, new double[][] {{1}}))
                .hasMessage("DocumentTermMatrix term id must be in [0, 5), got -1 (document 0)");
    }

    @Test
    void aRepeatedTermWithinADocumentIsRefused() {
        assertThatThrownBy(() -> DocumentTermMatrix.ofRows(5, new int[][] {{1}, {3, 2, 3}},
                new double[][] {{1}, {1, 1, 1}}))
                .hasMessage("DocumentTermMatrix term ids must be distinct within a document, got 3 twice in document 1");
    }

    @Test
    void inconsistentSparseArraysAreRefused() {
        assertThatThrownBy(() -> DocumentTermMatrix.of(5, new int[] {0, 1}, new int[] {0}, new double[] {1, 2}))
                .hasMessage("DocumentTermMatrix termIds and counts must have the same length, got 1 and 2");
        assertThatThrownBy(() -> DocumentTermMatrix.of(5, new int[] {0, 2, 1}, new int[] {0, 1}, new double[] {1, 1}))
                .hasMessage("DocumentTermMatrix offsets must end with the number of entries 2, got 1");
        assertThatThrownBy(() -> DocumentTermMatrix.of(5, new int[] {0, 2, 1, 2}, new int[] {0, 1}, new double[] {1, 1}))
                .hasMessage("DocumentTermMatrix offsets must be non-decreasing, got 1 after 2 (document 1)");
        assertThatThrownBy(() -> DocumentTermMatrix.of(0, new int[] {0}, new int[0], new double[0]))
                .hasMessage("DocumentTermMatrix vocabularySize must be >= 1, got 0");
    }

    @Test
    void fewerThanOneTopicIsRefused() {
        assertThatThrownBy(() -> Lda.builder().topics(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lda topics must be >= 1, got 0");
        assertThatThrownBy(() -> Lda.builder().topics(-3).build()).hasMessage("Lda topics must be >= 1, got -3");
    }

    @Test
    void anEmptyCorpusIsRefused() {
        DocumentTermMatrix empty = DocumentTermMatrix.ofRows(5, new int[0][], new double[0][]);
        assertThatThrownBy(() -> Lda.builder().topics(2).build().fit(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lda corpus must hold at least one document, got 0");
    }

    @Test
    void aCorpusWithoutTokensIsRefused() {
        DocumentTermMatrix blank = DocumentTermMatrix.ofRows(5, new int[][] {{}, {2}}, new double[][] {{}, {0}});
        assertThatThrownBy(() -> Lda.builder().topics(2).build().fit(blank))
                .hasMessage("Lda corpus must hold at least one token, got 0.0 in 2 documents");
    }

    @Test
    void settingsOutsideTheirDomainAreRefused() {
        assertThatThrownBy(() -> Lda.builder().docTopicPrior(0).build())
                .hasMessage("Lda docTopicPrior must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> Lda.builder().topicWordPrior(Double.NaN).build())
                .hasMessage("Lda topicWordPrior must be finite and > 0, got NaN");
        assertThatThrownBy(() -> Lda.builder().passes(0).build()).hasMessage("Lda passes must be >= 1, got 0");
        assertThatThrownBy(() -> Lda.builder().batchSize(0).build()).hasMessage("Lda batchSize must be >= 1, got 0");
        assertThatThrownBy(() -> Lda.builder().learningOffset(-1).build())
                .hasMessage("Lda learningOffset must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> Lda.builder().learningDecay(1.5).build())
                .hasMessage("Lda learningDecay must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Lda.builder().maxDocumentIterations(0).build())
                .hasMessage("Lda maxDocumentIterations must be >= 1, got 0");
        assertThatThrownBy(() -> Lda.builder().documentTolerance(Double.NaN).build())
                .hasMessage("Lda documentTolerance must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> Lda.builder().restarts(0).build()).hasMessage("Lda restarts must be >= 1, got 0");
        assertThatThrownBy(() -> Lda.builder().threads(0).build()).hasMessage("Lda threads must be >= 1, got 0");
        assertThatThrownBy(() -> Lda.builder().chunkSize(0).build()).hasMessage("Lda chunkSize must be >= 1, got 0");
        assertThatThrownBy(() -> Lda.builder().method(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("Lda method must not be null");
        assertThatThrownBy(() -> Lda.builder().build().settings().learningRate(0))
                .hasMessage("Lda learning-rate step t must be >= 1, got 0");
    }

    @Test
    void aModelRefusesDocumentsOverAnotherVocabulary() {
        LdaModel model = Lda.builder().topics(2).passes(2).build().fit(SMALL).model();
        DocumentTermMatrix wider = DocumentTermMatrix.ofRows(6, new int[][] {{5}}, new double[][] {{1}});
        assertThatThrownBy(() -> model.perplexity(wider))
                .hasMessage("LdaModel documents must have vocabularySize 5 (the model's), got 6");
    }

    @Test
    void perplexityNeedsTokens() {
        LdaModel model = Lda.builder().topics(2).passes(2).build().fit(SMALL).model();
        DocumentTermMatrix blank = DocumentTermMatrix.ofRows(5, new int[][] {{}}, new double[][] {{}});
        assertThatThrownBy(() -> model.perplexity(blank))
                .hasMessage("LdaModel perplexity needs documents with tokens, got 0.0 tokens in 1 documents");
    }

    @Test
    void topWordsNeedsACountWithinTheVocabulary() {
        LdaModel model = Lda.builder().topics(2).passes(2).build().fit(SMALL).model();
        assertThatThrownBy(() -> model.topWords(0)).hasMessage("LdaModel topWords n must be in [1, 5], got 0");
        assertThatThrownBy(() -> model.topWords(6)).hasMessage("LdaModel topWords n must be in [1, 5], got 6");
        assertThatThrownBy(() -> model.topWords(2, java.util.List.of("a", "b")))
                .hasMessage("LdaModel vocabulary must have 5 terms, got 2");
    }

    @Test
    void modelParametersMustHaveTheTopicsShapeAndBePositive() {
        LdaSettings settings = Lda.builder().topics(2).build().settings();
        assertThatThrownBy(() -> LdaModel.of(Tensor.ones(3, 4), settings))
                .hasMessage("LdaModel topicWord must have shape [2, V] with V >= 1, got [3, 4]");
        assertThatThrownBy(() -> LdaModel.of(Tensor.of(new double[][] {{1, -1}, {1, 1}}), settings))
                .hasMessage("LdaModel topicWord entries must be finite and > 0, got -1.0 at [0, 1]");
    }
}
