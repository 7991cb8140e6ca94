package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * What Spark's job machinery alone costs an online LDA fit on the Debian corpus: 790 jobs (one per
 * update of 10 passes) with the fit's shape, a 640 KB broadcast ({@code V K} doubles) and a
 * {@code treeAggregate} over the cached blocks, but no work in them; two rounds (the first with a cold
 * JIT). Usage: {@code JobLatencyProbe DATA_DIR} with {@code -Dspark.master=local[2]} (docs/spark.md).
 */
public final class JobLatencyProbe {

    private JobLatencyProbe() {
    }

    public static void main(String[] args) {
        DocumentTermMatrix train = LdaVsMllib.read(Path.of(args[0], "lda_docs_train.csv"), 4000);
        SparkSession spark = SparkSession.builder().appName("probe").config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < train.documentCount(); d++) {
            rows.add(RowFactory.create(train.termIds(d), train.counts(d)));
        }
        SparkDocuments docs = SparkDocuments.of(spark.createDataFrame(sc.parallelize(rows, 2), LdaCorpora.schema()), "terms", "counts", 4000, 64);
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            for (int j = 0; j < 790; j++) {
                Broadcast<double[]> b = sc.broadcast(new double[80000]);
                docs.blocks().treeAggregate(new LdaBlockParts(), (acc, block) -> acc, LdaBlockParts::merge, 2);
                b.destroy();
            }
            System.out.printf("790 empty jobs with a 640 KB broadcast: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        }
        spark.stop();
    }
}
