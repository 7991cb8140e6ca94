package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Corpora for the online-LDA tests: generated from LDA's own model, and as a Dataset of (terms, counts) rows. */
final class LdaCorpora {

    private LdaCorpora() {
    }

    /**
     * {@code documents} documents from LDA with {@code topics} topics over {@code vocabularySize}
     * terms: topic k puts most mass on its own band of terms; each document mixes two topics and
     * draws 20 to 40 tokens.
     */
    static DocumentTermMatrix generate(int documents, int vocabularySize, int topics, long seed) {
        RandomStream rng = RandomStream.of(seed);
        int[][] ids = new int[documents][];
        double[][] counts = new double[documents][];
        int band = vocabularySize / topics;
        for (int d = 0; d < documents; d++) {
            int a = rng.nextInt(topics);
            int b = rng.nextInt(topics);
            double mix = rng.nextDouble();
            int length = 20 + rng.nextInt(21);
            double[] c = new double[vocabularySize];
            for (int n = 0; n < length; n++) {
                int topic = rng.nextDouble() < mix ? a : b;
                int w = rng.nextDouble() < 0.9 ? topic * band + rng.nextInt(band) : rng.nextInt(vocabularySize);
                c[w]++;
            }
            List<Integer> w = new ArrayList<>();
            for (int v = 0; v < vocabularySize; v++) {
                if (c[v] > 0) {
                    w.add(v);
                }
            }
            ids[d] = w.stream().mapToInt(Integer::intValue).toArray();
            counts[d] = w.stream().mapToDouble(v -> c[v]).toArray();
        }
        return DocumentTermMatrix.ofRows(vocabularySize, ids, counts);
    }

    static StructType schema() {
        return new StructType()
                .add("terms", DataTypes.createArrayType(DataTypes.IntegerType, true), true)
                .add("counts", DataTypes.createArrayType(DataTypes.DoubleType, true), true);
    }

    /** The documents as rows {@code (terms array<int>, counts array<double>)} in {@code partitions} slices, in order. */
    static Dataset<Row> dataset(DocumentTermMatrix corpus, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < corpus.documentCount(); d++) {
            rows.add(RowFactory.create(corpus.termIds(d), corpus.counts(d)));
        }
        return SharedSpark.session().createDataFrame(SharedSpark.context().parallelize(rows, partitions), schema());
    }
}
