package io.github.elbo4j.cli.fit;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads corpora in the sparse triplet format of the scikit-learn peer
 * ({@code peers/sklearn_lda.py}): a header line {@code doc,word,count}, then one line
 * {@code d,w,c} per (document, term) entry with 0-based document id {@code d} (non-decreasing
 * down the file), 0-based term id {@code w} and count {@code c}. Documents that have no line
 * (ids skipped over) are empty documents; the corpus has {@code max d + 1} documents. Blank
 * lines are ignored. The vocabulary file has one term per line, term id = line number − 1.
 *
 * <p>Lines are split by Apache Commons CSV (RFC 4180 quoting allowed). Every malformed line is reported as a {@link CorpusFormatException} with the file, the
 * 1-based line and column (field), the offending text and the rule.
 */
public final class CorpusCsv {

    private static final String HEADER = "doc,word,count";
    private static final String[] FIELDS = {"doc", "word", "count"};

    private CorpusCsv() {
    }

    /** Reads a triplet file (UTF-8) over a vocabulary of {@code vocabularySize} terms. */
    public static DocumentTermMatrix read(Path file, int vocabularySize) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), vocabularySize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file, e);
        }
    }

    /**
     * Reads a triplet file from {@code reader}; {@code source} names it in error messages. The
     * reader is not closed.
     */
    public static DocumentTermMatrix read(Reader reader, String source, int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("CorpusCsv vocabularySize must be >= 1, got " + vocabularySize);
        }
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        try {
            return parse(in, source, vocabularySize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + source, e);
        }
    }

    private static DocumentTermMatrix parse(BufferedReader in, String source, int vocabularySize) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        CSVParser parser = CSVParser.parse(in, format);
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            throw new CorpusFormatException(source, 1, 0, "", "expected the header " + HEADER + ", got an empty file");
        }
        CSVRecord header = records.next();
        if (!String.join(",", header.values()).equals(HEADER)) {
            throw new CorpusFormatException(source, 1, 0, "", "expected the header " + HEADER + ", got '"
                    + String.join(",", header.values()) + "'");
        }
        int[] ids = new int[1024];
        double[] counts = new double[1024];
        int[] offsets = new int[64];
        int entries = 0;
        int documents = 0;                       // offsets[0..documents] are final
        int currentDoc = -1;
        int[] seenInDoc = new int[vocabularySize];
        int[] seenOnLine = new int[vocabularySize];
        Arrays.fill(seenInDoc, -1);
        int lineNo = 1;
        while (records.hasNext()) {
            CSVRecord record = nextRecord(records, source, lineNo);
            lineNo = lineOf(record);
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;                        // a line of blanks
            }
            if (record.size() != 3) {
                throw new CorpusFormatException(source, lineNo, 0, "", "expected 3 comma-separated fields "
                        + HEADER + ", got " + (record.size() > 3 ? "more than 3" : String.valueOf(record.size())));
            }
            String docText = record.get(0);
            String wordText = record.get(1);
            String countText = record.get(2);
            long docValue = parseInteger(docText);
            if (docValue < 0 || docValue > Integer.MAX_VALUE - 2) {
                throw error(source, lineNo, 1, "expected an integer >= 0, got '" + docText + "'");
            }
            int doc = (int) docValue;
            if (doc < currentDoc) {
                throw error(source, lineNo, 1, "document ids must be non-decreasing, got " + doc + " after " + currentDoc);
            }
            long wordValue = parseInteger(wordText);
            if (wordValue == Long.MIN_VALUE) {
                throw error(source, lineNo, 2, "expected an integer term id, got '" + wordText + "'");
            }
            if (wordValue < 0 || wordValue >= vocabularySize) {
                throw error(source, lineNo, 2, "term id must be in [0, " + vocabularySize + "), got " + wordText);
            }
            int word = (int) wordValue;
            double count;
            try {
                count = Double.parseDouble(countText);
            } catch (NumberFormatException e) {
                throw error(source, lineNo, 3, "expected a number, got '" + countText + "'");
            }
            if (!(count >= 0) || count == Double.POSITIVE_INFINITY) {
                throw error(source, lineNo, 3, "count must be finite and >= 0, got " + countText);
            }
            if (doc == currentDoc && seenInDoc[word] == doc) {
                throw error(source, lineNo, 2, "term " + word + " appears twice in document " + doc
                        + " (first on line " + seenOnLine[word] + ")");
            }
            while (documents < doc) {                  // close the documents before this one
                if (documents + 1 >= offsets.length) {
                    offsets = Arrays.copyOf(offsets, 2 * offsets.length + doc - documents);
                }
                documents++;
                offsets[documents] = entries;
            }
            currentDoc = doc;
            seenInDoc[word] = doc;
            seenOnLine[word] = lineNo;
            if (entries == ids.length) {
                ids = Arrays.copyOf(ids, 2 * entries);
                counts = Arrays.copyOf(counts, 2 * entries);
            }
            ids[entries] = word;
            counts[entries] = count;
            entries++;
        }
        if (currentDoc < 0) {
            throw new CorpusFormatException(source, lineNo, 0, "", "no data lines after the header");
        }
        offsets = Arrays.copyOf(offsets, documents + 2);
        offsets[documents + 1] = entries;
        return DocumentTermMatrix.of(vocabularySize, offsets, Arrays.copyOf(ids, entries), Arrays.copyOf(counts, entries));
    }

    /** The next record; Commons CSV reports malformed quoting as an unchecked exception. */
    private static CSVRecord nextRecord(Iterator<CSVRecord> records, String source, int previousLine) {
        try {
            return records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CorpusFormatException(source, previousLine + 1, 0, "", "malformed CSV (" + e.getMessage() + ")");
        }
    }

    /** The 1-based line of a (single-line) record: Commons CSV's line count right after reading it. */
    private static int lineOf(CSVRecord record) {
        return (int) record.getParser().getCurrentLineNumber();
    }

    /** A decimal integer, or {@code Long.MIN_VALUE} when the text is not one. */
    private static long parseInteger(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static CorpusFormatException error(String source, int line, int column, String rule) {
        return new CorpusFormatException(source, line, column, FIELDS[column - 1], rule);
    }

    /**
     * Reads a vocabulary: one term per line (UTF-8), term id = line number − 1. Blank and
     * repeated terms are format errors.
     */
    public static List<String> readVocabulary(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readVocabulary(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + file, e);
        }
    }

    /** Reads a vocabulary from {@code reader} (not closed); {@code source} names it in error messages. */
    public static List<String> readVocabulary(Reader reader, String source) {
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        List<String> terms = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                int lineNo = terms.size() + 1;
                String term = line.strip();
                if (term.isEmpty()) {
                    throw new CorpusFormatException(source, lineNo, 0, "", "expected a term, got a blank line");
                }
                Integer first = firstLine.putIfAbsent(term, lineNo);
                if (first != null) {
                    throw new CorpusFormatException(source, lineNo, 0, "", "term '" + term + "' repeats line " + first);
                }
                terms.add(term);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + source, e);
        }
        if (terms.isEmpty()) {
            throw new CorpusFormatException(source, 1, 0, "", "expected at least one term, got an empty file");
        }
        return List.copyOf(terms);
    }
}
