package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cavi.lda.LdaFit;
import io.github.elbo4j.cavi.lda.LdaModel;
import io.github.elbo4j.cavi.lda.LdaSchedule;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.clustering.LDA;
import org.apache.spark.mllib.clustering.LocalLDAModel;
import org.apache.spark.mllib.clustering.OnlineLDAOptimizer;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * elbo4j's online LDA on Spark against Spark MLlib's {@code LDA} with its online optimizer (and
 * elbo4j's single-machine online LDA), in one JVM and one SparkSession, on the Debian corpus of
 * {@code ../shared/peers/sklearn_lda.py} (10000 training and 2000 held-out documents, V = 4000):
 * K = 20, α = η = 1/K, τ0 = 10, κ = 0.7, minibatch fraction 128/D, 10 passes, seed 0 (the fifth argument; MLlib gets the same number).
 *
 * <p>Minibatches (the fourth argument): elbo4j takes consecutive windows of 128 documents (79 per pass,
 * 790 updates) of a fresh random permutation each pass ({@code true}, the default:
 * {@link LdaSchedule#SHUFFLED}; {@code false}: of the corpus order, which is sorted by package name), or
 * with {@code bernoulli} MLlib's schedule ({@link LdaSchedule#BERNOULLI}, f = 128/D, 782 draws; scaled by
 * D/|B| where MLlib scales by D/⌈f D⌉); MLlib draws each document with probability 128/D per iteration ({@code miniBatchFraction}) for
 * {@code ⌈10 D / 128⌉ = 782} iterations: the same fraction and the same number of document visits
 * in expectation. Held-out perplexity is computed the same way for every model, from its topics
 * {@code λ} alone: {@link LdaModel#perplexity} ({@code exp(−L/N)}, the bound {@code L} of the
 * held-out documents with each γ_d fitted from 1, scikit-learn's definition). MLlib's own
 * {@code exp(logPerplexity)} is printed beside it. Wall times: the fit alone, on data already
 * cached (elbo4j's blocks, MLlib's RDD), and the preparation separately.
 *
 * <p>Usage: {@code LdaVsMllib DATA_DIR [partitions=2] [passes=10] [true|false|bernoulli=true] [seed=0]} with {@code -Dspark.master=local[2]}.
 */
public final class LdaVsMllib {

    private LdaVsMllib() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        LdaSchedule schedule = schedule(args.length > 3 ? args[3] : "true");
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 0;
        int vocabulary = lines(dir.resolve("lda_vocab.txt")).size();
        DocumentTermMatrix train = read(dir.resolve("lda_docs_train.csv"), vocabulary);
        DocumentTermMatrix test = read(dir.resolve("lda_docs_test.csv"), vocabulary);
        int k = 20;
        int batch = 128;
        Lda.Builder builder = Lda.builder().topics(k).online().batchSize(batch).learningOffset(10).learningDecay(0.7)
                .passes(passes).seed(seed).schedule(schedule).threads(2);
        if (schedule == LdaSchedule.BERNOULLI) {          // MLlib's miniBatchFraction below
            builder.sampleFraction((double) batch / train.documentCount());
        }
        Lda lda = builder.build();
        SparkSession spark = SparkSession.builder().appName("elbo4j LDA vs MLlib").config("spark.ui.enabled", "false")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        System.out.printf(Locale.ROOT, "corpus: %d train / %d test documents, V = %d, %.0f / %.0f tokens; master %s, %d partitions, elbo4j schedule %s, seed %d%n",
                train.documentCount(), test.documentCount(), vocabulary, train.tokenCount(), test.tokenCount(),
                spark.sparkContext().master(), partitions, schedule, seed);

        long t0 = System.nanoTime();
        LdaFit local = lda.fit(train);
        double localSeconds = (System.nanoTime() - t0) / 1e9;
        report("elbo4j single machine (2 threads, " + local.updates() + " updates)", local.model(), test, localSeconds,
                Double.NaN, Double.NaN);

        List<Row> rows = new ArrayList<>();
        List<Tuple2<Long, Vector>> vectors = new ArrayList<>();
        for (int d = 0; d < train.documentCount(); d++) {
            rows.add(RowFactory.create(train.termIds(d), train.counts(d)));
            vectors.add(new Tuple2<>((long) d, Vectors.sparse(vocabulary, train.termIds(d), train.counts(d))));
        }
        Dataset<Row> frame = spark.createDataFrame(sc.parallelize(rows, partitions), LdaCorpora.schema());
        t0 = System.nanoTime();
        SparkDocuments docs = SparkDocuments.of(frame, "terms", "counts", vocabulary, 64);
        double prepare = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        LdaFit onSpark = SparkOnlineLda.of(lda).fit(docs);
        double sparkSeconds = (System.nanoTime() - t0) / 1e9;
        docs.close();
        report("elbo4j on Spark (" + onSpark.updates() + " updates)", onSpark.model(), test, sparkSeconds, prepare,
                Double.NaN);

        JavaPairRDD<Long, Vector> corpus = JavaPairRDD.fromJavaRDD(sc.parallelize(vectors, partitions))
                .persist(StorageLevel.MEMORY_AND_DISK());
        t0 = System.nanoTime();
        long count = corpus.count();
        double mllibPrepare = (System.nanoTime() - t0) / 1e9;
        double fraction = (double) batch / count;
        int iterations = (int) Math.ceil(passes / fraction);
        OnlineLDAOptimizer optimizer = new OnlineLDAOptimizer().setMiniBatchFraction(fraction).setTau0(10).setKappa(0.7)
                .setOptimizeDocConcentration(false);
        LDA mllib = new LDA().setK(k).setDocConcentration(1.0 / k).setTopicConcentration(1.0 / k).setMaxIterations(iterations)
                .setSeed(seed).setOptimizer(optimizer);
        t0 = System.nanoTime();
        LocalLDAModel fitted = (LocalLDAModel) mllib.run(corpus);
        double mllibSeconds = (System.nanoTime() - t0) / 1e9;
        List<Tuple2<Long, Vector>> held = new ArrayList<>();
        for (int d = 0; d < test.documentCount(); d++) {
            held.add(new Tuple2<>((long) d, Vectors.sparse(vocabulary, test.termIds(d), test.counts(d))));
        }
        double own = Math.exp(fitted.logPerplexity(JavaPairRDD.fromJavaRDD(sc.parallelize(held, partitions))));
        report("MLlib online (" + iterations + " iterations, fraction " + fraction + ")", model(fitted.topicsMatrix(), lda),
                test, mllibSeconds, mllibPrepare, own);
        corpus.unpersist(false);
        spark.stop();
    }

    /** The fourth argument: {@code true} (shuffled), {@code false} (corpus order) or a {@link LdaSchedule} name. */
    static LdaSchedule schedule(String argument) {
        return switch (argument.toLowerCase(Locale.ROOT)) {
            case "true" -> LdaSchedule.SHUFFLED;
            case "false" -> LdaSchedule.IN_ORDER;
            default -> LdaSchedule.valueOf(argument.toUpperCase(Locale.ROOT));
        };
    }

    /** λ of an MLlib model: its {@code topicsMatrix()} ({@code V x K}, the online optimizer's λ transposed). */
    static LdaModel model(Matrix topics, Lda lda) {
        int v = topics.numRows();
        int k = topics.numCols();
        double[] lambda = new double[k * v];
        for (int t = 0; t < k; t++) {
            for (int w = 0; w < v; w++) {
                lambda[t * v + w] = topics.apply(w, t);
            }
        }
        return LdaModel.of(Tensor.of(lambda, k, v), lda.settings());
    }

    private static void report(String name, LdaModel model, DocumentTermMatrix test, double seconds, double prepare,
                               double ownPerplexity) {
        System.out.printf(Locale.ROOT, "%-55s held-out perplexity %.2f   fit %.2f s%s%s%n", name, model.perplexity(test), seconds,
                Double.isNaN(prepare) ? "" : String.format(Locale.ROOT, " (+ %.2f s preparing the cached input)", prepare),
                Double.isNaN(ownPerplexity) ? "" : String.format(Locale.ROOT, "   [MLlib's own exp(logPerplexity) %.2f]", ownPerplexity));
    }

    /** The {@code doc,word,count} triplets of the peers' corpus files (0-based ids, documents in order). */
    static DocumentTermMatrix read(Path file, int vocabulary) {
        List<String> lines = lines(file);
        List<int[]> ids = new ArrayList<>();
        List<double[]> counts = new ArrayList<>();
        List<Integer> w = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        int current = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int d = Integer.parseInt(f[0]);
            while (d > current) {
                ids.add(w.stream().mapToInt(Integer::intValue).toArray());
                counts.add(c.stream().mapToDouble(Double::doubleValue).toArray());
                w.clear();
                c.clear();
                current++;
            }
            w.add(Integer.parseInt(f[1]));
            c.add(Double.parseDouble(f[2]));
        }
        ids.add(w.stream().mapToInt(Integer::intValue).toArray());
        counts.add(c.stream().mapToDouble(Double::doubleValue).toArray());
        return DocumentTermMatrix.ofRows(vocabulary, ids.toArray(int[][]::new), counts.toArray(double[][]::new));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
