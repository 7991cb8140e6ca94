package io.github.elbo4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.cavi.gmm.CovarianceType;
import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureSample;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.GmmSweepState;
import io.github.elbo4j.cavi.gmm.WeightPrior;
import io.github.elbo4j.random.RandomStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SparkGaussianMixture} ({@code local[2]}) against {@link GaussianMixtureVI} on one machine.
 * 2600 rows rather than a few hundred: the core's chunks, and so the Spark blocks, are
 * {@link GmmSweepState#BLOCK_ROWS} = 1024 rows, and fewer rows than that would be a single block on
 * any partitioning, testing no summation across executors; 2600 rows are 3 blocks, the last short.
 * K = 3, 2 restarts of 5 sweeps (every sweep is a Spark job).
 */
class SparkGaussianMixtureTest {

    private static final int N = 2_600;
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    @TempDir
    Path dir;

    /** Three overlapping clusters in two dimensions with correlated, unequal spreads. */
    private static double[][] twoDimensional(int n, long seed) {
        double[][] means = {{0, 0}, {3, 1}, {-2, 3}};
        double[][][] covs = {{{1.0, 0.3}, {0.3, 0.5}}, {{0.4, -0.1}, {-0.1, 1.5}}, {{2.0, -0.7}, {-0.7, 1.0}}};
        return GaussianMixtureSample.draw(n, WEIGHTS, means, covs, RandomStream.of(seed)).x();
    }

    private static double[] rowMajor(double[][] x) {
        int d = x[0].length;
        double[] out = new double[x.length * d];
        for (int n = 0; n < x.length; n++) {
            System.arraycopy(x[n], 0, out, n * d, d);
        }
        return out;
    }

    private static List<String> names(int d) {
        return SharedSpark.columns(d).subList(0, d);
    }

    private static GaussianMixtureVI settings(CovarianceType type) {
        return GaussianMixtureVI.builder().components(3).covarianceType(type).weightPrior(WeightPrior.dirichletProcess(1))
                .maxSweeps(5).tolerance(0).restarts(2).seed(2).threads(2).build();
    }

    /**
     * Every number of the result: the acceptance bound is 1e-9 (checked on the ELBO trace), and the
     * values are in fact the same bits (the same block sums added in the same order). A block lost,
     * counted twice or summed in arrival order, a stale broadcast (the previous sweep's factors), or
     * responsibilities returned in partition order would each change these.
     */
    private static void assertSameFit(GaussianMixtureResult spark, GaussianMixtureResult local, String what) {
        double[] e = local.elboTrace().values();
        double[] a = spark.elboTrace().values();
        assertThat(a).as(what).hasSize(e.length);
        for (int t = 0; t < e.length; t++) {
            assertThat(a[t]).as("%s, sweep %d", what, t + 1).isCloseTo(e[t], within(1e-9 * Math.abs(e[t])));
        }
        assertThat(spark.elboTrace().values()).as(what).isEqualTo(e);
        assertThat(spark.sklearnScaleElboTrace()).as(what).isEqualTo(local.sklearnScaleElboTrace());
        assertThat(spark.restartElbos()).as(what).isEqualTo(local.restartElbos());
        assertThat(spark.restart()).as(what).isEqualTo(local.restart());
        assertThat(spark.weights().toArray()).as(what).isEqualTo(local.weights().toArray());
        assertThat(spark.weightConcentration().toArray()).as(what).isEqualTo(local.weightConcentration().toArray());
        assertThat(spark.means().toArray()).as(what).isEqualTo(local.means().toArray());
        assertThat(spark.covariances().toArray()).as(what).isEqualTo(local.covariances().toArray());
        assertThat(spark.meanPrecision().toArray()).as(what).isEqualTo(local.meanPrecision().toArray());
        assertThat(spark.degreesOfFreedom().toArray()).as(what).isEqualTo(local.degreesOfFreedom().toArray());
        assertThat(spark.inverseScale().toArray()).as(what).isEqualTo(local.inverseScale().toArray());
        assertThat(spark.responsibilities().toArray()).as(what).isEqualTo(local.responsibilities().toArray());
        assertThat(spark.dataHash()).as(what).isEqualTo(local.dataHash());
    }

    /** Full covariance, 2 dimensions, on 1, 3 and 8 partitions (8 partitions: some hold no block after the regrouping). */
    @Test
    void fullCovarianceEqualsTheSingleMachineFitOnOneThreeAndEightPartitions() {
        double[][] x = twoDimensional(N, 21);
        GaussianMixtureResult local = settings(CovarianceType.FULL).fit(x);
        assertThat(local.restart()).as("seed 2: the second restart ends higher, so keeping the best one is tested").isEqualTo(1);
        for (int partitions : new int[] {1, 3, 8}) {
            GaussianMixtureResult spark = SparkGaussianMixture.fit(settings(CovarianceType.FULL),
                    SharedSpark.dataset(rowMajor(x), names(2), partitions), names(2));
            assertSameFit(spark, local, partitions + " partition(s)");
        }
    }

    /** Diagonal covariance in 3 dimensions (the core's general kernels and diagonal sums) on 3 partitions. */
    @Test
    void diagonalCovarianceInThreeDimensionsEqualsTheSingleMachineFit() {
        double[][] means = {{0, 0, 0}, {3, 1, -1}, {-2, 3, 2}};
        double[][][] covs = {
            {{1.0, 0.3, 0.0}, {0.3, 0.5, 0.1}, {0.0, 0.1, 2.0}},
            {{0.4, 0.0, 0.1}, {0.0, 1.5, -0.5}, {0.1, -0.5, 1.0}},
            {{2.0, -0.7, 0.0}, {-0.7, 1.0, 0.0}, {0.0, 0.0, 0.3}},
        };
        double[][] x = GaussianMixtureSample.draw(N, WEIGHTS, means, covs, RandomStream.of(23)).x();
        GaussianMixtureResult local = settings(CovarianceType.DIAGONAL).fit(x);
        GaussianMixtureResult spark = SparkGaussianMixture.fit(settings(CovarianceType.DIAGONAL),
                SharedSpark.dataset(rowMajor(x), names(3), 3), names(3));
        assertSameFit(spark, local, "diagonal, 3 partitions");
    }

    /**
     * The cached blocks are released after a fit and after a failed one (a fit that leaked its
     * cache would hold the data in the executors' memory for the session's life).
     */
    @Test
    void theCachedBlocksAreReleasedAfterAFitAndAfterAFailure() {
        int before = SharedSpark.session().sparkContext().getPersistentRDDs().size();
        double[] rows = rowMajor(twoDimensional(200, 4));
        GaussianMixtureResult r = SparkGaussianMixture.fit(settings(CovarianceType.FULL), SharedSpark.dataset(rows, names(2), 2),
                names(2));
        assertThat(r.sweeps()).isEqualTo(5);
        assertThat(SharedSpark.session().sparkContext().getPersistentRDDs().size()).as("after a fit").isEqualTo(before);
        double[] few = rowMajor(twoDimensional(2, 4));
        assertThatThrownBy(() -> SparkGaussianMixture.fit(settings(CovarianceType.FULL), SharedSpark.dataset(few, names(2), 2),
                names(2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SharedSpark.session().sparkContext().getPersistentRDDs().size()).as("after a failure").isEqualTo(before);
    }

    /** 60 rows in 3 partitions of 20 (parallelize slices in order): row 25 is row 5 of partition 1. */
    @Test
    void aNanNamesItsPartitionRowAndColumn() {
        double[] rows = rowMajor(twoDimensional(60, 3));
        rows[25 * 2 + 1] = Double.NaN;
        assertThatThrownBy(() -> SparkGaussianMixture.fit(settings(CovarianceType.FULL), SharedSpark.dataset(rows, names(2), 3),
                names(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad input in partition 1, row 5 of that partition (counted from 0): column 'x2' is NaN: every value must be finite");
    }

    /** A null (a missing value in a nullable column) in row 3 of 8, 2 partitions of 4: row 3 of partition 0. */
    @Test
    void aNullNamesItsPartitionRowAndColumn() {
        List<Row> rows = new ArrayList<>();
        double[][] x = twoDimensional(8, 3);
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(i == 3 ? null : x[i][0], x[i][1]));
        }
        StructType schema = new StructType(new StructField[] {DataTypes.createStructField("x1", DataTypes.DoubleType, true),
            DataTypes.createStructField("x2", DataTypes.DoubleType, true)});
        Dataset<Row> data = SharedSpark.session().createDataFrame(SharedSpark.context().parallelize(rows, 2), schema);
        assertThatThrownBy(() -> SparkGaussianMixture.fit(settings(CovarianceType.FULL), data, names(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad input in partition 0, row 3 of that partition (counted from 0): column 'x1' is null: every value must be a number");
    }

    @Test
    void aMissingColumnIsNamedWithTheSchema() {
        double[] rows = rowMajor(twoDimensional(30, 3));
        assertThatThrownBy(() -> SparkGaussianMixture.fit(settings(CovarianceType.FULL), SharedSpark.dataset(rows, names(2), 2),
                List.of("x1", "x3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'x3' is not in the schema [x1, x2]");
    }

    /** The core's checks still apply: fewer rows than components for k-means++. */
    @Test
    void fewerRowsThanComponentsIsTheCoresError() {
        double[] rows = rowMajor(twoDimensional(2, 3));
        assertThatThrownBy(() -> SparkGaussianMixture.fit(settings(CovarianceType.FULL), SharedSpark.dataset(rows, names(2), 2),
                names(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data has 2 rows, fewer than components = 3; k-means++ needs at least one row per component");
    }

    private Path csv(String name, double[][] x, int badRow) throws IOException {
        StringBuilder text = new StringBuilder("x1,x2\n");
        for (int i = 0; i < x.length; i++) {
            text.append(i == badRow ? "NaN" : Double.toString(x[i][0])).append(',').append(x[i][1]).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The example job on a CSV with a NaN: the job fails with the row's message and writes nothing. */
    @Test
    void theJobFailsCleanlyAndWritesNothing() throws IOException {
        Path in = csv("in.csv", twoDimensional(40, 5), 12);
        Path out = dir.resolve("fit.json");
        assertThatThrownBy(() -> GaussianMixtureJob.run(SharedSpark.session(), in, out, settings(CovarianceType.FULL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 12 of that partition").hasMessageContaining("column 'x1' is NaN");
        assertThat(out).doesNotExist();
    }

    /** The same job on clean data writes the fit, whose JSON holds the last sweep's ELBO. */
    @Test
    void theJobWritesTheFit() throws IOException {
        Path in = csv("ok.csv", twoDimensional(40, 5), -1);
        Path out = dir.resolve("fit.json");
        GaussianMixtureResult r = GaussianMixtureJob.run(SharedSpark.session(), in, out, settings(CovarianceType.FULL));
        assertThat(r.elboTrace().values()).hasSize(5);
        assertThat(Files.readString(out)).contains(Double.toString(r.elbo()));
    }
}
