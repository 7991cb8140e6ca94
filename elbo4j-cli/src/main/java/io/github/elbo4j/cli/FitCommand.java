package io.github.elbo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.cli.fit.BadInputException;
import io.github.elbo4j.cli.fit.CsvTable;
import io.github.elbo4j.cli.fit.FitOptions;
import io.github.elbo4j.cli.fit.FitOutcome;
import io.github.elbo4j.cli.fit.FitOutputs;
import io.github.elbo4j.cli.fit.ModelFamilies;
import io.github.elbo4j.cli.fit.ModelFamily;
import io.github.elbo4j.cli.fit.Progress;
import io.github.elbo4j.infer.DivergenceException;
import io.github.elbo4j.infer.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code elbo4j fit MODEL --data FILE.csv [options]}: fits a built-in model family to a CSV file. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fits a built-in model family to a numeric CSV file (header row required) and writes "
                + "summary.csv, posterior.json and report.html into --out.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the fit ran and its files were written", "1:the outputs could not be written after the fit",
            "2:bad input (file, option or output location), named on standard error; nothing written",
            "3:the fit diverged (a non-finite ELBO or parameter), or with --strict its verdict is a warning "
                + "(not converged, or Pareto k-hat too high to trust)"},
        footer = {"", "Models and priors (docs/cli.md has the details):",
            "  linreg  y ~ N(Xw + b, sigma^2), --target the response;",
            "          w_j ~ N(0, 10^2), b ~ N(0, 10^2), sigma ~ LogNormal(0, 1)",
            "  logreg  y ~ Bernoulli(sigmoid(Xw + b)), --target the 0/1 response;",
            "          w_j ~ N(0, 1), b ~ N(0, 5^2)",
            "  gmm     Gaussian mixture by CAVI, Dirichlet-process DP(1) weights;",
            "          Normal-Wishart components: mean prior the column means with",
            "          precision scale 1, Wishart with D degrees of freedom and its",
            "          scale from the sample covariance",
            "  lda     topic model on doc,word,count rows by variational Bayes;",
            "          Dirichlet(1/K) priors on topics and documents",
            "  gp      sparse variational GP regression, --target the response;",
            "          squared exponential ARD kernel on standardized features,",
            "          Gaussian noise, --components inducing inputs (default",
            "          min(100, rows)), minibatch SVI for --steps epochs",
            "",
            "linreg and logreg are fitted by deterministic VI (fixed draws, L-BFGS)",
            "unless --optimizer or --lr is given, or --method nuts|pathfinder|svgd (--guide laplace: L-BFGS to the mode,",
            "then the inverse Hessian; --guide auto: one fit per family tried). Every fit is checked by Pareto-",
            "smoothed importance sampling where the model allows; a fit that did not",
            "converge or whose k-hat is too high prints a warning (exit 3 with --strict)."})
