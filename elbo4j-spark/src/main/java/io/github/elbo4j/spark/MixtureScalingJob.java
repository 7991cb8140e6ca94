package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureSample;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.GmmRowPass;
import io.github.elbo4j.cavi.gmm.GmmSweepState;
import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Measures a CAVI sweep of a Bayesian Gaussian mixture (K = 5, full covariances, 2 columns) with
 * {@link SparkGaussianMixture} against {@link GaussianMixtureVI} on 2 threads: {@code rows} rows
 * drawn on the driver, {@code 1 + sweeps} sweeps (tolerance 0). On Spark, the median wall time of
 * the pass of sweeps 2 to {@code 1 + sweeps} (one Spark job each: the broadcast, the blocks, the
 * aggregation); on one machine, the difference between fits of {@code 1 + sweeps} and 1 sweeps
 * over {@code sweeps} (after an untimed warm-up fit; k-means++ and the initial M-step cancel). Prints one JSON line, with whether the two fits have the same bits. The
 * master comes from spark-submit (or {@code -Dspark.master=local[2]}).
 *
 * <pre>
 * java -Dspark.master=local[2] [Spark's --add-opens flags] -cp ... io.github.elbo4j.spark.MixtureScalingJob 1000000 10 4
 * </pre>
 */
public final class MixtureScalingJob {

    private MixtureScalingJob() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int sweeps = Integer.parseInt(args[1]);
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        double[][] means = {{-6, -6}, {-6, 6}, {0, 0}, {6, -6}, {6, 6}};
        double[][][] covs = new double[5][][];
        Arrays.fill(covs, new double[][] {{1.0, 0.3}, {0.3, 1.0}});
        double[][] x = GaussianMixtureSample.draw(n, new double[] {0.3, 0.25, 0.2, 0.15, 0.1}, means, covs, RandomStream.of(1)).x();
        SparkSession spark = SparkSession.builder().appName("elbo4j mixture scaling").config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            List<Row> rows = new ArrayList<>(n);
            for (double[] r : x) {
                rows.add(RowFactory.create(r[0], r[1]));
            }
            StructType schema = new StructType(new StructField[] {DataTypes.createStructField("x1", DataTypes.DoubleType, false),
                DataTypes.createStructField("x2", DataTypes.DoubleType, false)});
            Dataset<Row> data = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions),
                    schema).cache();
            data.count();
            GaussianMixtureVI.Builder b = GaussianMixtureVI.builder().components(5).tolerance(0).threads(2).seed(3);
            GaussianMixtureResult[] last = new GaussianMixtureResult[2];
            double[] ms = new double[2];
            List<Double> sweepMs = new ArrayList<>();
            try (SparkRows blocks = SparkRows.of(data, List.of("x1", "x2"), row -> Optional.empty(),
                    GmmSweepState.BLOCK_ROWS)) {
                GmmBlockPass pass = new GmmBlockPass(blocks);
                GmmRowPass timed = new GmmRowPass() {
                    @Override
                    public long rows() {
                        return pass.rows();
                    }

                    @Override
                    public double[] sweep(GmmSweepState state) {
                        long began = System.nanoTime();
                        double[] out = pass.sweep(state);
                        sweepMs.add((System.nanoTime() - began) / 1e6);
                        return out;
                    }

                    @Override
                    public double[] responsibilities(GmmSweepState state) {
                        return pass.responsibilities(state);
                    }
                };
                last[0] = b.maxSweeps(1 + sweeps).build().fit(x, timed);
            }
            List<Double> measured = new ArrayList<>(sweepMs.subList(1, sweepMs.size()));
            measured.sort(null);
            ms[0] = measured.get(measured.size() / 2);
            double[] t = new double[3];
            for (int run = 0; run < 3; run++) {
                GaussianMixtureVI settings = b.maxSweeps(run < 2 ? 1 : 1 + sweeps).build();
                long began = System.nanoTime();
                last[1] = settings.fit(x);
                t[run] = (System.nanoTime() - began) / 1e6;
            }
            ms[1] = (t[2] - t[1]) / sweeps;
            boolean same = Arrays.equals(last[0].elboTrace().values(), last[1].elboTrace().values())
                    && Arrays.equals(last[0].means().toArray(), last[1].means().toArray());
            System.out.printf(Locale.ROOT, "{\"master\": \"%s\", \"rows\": %d, \"partitions\": %d, \"sweeps\": %d, \"spark_ms_per_sweep\": %.1f, "
                            + "\"local_2_threads_ms_per_sweep\": %.1f, \"same_bits\": %b, \"load\": %.2f}%n",
                    spark.sparkContext().master(), n, partitions, sweeps, ms[0], ms[1], same,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            spark.stop();
        }
    }
}
