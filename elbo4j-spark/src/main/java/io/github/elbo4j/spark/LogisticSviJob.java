package io.github.elbo4j.spark;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.data.DataTerm;
import io.github.elbo4j.data.LogisticRows;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An example Spark job: mean-field SVI of a Bayesian logistic regression
 * ({@code w ~ N(0, I)}, {@code y_i ~ Bernoulli(σ(x_i·w))}) on a CSV file with a header and columns
 * {@code x1..xd, y}; the likelihood is summed on the executors, the prior and the guide's entropy on
 * the driver. The fit (JSON, {@link Fit#save}) is written to the output path only when the fit
 * succeeded; bad input fails the job before anything is written.
 *
 * <pre>
 * spark-submit --class io.github.elbo4j.spark.LogisticSviJob --master local[2] \
 *   elbo4j-spark/target/elbo4j-spark-0.1.0-SNAPSHOT-all.jar data.csv fit.json [steps] [batch]
 * </pre>
 */
public final class LogisticSviJob {

    private LogisticSviJob() {
    }

    /** {@code args}: input CSV, output JSON, optional steps (default 2000) and minibatch size (default: every row). */
    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: LogisticSviJob <input.csv> <output.json> [steps] [batch]");
        }
        SparkSession spark = SparkSession.builder().appName("elbo4j logistic SVI").getOrCreate();
        try {
            long steps = args.length > 2 ? Long.parseLong(args[2]) : 2000;
            int batch = args.length > 3 ? Integer.parseInt(args[3]) : 0;
            Fit fit = run(spark, Path.of(args[0]), Path.of(args[1]), steps, batch);
            System.out.println(fit.method() + ": final ELBO " + fit.finalElbo() + ", written to " + args[1]);
        } finally {
            spark.stop();
        }
    }

    /**
     * Fits and writes the fit to {@code output} (which must not exist yet); {@code batch = 0} for full batch.
     *
     * @throws IllegalArgumentException for bad input (see {@link SparkRows#of}); nothing is written then
     */
    public static Fit run(SparkSession spark, Path input, Path output, long steps, int batch) {
        if (Files.exists(output)) {
            throw new IllegalArgumentException("output " + output + " exists already: choose a new path");
        }
        Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "true").csv(input.toString());
        List<String> columns = new ArrayList<>();
        for (String c : data.schema().fieldNames()) {
            if (c.matches("x\\d+")) {
                columns.add(c);
            }
        }
        columns.add("y");
        int d = columns.size() - 1;
        if (d == 0) {
            throw new IllegalArgumentException("input " + input + " has no covariate columns x1..xd in " + List.of(data.schema().fieldNames()));
        }
        LogisticRows likelihood = LogisticRows.of(d);
        try (SparkRows rows = SparkRows.of(data, columns, likelihood, 4096)) {
            int n = (int) rows.rows();
            int b = batch <= 0 ? n : Math.min(batch, n);
            DataTerm term = DataTerm.of(likelihood, rows);
            Model model = m -> {
                Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
                m.plate("rows", n, b, p -> m.factor("y", term.logLikelihood(p, w)));
            };
            Fit fit = Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).maxSteps(steps)
                    .convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0)
                    .subsampling(Subsampling.windows()).seed(0).build().run();
            fit.save(output);
            return fit;
        }
    }
}