final class FitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model family: ${COMPLETION-CANDIDATES}.",
            completionCandidates = FamilyNames.class)
    private String model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The CSV file: UTF-8, a header row of column names, numbers below (lda: doc,word,count rows).")
    private Path data;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR",
            description = "linreg, logreg, gmm: the field separator of --data, one character or 'tab' (default: ${DEFAULT-VALUE}).")
    private String delimiter;

    @Option(names = "--target", paramLabel = "COLUMN", description = "linreg, logreg: the response column (required).")
    private String target;

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "linreg, logreg, gmm: the columns to use, comma-separated (default: every column but --target).")
    private List<String> features = List.of();

    @Option(names = "--guide", defaultValue = "meanfield", paramLabel = "NAME",
            description = "linreg, logreg: the variational family: meanfield, lowrank (diagonal plus rank K), fullrank, laplace "
                    + "(mode and inverse Hessian), map, or auto (tries meanfield, lowrank, fullrank, flow and keeps the first "
                    + "whose Pareto k-hat passes with no marginal flagged; the report lists every attempt) (default: ${DEFAULT-VALUE}).")
    private String guide;

    @Option(names = "--rank", paramLabel = "K",
            description = "linreg, logreg with --guide lowrank: the rank, 1 <= K < D with D the number of latents (features + 2 "
                    + "for linreg, features + 1 for logreg) (default: round(sqrt(D)) kept in [1, D - 1]).")
    private Integer rank;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "linreg, logreg: stochastic VI with adam, sgd, rmsprop or adagrad (default: none, elbo4j's default "
                    + "method: deterministic VI with fixed draws and L-BFGS).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "linreg, logreg, gp: the optimizer's learning rate, > 0 (gp: Adam, default 0.01; linreg, logreg: default 0.05 when --optimizer is given; "
                    + "given alone, it selects Adam).")
    private Double learningRate;

    @Option(names = "--steps", paramLabel = "N",
            description = "The budget: L-BFGS iterations or SVI steps (linreg, logreg; per path with --method pathfinder, "
                    + "SVGD steps with --method svgd, warm-up and kept draws per chain with --method nuts), CAVI sweeps (gmm), "
                    + "passes (lda) or epochs (gp) (default: 5000; nuts, svgd: 1000; lda: 10; gp: 100).")
    private Long steps;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "linreg, logreg with --optimizer: Stan's relative ELBO change that stops early, 0 runs the whole "
                    + "budget (default: the stationarity rule); gmm stops at min(T, 1e-8).")
    private Double tolerance;

    @Option(names = "--strict", description = "Exit with code 3 when the fit's verdict is a warning (not converged, or "
            + "Pareto k-hat too high to trust); the files are written either way.")
    private boolean strict;

    @Option(names = "--components", paramLabel = "K",
            description = "gmm: mixture components (default: 10, or one per row below 10 rows); lda: topics (default: 10); gp: inducing inputs (default: min(100, rows)).")
    private Integer components;

    @Option(names = "--vocab", paramLabel = "FILE", description = "lda: the vocabulary, one term per line (term id = line - 1).")
    private Path vocabulary;

    @Option(names = "--test", paramLabel = "FILE", description = "lda: held-out documents (doc,word,count) for the perplexity.")
    private Path heldOut;

    @Option(names = "--method", defaultValue = "batch", description = "lda: batch or online variational Bayes (default: ${DEFAULT-VALUE}); "
            + "linreg, logreg: nuts samples the posterior with NUTS (4 chains, --steps warm-up and kept draws each, default 1000; "
            + "the report adds trace plots and R-hat/ESS); pathfinder (Pathfinder, PSIS-resampled paths) or svgd (Stein "
            + "variational gradient descent) instead of ADVI.")
    private String method;

    @Option(names = "--paths", defaultValue = "4", paramLabel = "N",
            description = "linreg, logreg with --method pathfinder: independent L-BFGS paths, >= 1 (default: ${DEFAULT-VALUE}).")
    private int paths;

    @Option(names = "--particles", defaultValue = "100", paramLabel = "N",
            description = "linreg, logreg with --method svgd: particles, >= 2 (default: ${DEFAULT-VALUE}).")
    private int particles;

    @Option(names = "--batch-size", defaultValue = "128", paramLabel = "N", description = "lda: documents per online minibatch; gp: rows per minibatch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "lda with --method online: which documents each update sees: in-order (the file's order cut into "
                    + "minibatches, scikit-learn's), shuffled (a fresh random order every pass; better when the file is sorted) "
                    + "or bernoulli (each document with probability batch/D every update, Spark MLlib's) (default: in-order).")
    private String schedule;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "gmm, lda: worker threads; results do not depend on it (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--out", defaultValue = "elbo4j-fit", paramLabel = "DIR", description = "Output folder, checked before the fit (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--force", description = "Overwrite existing summary.csv, posterior.json and report.html in --out.")
    private boolean force;

    @Option(names = "--quiet", description = "No progress output and no closing line.")
    private boolean quiet;

    @Option(names = "--json", description = "Print the result as one JSON document on standard output.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    /** The family names for help and completion. */
    static final class FamilyNames extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FamilyNames() {
            super(ModelFamilies.all().stream().map(ModelFamily::name).toList());
        }
    }

    @Override
    public Integer call() throws IOException {
        try {
            ModelFamily family = ModelFamilies.find(model).orElseThrow(() ->
                    new BadInputException("unknown model '" + model + "'; known: " + ModelFamilies.names()));
            boolean nuts = "nuts".equals(method) && (family.name().equals("linreg") || family.name().equals("logreg"));
            long budget = steps != null ? steps : nuts || "svgd".equals(method) ? 1000 : family.defaultSteps();
            if (paths < 1) {
                throw new BadInputException("--paths must be >= 1, got " + paths);
            }
            if (particles < 2) {
                throw new BadInputException("--particles must be >= 2 (SVGD's kernel bandwidth needs pairs), got " + particles);
            }
            if (budget < 1) {
                throw new BadInputException("--steps must be >= 1, got " + budget);
            }
            if (threads < 1) {
                throw new BadInputException("--threads must be >= 1, got " + threads);
            }
            if (learningRate != null && (!(learningRate > 0) || Double.isInfinite(learningRate))) {
                throw new BadInputException("--lr must be finite and > 0, got " + learningRate);
            }
            if (tolerance != null && (!(tolerance >= 0) || Double.isInfinite(tolerance))) {
                throw new BadInputException("--tolerance must be finite and >= 0, got " + tolerance);
            }
            if (rank != null && rank < 1) {
                throw new BadInputException("--rank must be >= 1, got " + rank);
            }
            if (rank != null && !"lowrank".equals(guide)) {
                throw new BadInputException("--rank applies to --guide lowrank only, got --guide " + guide);
            }
            if (schedule != null && !"lda".equals(family.name())) {
                throw new BadInputException("--schedule applies to lda only, got model " + family.name());
            }
            if (components != null && components < 1) {
                throw new BadInputException("--components must be >= 1, got " + components);
            }
            char separator = CsvTable.delimiter(delimiter);
            CsvTable.requireReadableFile(data, "--data");
            FitOutputs.checkWritable(out, force);
            OutputLocation.checkFolder(out, "--out");
            FitOptions options = new FitOptions(target, features, guide, Optional.ofNullable(optimizer),
                    learningRate == null ? OptionalDouble.empty() : OptionalDouble.of(learningRate), budget,
                    tolerance == null ? OptionalDouble.empty() : OptionalDouble.of(tolerance),
                    components == null ? OptionalInt.empty() : OptionalInt.of(components), seed, threads, vocabulary, heldOut,
                    method, batchSize, separator, rank == null ? OptionalInt.empty() : OptionalInt.of(rank), particles, paths,
                    Optional.ofNullable(schedule));
            FitOutcome outcome;
            try (var progress = Progress.of(budget, quiet || json, spec.commandLine().getErr())) {
                outcome = family.fit(data, options, progress);
            }
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("data", data.toString());
            provenance.put("data_sha256", sha256(data));
            provenance.put("seed", seed);
            provenance.put("elbo4j", new Version().getVersion()[0]);
            try {
                Files.createDirectories(out);
                FitOutputs.write(out, outcome, provenance);
            } catch (IOException e) {
                // checked before the fit; a disk that filled up or a folder removed meanwhile still gets a message, not a trace
                spec.commandLine().getErr().println("elbo4j fit: cannot write the outputs into " + out + " ("
                        + OutputLocation.reason(e) + ")");
                spec.commandLine().getErr().flush();
                return 1;
            }
            if (json) {
                spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(FitOutputs.document(outcome, provenance)));
            } else if (!quiet) {
                spec.commandLine().getOut().println("wrote " + out.resolve("summary.csv") + ", posterior.json, report.html");
            }
            spec.commandLine().getOut().flush();
            Verdict verdict = outcome.verdict();
            if (verdict.isWarning()) {
                // printed even with --quiet or --json: a fit that should not be trusted is never silent
                for (String reason : verdict.reasons()) {
                    spec.commandLine().getErr().println("elbo4j fit: warning: " + reason);
                }
                spec.commandLine().getErr().flush();
                return strict ? 3 : 0;
            }
            return 0;
        } catch (BadInputException e) {
            spec.commandLine().getErr().println("elbo4j fit: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        } catch (DivergenceException e) {
            spec.commandLine().getErr().println("elbo4j fit: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 3;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
