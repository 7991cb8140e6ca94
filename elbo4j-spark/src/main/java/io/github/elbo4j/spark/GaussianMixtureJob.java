package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.infer.Fit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An example Spark job: a Bayesian Gaussian mixture (full covariances, the defaults of
 * {@link GaussianMixtureVI}) fitted with {@link SparkGaussianMixture} to every column of a CSV file
 * with a header. The fit ({@link GaussianMixtureResult#toFit()}, JSON) is written to the output
 * path only when the fit succeeded; bad input fails the job before anything is written.
 *
 * <pre>
 * spark-submit --class io.github.elbo4j.spark.GaussianMixtureJob --master local[2] \
 *   elbo4j-spark/target/elbo4j-spark-0.1.0-SNAPSHOT-all.jar data.csv fit.json 5 [maxSweeps] [seed]
 * </pre>
 */
public final class GaussianMixtureJob {

    private GaussianMixtureJob() {
    }

    /** {@code args}: input CSV, output JSON, components, optional most sweeps (default 1000) and seed (default 0). */
    public static void main(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: GaussianMixtureJob <input.csv> <output.json> <components> [maxSweeps] [seed]");
        }
        SparkSession spark = SparkSession.builder().appName("elbo4j Gaussian mixture").getOrCreate();
        try {
            GaussianMixtureVI settings = GaussianMixtureVI.builder().components(Integer.parseInt(args[2]))
                    .maxSweeps(args.length > 3 ? Integer.parseInt(args[3]) : 1000)
                    .seed(args.length > 4 ? Long.parseLong(args[4]) : 0).build();
            GaussianMixtureResult r = run(spark, Path.of(args[0]), Path.of(args[1]), settings);
            System.out.println("Gaussian mixture: " + r.sweeps() + " sweeps, final ELBO " + r.elbo() + ", written to " + args[1]);
        } finally {
            spark.stop();
        }
    }

    /**
     * Fits {@code settings} to every column of the CSV and writes the fit to {@code output} (which
     * must not exist yet).
     *
     * @throws IllegalArgumentException for bad input (see {@link SparkGaussianMixture#fit}); nothing is written then
     */
    public static GaussianMixtureResult run(SparkSession spark, Path input, Path output, GaussianMixtureVI settings) {
        if (Files.exists(output)) {
            throw new IllegalArgumentException("output " + output + " exists already: choose a new path");
        }
        Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "true").csv(input.toString());
        GaussianMixtureResult result = SparkGaussianMixture.fit(settings, data, List.of(data.schema().fieldNames()));
        Fit fit = result.toFit();
        fit.save(output);
        return result;
    }
}
