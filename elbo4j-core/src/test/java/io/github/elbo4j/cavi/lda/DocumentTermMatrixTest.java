package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sparse corpus: rows, slices, immutability and its fingerprint. */
class DocumentTermMatrixTest {

    private static final DocumentTermMatrix CORPUS = DocumentTermMatrix.of(6, new int[] {0, 2, 2, 5},
            new int[] {1, 4, 0, 2, 5}, new double[] {3, 1, 2, 2, 0.5});

    @Test
    void rowsAreReadBackFromTheSparseArrays() {
        assertThat(CORPUS.documentCount()).isEqualTo(3);
        assertThat(CORPUS.vocabularySize()).isEqualTo(6);
        assertThat(CORPUS.nonZeroCount()).isEqualTo(5);
        assertThat(CORPUS.tokenCount()).isEqualTo(8.5);
        assertThat(CORPUS.maxDocumentTerms()).isEqualTo(3);
        assertThat(CORPUS.termIds(1)).isEmpty();
        assertThat(CORPUS.termIds(2)).containsExactly(0, 2, 5);
        assertThat(CORPUS.counts(2)).containsExactly(2, 2, 0.5);
    }

    @Test
    void accessorsReturnCopiesSoTheCorpusCannotChange() {
        int[] ids = CORPUS.termIds(0);
        ids[0] = 5;
        double[] counts = CORPUS.counts(0);
        counts[0] = -1;
        assertThat(CORPUS.termIds(0)).containsExactly(1, 4);
        assertThat(CORPUS.counts(0)).containsExactly(3, 1);
    }

    @Test
    void theFactoryCopiesItsArrays() {
        int[] ids = {1};
        double[] counts = {2};
        DocumentTermMatrix m = DocumentTermMatrix.of(3, new int[] {0, 1}, ids, counts);
        ids[0] = 2;
        counts[0] = 7;
        assertThat(m.termIds(0)).containsExactly(1);
        assertThat(m.counts(0)).containsExactly(2);
    }

    @Test
    void aSliceIsACorpusOfItsOwnOverTheSameVocabulary() {
        DocumentTermMatrix tail = CORPUS.documents(1, 3);
        assertThat(tail.documentCount()).isEqualTo(2);
        assertThat(tail.vocabularySize()).isEqualTo(6);
        assertThat(tail.termIds(1)).containsExactly(0, 2, 5);
        assertThat(tail.tokenCount()).isEqualTo(4.5);
        assertThat(CORPUS.documents(2, 2).documentCount()).isZero();
        assertThatThrownBy(() -> CORPUS.documents(2, 4))
                .hasMessage("DocumentTermMatrix document range must satisfy 0 <= from <= to <= 3, got [2, 4)");
        assertThatThrownBy(() -> CORPUS.termIds(3)).hasMessage("DocumentTermMatrix document must be in [0, 3), got 3");
    }

    @Test
    void theContentHashFollowsTheDataOnly() {
        DocumentTermMatrix same = DocumentTermMatrix.ofRows(6, new int[][] {{1, 4}, {}, {0, 2, 5}},
                new double[][] {{3, 1}, {}, {2, 2, 0.5}});
        DocumentTermMatrix other = DocumentTermMatrix.ofRows(6, new int[][] {{1, 4}, {}, {0, 2, 5}},
                new double[][] {{3, 1}, {}, {2, 2, 1.5}});
        assertThat(same.contentHash()).isEqualTo(CORPUS.contentHash());
        assertThat(other.contentHash()).isNotEqualTo(CORPUS.contentHash());
    }
}
