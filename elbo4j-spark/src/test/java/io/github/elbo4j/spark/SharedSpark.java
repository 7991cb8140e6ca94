package io.github.elbo4j.spark;

import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One {@code local[2]} SparkSession for every test class in the module's test JVM (surefire runs
 * them in one fork), bound to the loopback address, without its web UI; started on first use and
 * stopped when the JVM exits. Plus the logistic data set the tests share.
 */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("elbo4j-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "2")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
            SparkSession s = session;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return session;
    }

    static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    /** Column names {@code x1..xd, y}. */
    static List<String> columns(int d) {
        List<String> c = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            c.add("x" + j);
        }
        c.add("y");
        return c;
    }

    /** Logistic data: {@code w, x ~ N(0, I)}, {@code y ~ Bernoulli(σ(x·w))}, rows {@code x_1..x_d, y} row-major. */
    static double[] logisticRows(int n, int d, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[] w = new double[d];
        rng.fillGaussian(w);
        double[] x = new double[d];
        double[] rows = new double[n * (d + 1)];
        for (int i = 0; i < n; i++) {
            rng.fillGaussian(x);
            double l = 0;
            for (int j = 0; j < d; j++) {
                rows[i * (d + 1) + j] = x[j];
                l += x[j] * w[j];
            }
            rows[i * (d + 1) + d] = rng.nextDouble() < 1 / (1 + Math.exp(-l)) ? 1 : 0;
        }
        return rows;
    }

    /** The rows as a Dataset of double columns {@code x1..xd, y} in {@code partitions} slices, in row order. */
    static Dataset<Row> dataset(double[] rows, int d, int partitions) {
        return dataset(rows, columns(d), partitions);
    }

    /** Row-major rows as a Dataset of nullable double columns {@code names} in {@code partitions} slices, in row order. */
    static Dataset<Row> dataset(double[] rows, List<String> names, int partitions) {
        int c = names.size();
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows.length / c; i++) {
            Object[] v = new Object[c];
            for (int j = 0; j < c; j++) {
                v[j] = rows[i * c + j];
            }
            list.add(RowFactory.create(v));
        }
        List<StructField> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, true));
        }
        return session().createDataFrame(context().parallelize(list, partitions), new StructType(fields.toArray(StructField[]::new)));
    }
}
