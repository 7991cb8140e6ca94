package io.github.elbo4j.spark;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.data.DataTerm;
import io.github.elbo4j.data.LogisticRows;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.SviState;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Measures a full-batch SVI step of logistic regression (20 features) with the data term on Spark:
 * generates {@code rows} rows on the executors, caches them in blocks, and prints the median ms per
 * step over 3 runs of {@code steps} steps (and that run's CPU ms of the whole JVM, driver and local
 * executors) as one JSON line. The master comes from spark-submit (or
 * {@code -Dspark.master=local[2]}).
 *
 * <pre>
 * java -Dspark.master=local[1] [Spark's --add-opens flags] -cp ... io.github.elbo4j.spark.ScalingJob 1000000 20
 * </pre>
 */
public final class ScalingJob {

    private static final int D = 20;

    private ScalingJob() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long steps = Long.parseLong(args[1]);
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        SparkSession spark = SparkSession.builder().appName("elbo4j scaling").config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Integer> slices = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                slices.add(p);
            }
            double[] w = new double[D];
            RandomStream.of(1).fillGaussian(w);
            int per = (n + partitions - 1) / partitions;
            var rowsRdd = jsc.parallelize(slices, partitions).flatMap(p -> {
                List<Row> out = new ArrayList<>();
                for (long i = (long) p * per; i < Math.min(n, (long) (p + 1) * per); i++) {
                    RandomStream rng = RandomStream.of(1).split(i);
                    Object[] v = new Object[D + 1];
                    double l = 0;
                    for (int j = 0; j < D; j++) {
                        double x = rng.nextGaussian();
                        v[j] = x;
                        l += x * w[j];
                    }
                    v[D] = rng.nextDouble() < 1 / (1 + Math.exp(-l)) ? 1.0 : 0.0;
                    out.add(RowFactory.create(v));
                }
                return out.iterator();
            });
            List<StructField> fields = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (int j = 1; j <= D + 1; j++) {
                String name = j <= D ? "x" + j : "y";
                columns.add(name);
                fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
            }
            Dataset<Row> data = spark.createDataFrame(rowsRdd, new StructType(fields.toArray(StructField[]::new)));
            try (SparkRows rows = SparkRows.of(data, columns, LogisticRows.of(D), 4096)) {
                DataTerm term = DataTerm.of(LogisticRows.of(D), rows);
                Model model = m -> {
                    Var wv = m.sample("w", Normal.of(Tensor.zeros(D), Tensor.ones(D)).toEvent(1));
                    m.plate("rows", n, p -> m.factor("y", term.logLikelihood(p, wv)));
                };
                Svi svi = Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).maxSteps(steps)
                        .convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0)
                        .subsampling(Subsampling.windows()).seed(0).build();
                SviState start = svi.init();
                svi.advance(start, steps, (s, e, g, t) -> { });
                com.sun.management.OperatingSystemMXBean os =
                        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                double[][] t = new double[3][];
                for (int r = 0; r < 3; r++) {
                    long cpu = os.getProcessCpuTime();
                    long began = System.nanoTime();
                    svi.advance(start, steps, (s, e, g, ns) -> { });
                    t[r] = new double[] {(System.nanoTime() - began) / 1e6 / steps, (os.getProcessCpuTime() - cpu) / 1e6 / steps};
                }
                java.util.Arrays.sort(t, (a, b) -> Double.compare(a[0], b[0]));
                System.out.printf(Locale.ROOT, "{\"master\": \"%s\", \"rows\": %d, \"partitions\": %d, \"steps\": %d, \"ms_per_step\": %.3f, "
                                + "\"cpu_ms_per_step\": %.3f, \"load\": %.2f}%n",
                        spark.sparkContext().master(), n, partitions, steps, t[1][0], t[1][1], os.getSystemLoadAverage());
            }
        } finally {
            spark.stop();
        }
    }
}
