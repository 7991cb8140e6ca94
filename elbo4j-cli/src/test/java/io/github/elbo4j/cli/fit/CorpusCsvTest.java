package io.github.elbo4j.cli.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer's sparse triplet format ({@code doc,word,count}, 0-based ids; fixtures in
 * {@code src/test/resources/io/github/elbo4j/cli/fit}), and every malformed line reported with file,
 * line, column, value and rule.
 */
class CorpusCsvTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CorpusCsvTest.class.getResource(name).toURI());
    }

    private static DocumentTermMatrix parse(String text) {
        return CorpusCsv.read(new StringReader(text), "bad.csv", 10);
    }

    @Test
    void readsTripletsIntoSparseRowsWithSkippedDocumentsEmpty() throws Exception {
        List<String> vocabulary = CorpusCsv.readVocabulary(resource("lda_vocab_small.txt"));
        DocumentTermMatrix corpus = CorpusCsv.read(resource("lda_docs_small.csv"), vocabulary.size());
        assertThat(vocabulary).hasSize(10).startsWith("alpha", "beta");
        assertThat(corpus.documentCount()).isEqualTo(4);
        assertThat(corpus.nonZeroCount()).isEqualTo(5);
        assertThat(corpus.tokenCount()).isEqualTo(8.0);
        assertThat(corpus.termIds(0)).containsExactly(1, 4);
        assertThat(corpus.counts(0)).containsExactly(2.0, 1.0);
        assertThat(corpus.termIds(1)).isEmpty();
        assertThat(corpus.termIds(2)).containsExactly(0, 9);
        assertThat(corpus.counts(3)).containsExactly(1.0);
    }

    @Test
    void aNegativeCountInAFileNamesTheFileLineAndColumn() throws Exception {
        Path file = resource("lda_docs_negative_count.csv");
        assertThatThrownBy(() -> CorpusCsv.read(file, 10))
                .isInstanceOfSatisfying(CorpusFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(3);
                })
                .hasMessage(file + " line 3, column 3 (count): count must be finite and >= 0, got -1");
    }

    @Test
    void aNaNCountIsAFormatError() {
        assertThatThrownBy(() -> parse("doc,word,count\n0,1,NaN\n"))
                .hasMessage("bad.csv line 2, column 3 (count): count must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> parse("doc,word,count\n0,1,many\n"))
                .hasMessage("bad.csv line 2, column 3 (count): expected a number, got 'many'");
    }

    @Test
    void aTermIdOutsideTheVocabularyIsAFormatError() {
        assertThatThrownBy(() -> parse("doc,word,count\n0,10,1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad.csv line 2, column 2 (word): term id must be in [0, 10), got 10");
        assertThatThrownBy(() -> parse("doc,word,count\n0,1,1\n0,-3,1\n"))
                .hasMessage("bad.csv line 3, column 2 (word): term id must be in [0, 10), got -3");
        assertThatThrownBy(() -> parse("doc,word,count\n0,1.5,1\n"))
                .hasMessage("bad.csv line 2, column 2 (word): expected an integer term id, got '1.5'");
    }

    @Test
    void documentIdsMustBeNonNegativeIntegersInNonDecreasingOrder() {
        assertThatThrownBy(() -> parse("doc,word,count\n-1,1,1\n"))
                .hasMessage("bad.csv line 2, column 1 (doc): expected an integer >= 0, got '-1'");
        assertThatThrownBy(() -> parse("doc,word,count\n0,1,1\n1,2,1\n\n0,3,1\n"))
                .hasMessage("bad.csv line 5, column 1 (doc): document ids must be non-decreasing, got 0 after 1");
    }

    @Test
    void aTermRepeatedWithinADocumentIsAFormatError() {
        assertThatThrownBy(() -> parse("doc,word,count\n0,4,1\n0,4,2\n"))
                .hasMessage("bad.csv line 3, column 2 (word): term 4 appears twice in document 0 (first on line 2)");
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsAFormatError() {
        assertThatThrownBy(() -> parse("doc,word,count\n0,4\n"))
                .isInstanceOfSatisfying(CorpusFormatException.class, e -> assertThat(e.column()).isZero())
                .hasMessage("bad.csv line 2: expected 3 comma-separated fields doc,word,count, got 2");
        assertThatThrownBy(() -> parse("doc,word,count\n0,4,1,7\n"))
                .hasMessage("bad.csv line 2: expected 3 comma-separated fields doc,word,count, got more than 3");
    }

    @Test
    void theHeaderAndAtLeastOneDataLineAreRequired() {
        assertThatThrownBy(() -> parse(""))
                .hasMessage("bad.csv line 1: expected the header doc,word,count, got an empty file");
        assertThatThrownBy(() -> parse("d,w,c\n0,1,1\n"))
                .hasMessage("bad.csv line 1: expected the header doc,word,count, got 'd,w,c'");
        assertThatThrownBy(() -> parse("doc,word,count\n"))
                .hasMessage("bad.csv line 1: no data lines after the header");
    }

    @Test
    void aVocabularyWithABlankOrRepeatedTermIsAFormatError(@TempDir Path dir) throws IOException {
        Path blank = Files.writeString(dir.resolve("v1.txt"), "one\n\nthree\n");
        assertThatThrownBy(() -> CorpusCsv.readVocabulary(blank))
                .hasMessage(blank + " line 2: expected a term, got a blank line");
        Path repeated = Files.writeString(dir.resolve("v2.txt"), "one\ntwo\none\n");
        assertThatThrownBy(() -> CorpusCsv.readVocabulary(repeated))
                .hasMessage(repeated + " line 3: term 'one' repeats line 1");
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> CorpusCsv.read(dir.resolve("absent.csv"), 10))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("absent.csv");
    }
}
