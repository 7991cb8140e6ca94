package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A corpus on a Spark cluster, for {@link SparkOnlineLda}: one row per document with an array
 * column of term ids and an array column of counts (aligned). {@link #of} checks every document
 * (term ids in {@code [0, V)} and distinct, counts finite and {@code >= 0}, arrays of one length)
 * with an error naming the partition, the row within it and the column, numbers the documents in
 * the Dataset's order and regroups them into cached blocks of {@code blockDocuments} consecutive
 * documents (one shuffle, once), each a {@link DocumentTermMatrix}.
 */
public final class SparkDocuments implements AutoCloseable {

    private final JavaRDD<DocumentBlock> blocks;
    private final long documents;
    private final double tokens;
    private final int vocabularySize;
    private final long contentHash;

    private SparkDocuments(JavaRDD<DocumentBlock> blocks, long documents, double tokens, int vocabularySize, long contentHash) {
        this.blocks = blocks;
        this.documents = documents;
        this.tokens = tokens;
        this.vocabularySize = vocabularySize;
        this.contentHash = contentHash;
    }

    /**
     * The documents of {@code data}: column {@code termsColumn} (array of integers, the term ids)
     * and {@code countsColumn} (array of numbers), checked and cached in blocks of
     * {@code blockDocuments} documents. Runs two Spark jobs. Documents without terms are allowed.
     *
     * @throws IllegalArgumentException if a column is missing or not an array of numbers, a value is
     *     null, a term id is outside {@code [0, vocabularySize)} or repeated within a document, a count is
     *     not finite or negative, the two arrays of a row differ in length (naming the partition, the row
     *     within it and the column), the data have no documents or no tokens, or a size is {@code < 1}
     */
    public static SparkDocuments of(Dataset<Row> data, String termsColumn, String countsColumn, int vocabularySize,
                                    int blockDocuments) {
        if (blockDocuments < 1) {
            throw new IllegalArgumentException("blockDocuments must be >= 1, got " + blockDocuments);
        }
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("vocabularySize must be >= 1, got " + vocabularySize);
        }
        List<String> names = Arrays.asList(data.schema().fieldNames());
        for (String c : List.of(termsColumn, countsColumn)) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is not in the schema " + names);
            }
            StructField f = data.schema().apply(c);
            if (!(f.dataType() instanceof ArrayType a) || !(a.elementType() instanceof NumericType)) {
                throw new IllegalArgumentException("column '" + c + "' has type " + f.dataType().simpleString()
                        + ": it must be an array of numbers");
            }
        }
        String[] cols = {termsColumn, countsColumn};
        JavaRDD<Row> input = data.select(termsColumn, countsColumn).javaRDD();
        int partitions = Math.max(1, input.getNumPartitions());
        JavaRDD<Tuple2<int[], double[]>> checked = input.mapPartitionsWithIndex(
                (p, it) -> checkPartition(p, it, cols, vocabularySize), true);
        JavaRDD<DocumentBlock> blocks = null;
        try {
            JavaPairRDD<Long, Iterable<Tuple2<Long, Tuple2<int[], double[]>>>> grouped = checked.zipWithIndex()
                    .mapToPair(t -> new Tuple2<>(t._2() / blockDocuments, new Tuple2<>(t._2(), t._1())))
                    .groupByKey(partitions);
            blocks = grouped.map(g -> block(g._1() * blockDocuments, g._2(), vocabularySize))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            List<Tuple2<Long, Tuple2<Integer, Double>>> sizes = blocks
                    .map(b -> new Tuple2<>(b.firstDocument(), new Tuple2<>(b.documents().documentCount(), b.documents().tokenCount())))
                    .collect();
            List<Tuple2<Long, Tuple2<Integer, Double>>> ordered = new ArrayList<>(sizes);
            ordered.sort((a, b) -> Long.compare(a._1(), b._1()));
            long documents = 0;
            double tokens = 0;
            for (Tuple2<Long, Tuple2<Integer, Double>> s : ordered) {
                documents += s._2()._1();
                tokens += s._2()._2();
            }
            if (documents == 0) {
                throw new IllegalArgumentException("the documents are empty: " + partitions + " partition(s), no row at all");
            }
            if (documents > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("documents = " + documents + " must be at most " + Integer.MAX_VALUE);
            }
            if (!(tokens > 0)) {
                throw new IllegalArgumentException("the " + documents + " documents hold no token (every count is 0 or every "
                        + "term list empty): LDA needs at least one");
            }
            long hash = blocks.map(b -> new Tuple2<>(b.firstDocument(), b.documents().contentHash())).collect().stream()
                    .sorted((a, b) -> Long.compare(a._1(), b._1())).mapToLong(Tuple2::_2)
                    .reduce(0xcbf29ce484222325L, (h, v) -> (h ^ v) * 0x100000001b3L);
            return new SparkDocuments(blocks, documents, tokens, vocabularySize, hash);
        } catch (Exception e) {
            if (blocks != null) {
                blocks.unpersist(false);
            }
            throw SparkRows.unwrap(e);
        }
    }

    private static Iterator<Tuple2<int[], double[]>> checkPartition(int partition, Iterator<Row> it, String[] cols, int vocabularySize) {
        List<Tuple2<int[], double[]>> out = new ArrayList<>();
        for (int i = 0; it.hasNext(); i++) {
            Row r = it.next();
            for (int j = 0; j < 2; j++) {
                if (r.isNullAt(j)) {
                    throw new IllegalArgumentException(where(partition, i) + "column '" + cols[j] + "' is null: every document needs its "
                            + "term ids and counts");
                }
            }
            List<Object> ids = r.getList(0);
            List<Object> counts = r.getList(1);
            if (ids.size() != counts.size()) {
                throw new IllegalArgumentException(where(partition, i) + "column '" + cols[0] + "' holds " + ids.size()
                        + " term ids but column '" + cols[1] + "' " + counts.size() + " counts: they must be aligned");
            }
            int[] w = new int[ids.size()];
            double[] c = new double[ids.size()];
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int j = 0; j < w.length; j++) {
                Object id = ids.get(j);
                Object count = counts.get(j);
                if (id == null || count == null) {
                    throw new IllegalArgumentException(where(partition, i) + "column '" + cols[id == null ? 0 : 1] + "' has a null at "
                            + "position " + j);
                }
                double v = ((Number) id).doubleValue();
                if (!(v >= 0 && v < vocabularySize) || v != Math.rint(v)) {
                    throw new IllegalArgumentException(where(partition, i) + "column '" + cols[0] + "' has term id " + id
                            + " at position " + j + ": term ids must be integers in [0, " + vocabularySize + ") (the vocabulary)");
                }
                w[j] = (int) v;
                if (!seen.add(w[j])) {
                    throw new IllegalArgumentException(where(partition, i) + "column '" + cols[0] + "' has term id " + w[j]
                            + " twice: term ids must be distinct within a document");
                }
                c[j] = ((Number) count).doubleValue();
                if (!(c[j] >= 0) || c[j] == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(where(partition, i) + "column '" + cols[1] + "' has count " + c[j]
                            + " at position " + j + ": counts must be finite and >= 0");
                }
            }
            out.add(new Tuple2<>(w, c));
        }
        return out.iterator();
    }

    private static String where(int partition, int row) {
        return "bad input in partition " + partition + ", row " + row + " of that partition (counted from 0): ";
    }

    private static DocumentBlock block(long first, Iterable<Tuple2<Long, Tuple2<int[], double[]>>> docs, int vocabularySize) {
        List<Tuple2<Long, Tuple2<int[], double[]>>> list = new ArrayList<>();
        docs.forEach(list::add);
        list.sort((a, b) -> Long.compare(a._1(), b._1()));
        int[][] ids = new int[list.size()][];
        double[][] counts = new double[list.size()][];
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i)._1() != first + i) {
                throw new IllegalStateException("block at document " + first + " is missing document " + (first + i));
            }
            ids[i] = list.get(i)._2()._1();
            counts[i] = list.get(i)._2()._2();
        }
        return new DocumentBlock(first, DocumentTermMatrix.ofRows(vocabularySize, ids, counts));
    }

    /** D, the number of documents. */
    public long documentCount() {
        return documents;
    }

    /** N, the total count of all documents. */
    public double tokenCount() {
        return tokens;
    }

    /** V, the number of terms. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** A 64-bit FNV-style hash of the blocks' {@link DocumentTermMatrix#contentHash()}es in document order. */
    public long contentHash() {
        return contentHash;
    }

    JavaRDD<DocumentBlock> blocks() {
        return blocks;
    }

    /** Drops the cached blocks. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }

    @Override
    public String toString() {
        return "SparkDocuments[" + documents + " documents, " + tokens + " tokens, " + vocabularySize + " terms, "
                + blocks.getNumPartitions() + " partition(s)]";
    }
}
