package io.github.elbo4j.cavi.lda;

import java.util.Arrays;

/**
 * A corpus as sparse document-term counts in compressed sparse row form: document {@code d}
 * holds the entries {@code offsets[d] <= j < offsets[d + 1]}, each a term id
 * {@code 0 <= termIds[j] < vocabularySize} with its count {@code counts[j]}. Term ids are
 * distinct within a document; counts are finite and {@code >= 0} (word counts are whole
 * numbers, but a fractional weight is accepted as the LDA updates never assume integers).
 *
 * <p>Immutable: the factories copy their arrays, the accessors return copies. The fitting code
 * of this package reads the arrays in place. Serializable, so that a cluster can hold a corpus in
 * blocks (elbo4j-spark's online LDA).
 */
public final class DocumentTermMatrix implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int vocabularySize;
    final int[] offsets;
    final int[] termIds;
    final double[] counts;
    private final double tokenCount;
    private final int maxDocumentTerms;

    private DocumentTermMatrix(int vocabularySize, int[] offsets, int[] termIds, double[] counts) {
        this.vocabularySize = vocabularySize;
        this.offsets = offsets;
        this.termIds = termIds;
        this.counts = counts;
        double tokens = 0;
        int widest = 0;
        for (int d = 0; d + 1 < offsets.length; d++) {
            widest = Math.max(widest, offsets[d + 1] - offsets[d]);
        }
        for (double c : counts) {
            tokens += c;
        }
        this.tokenCount = tokens;
        this.maxDocumentTerms = widest;
    }

    /**
     * A corpus from compressed-sparse-row arrays (copied).
     *
     * @param vocabularySize the number of terms, {@code >= 1}
     * @param offsets        {@code documentCount + 1} non-decreasing entry offsets, from 0 to {@code termIds.length}
     * @param termIds        the term id of each entry, in {@code [0, vocabularySize)}, distinct within a document
     * @param counts         the count of each entry, finite and {@code >= 0}
     * @throws IllegalArgumentException naming the first entry that breaks a rule
     */
    public static DocumentTermMatrix of(int vocabularySize, int[] offsets, int[] termIds, double[] counts) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("DocumentTermMatrix vocabularySize must be >= 1, got " + vocabularySize);
        }
        if (offsets.length < 1 || offsets[0] != 0) {
            throw new IllegalArgumentException("DocumentTermMatrix offsets must start with 0, got "
                    + (offsets.length == 0 ? "an empty array" : String.valueOf(offsets[0])));
        }
        if (termIds.length != counts.length) {
            throw new IllegalArgumentException("DocumentTermMatrix termIds and counts must have the same length, got "
                    + termIds.length + " and " + counts.length);
        }
        if (offsets[offsets.length - 1] != termIds.length) {
            throw new IllegalArgumentException("DocumentTermMatrix offsets must end with the number of entries "
                    + termIds.length + ", got " + offsets[offsets.length - 1]);
        }
        int[] lastDocument = new int[vocabularySize];
        Arrays.fill(lastDocument, -1);
        for (int d = 0; d + 1 < offsets.length; d++) {
            if (offsets[d + 1] < offsets[d]) {
                throw new IllegalArgumentException("DocumentTermMatrix offsets must be non-decreasing, got "
                        + offsets[d + 1] + " after " + offsets[d] + " (document " + d + ")");
            }
            for (int j = offsets[d]; j < offsets[d + 1]; j++) {
                int w = termIds[j];
                if (w < 0 || w >= vocabularySize) {
                    throw new IllegalArgumentException("DocumentTermMatrix term id must be in [0, " + vocabularySize
                            + "), got " + w + " (document " + d + ")");
                }
                double c = counts[j];
                if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("DocumentTermMatrix count must be finite and >= 0, got " + c
                            + " (document " + d + ", term " + w + ")");
                }
                if (lastDocument[w] == d) {
                    throw new IllegalArgumentException("DocumentTermMatrix term ids must be distinct within a document, got "
                            + w + " twice in document " + d);
                }
                lastDocument[w] = d;
            }
        }
        return new DocumentTermMatrix(vocabularySize, offsets.clone(), termIds.clone(), counts.clone());
    }

    /**
     * A corpus from one array of term ids and one of counts per document (copied); the rules of
     * {@link #of(int, int[], int[], double[])} apply.
     */
    public static DocumentTermMatrix ofRows(int vocabularySize, int[][] termIds, double[][] counts) {
        if (termIds.length != counts.length) {
            throw new IllegalArgumentException("DocumentTermMatrix needs one counts row per termIds row, got "
                    + termIds.length + " and " + counts.length);
        }
        int[] offsets = new int[termIds.length + 1];
        for (int d = 0; d < termIds.length; d++) {
            if (termIds[d].length != counts[d].length) {
                throw new IllegalArgumentException("DocumentTermMatrix document " + d + " has " + termIds[d].length
                        + " term ids but " + counts[d].length + " counts");
            }
            offsets[d + 1] = offsets[d] + termIds[d].length;
        }
        int[] ids = new int[offsets[termIds.length]];
        double[] c = new double[ids.length];
        for (int d = 0; d < termIds.length; d++) {
            System.arraycopy(termIds[d], 0, ids, offsets[d], termIds[d].length);
            System.arraycopy(counts[d], 0, c, offsets[d], counts[d].length);
        }
        return of(vocabularySize, offsets, ids, c);
    }

    /** The number of documents. */
    public int documentCount() {
        return offsets.length - 1;
    }

    /** The number of terms in the vocabulary. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** The number of stored (document, term) entries. */
    public int nonZeroCount() {
        return termIds.length;
    }

    /** The total count {@code N = Σ_d Σ_w n_dw} (the number of tokens when counts are word counts). */
    public double tokenCount() {
        return tokenCount;
    }

    /** The largest number of distinct terms in one document. */
    public int maxDocumentTerms() {
        return maxDocumentTerms;
    }

    /** The term ids of document {@code d} (a copy). */
    public int[] termIds(int d) {
        checkDocument(d);
        return Arrays.copyOfRange(termIds, offsets[d], offsets[d + 1]);
    }

    /** The counts of document {@code d}, aligned with {@link #termIds(int)} (a copy). */
    public double[] counts(int d) {
        checkDocument(d);
        return Arrays.copyOfRange(counts, offsets[d], offsets[d + 1]);
    }

    /** Documents {@code from <= d < to} as a corpus of their own over the same vocabulary. */
    public DocumentTermMatrix documents(int from, int to) {
        if (from < 0 || to > documentCount() || from > to) {
            throw new IllegalArgumentException("DocumentTermMatrix document range must satisfy 0 <= from <= to <= "
                    + documentCount() + ", got [" + from + ", " + to + ")");
        }
        int[] o = new int[to - from + 1];
        for (int d = from; d <= to; d++) {
            o[d - from] = offsets[d] - offsets[from];
        }
        return new DocumentTermMatrix(vocabularySize, o, Arrays.copyOfRange(termIds, offsets[from], offsets[to]),
                Arrays.copyOfRange(counts, offsets[from], offsets[to]));
    }

    /**
     * Documents {@code order[from], …, order[to − 1]}, in that order, as a corpus of their own over the
     * same vocabulary (a shuffled online minibatch). The ids in {@code order} must be valid documents.
     */
    DocumentTermMatrix select(int[] order, int from, int to) {
        int[] o = new int[to - from + 1];
        for (int i = from; i < to; i++) {
            int d = order[i];
            o[i - from + 1] = o[i - from] + offsets[d + 1] - offsets[d];
        }
        int[] ids = new int[o[to - from]];
        double[] c = new double[ids.length];
        for (int i = from; i < to; i++) {
            int d = order[i];
            System.arraycopy(termIds, offsets[d], ids, o[i - from], offsets[d + 1] - offsets[d]);
            System.arraycopy(counts, offsets[d], c, o[i - from], offsets[d + 1] - offsets[d]);
        }
        return new DocumentTermMatrix(vocabularySize, o, ids, c);
    }

    /**
     * A 64-bit FNV-1a hash of the vocabulary size, the offsets, the term ids and the bits of the
     * counts: the data's fingerprint in a fit's provenance.
     */
    public long contentHash() {
        long h = 0xcbf29ce484222325L;
        h = mix(h, vocabularySize);
        for (int o : offsets) {
            h = mix(h, o);
        }
        for (int w : termIds) {
            h = mix(h, w);
        }
        for (double c : counts) {
            h = mix(h, Double.doubleToLongBits(c));
        }
        return h;
    }

    private static long mix(long h, long v) {
        long x = h;
        for (int b = 0; b < 64; b += 8) {
            x ^= (v >>> b) & 0xff;
            x *= 0x100000001b3L;
        }
        return x;
    }

    private void checkDocument(int d) {
        if (d < 0 || d >= documentCount()) {
            throw new IllegalArgumentException("DocumentTermMatrix document must be in [0, " + documentCount()
                    + "), got " + d);
        }
    }

    @Override
    public String toString() {
        return "DocumentTermMatrix[documents=" + documentCount() + ", vocabularySize=" + vocabularySize
                + ", nonZero=" + nonZeroCount() + ", tokens=" + tokenCount + "]";
    }
}
