package io.github.elbo4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.bench.accuracy.ParameterSummary;
import io.github.elbo4j.bench.accuracy.ReferenceSummary;
import io.github.elbo4j.distribution.continuous.HalfCauchy;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.pathfinder.Pathfinder;
import io.github.elbo4j.pathfinder.PathfinderFit;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Pathfinder against ADVI (elbo4j's default {@link Svi}: deterministic VI with fixed draws and
 * L-BFGS, Laplace warm start, PSIS check) with the mean-field and full-rank guides, on the logistic
 * regression (10,000 x 20, NUTS reference of the peers) and eight schools (non-centered, the accuracy
 * suite's NUTS reference): median wall time of {@code REPEATS} fits after one warm-up, the number of
 * single-draw model evaluations (counted inside the model: every draw of every batched run, with or
 * without a gradient, including warm starts, ELBO estimates and PSIS checks), Pathfinder's
 * log-density gradient evaluations and ADVI's single-draw model gradients, the worst mean error in reference sds, the sd ratios and k-hat.
 * Prints a Markdown table. Usage:
 * {@code java -cp benchmarks.jar io.github.elbo4j.bench.PathfinderComparison LOGREG.csv LOGREG_REFERENCE.json [REPEATS]}.
 */
public final class PathfinderComparison {

    private PathfinderComparison() {
    }

    /** One fitted method: its fit, and its gradient count (Pathfinder's log-density gradients; ADVI's single-draw model gradients). */
    private record Run(Fit fit, long gradients) {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Tensor[] data = LogisticAdviComparison.read(Path.of(args[0]));
        JsonNode ref = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Map<String, double[]> logregRef = new LinkedHashMap<>();
        for (int j = 0; j < data[0].dim(1); j++) {
            logregRef.put("w[" + j + "]", new double[] {ref.path("mean").get(j).asDouble(), ref.path("sd").get(j).asDouble()});
        }
        ReferenceSummary es = ReferenceSummary.load("eight_schools_noncentered");
        Map<String, double[]> esRef = new LinkedHashMap<>();
        for (String name : List.of("mu", "tau", "eta[0]", "eta[1]", "eta[2]", "eta[3]", "eta[4]", "eta[5]", "eta[6]", "eta[7]")) {
            ParameterSummary p = es.parameter(name).orElseThrow();
            esRef.put(name, new double[] {p.mean(), p.sd()});
        }
        System.out.println("| posterior | method | seconds (median of " + repeats + ") | model draw evaluations | gradient evaluations "
                + "| max mean error, sds (where) | sd ratio min-max | k-hat (draws) | verdict |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        compare("logreg 10000x20", counter -> logreg(data[0], data[1], counter), logregRef, repeats);
        compare("eight_schools_noncentered", PathfinderComparison::eightSchools, esRef, repeats);
    }

    private static void compare(String name, Function<LongAdder, Model> models, Map<String, double[]> ref, int repeats) {
        Map<String, Function<Model, Run>> methods = new LinkedHashMap<>();
        methods.put("Pathfinder, 4 paths (2 threads)", m -> pathfinder(Pathfinder.of(m).paths(4).threads(2).seed(1)));
        methods.put("Pathfinder, 4 paths of 250 draws", m -> pathfinder(Pathfinder.of(m).paths(4).draws(250).threads(2).seed(1)));
        methods.put("Pathfinder, 1 path", m -> pathfinder(Pathfinder.of(m).paths(1).seed(1)));
        methods.put("ADVI mean field (default)", m -> advi(Svi.builder(m).guide(AutoGuide.meanField()).seed(1).build().run()));
        methods.put("ADVI full rank (default)", m -> advi(Svi.builder(m).guide(AutoGuide.fullRank()).seed(1).build().run()));
        for (Map.Entry<String, Function<Model, Run>> e : methods.entrySet()) {
            LongAdder counter = new LongAdder();
            Model model = models.apply(counter);
            e.getValue().apply(model);                  // warm-up (JIT)
            counter.reset();
            Run run = e.getValue().apply(model);
            long draws = counter.sum();
            double[] seconds = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                e.getValue().apply(model);
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            System.out.println(row(name, e.getKey(), seconds[repeats / 2], draws, run, ref));
        }
    }

    /** ADVI's gradient count: the single-draw evaluations of the model and its gradient its optimizer made (warm start included). */
    private static Run advi(Fit fit) {
        return new Run(fit, Long.parseLong(fit.provenance().settings().getOrDefault("gradientEvaluations", "-1")));
    }

    private static Run pathfinder(Pathfinder p) {
        PathfinderFit r = p.run();
        return new Run(r.fit(), r.gradientEvaluations());
    }

    private static String row(String posterior, String method, double seconds, long draws, Run run, Map<String, double[]> ref) {
        List<SiteSummary> rows = run.fit().summary();
        double worst = 0;
        String where = "";
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (SiteSummary s : rows) {
            double[] r = ref.get(s.name());
            if (r == null) {
                continue;
            }
            double err = Math.abs(s.mean() - r[0]) / r[1];
            if (err > worst) {
                worst = err;
                where = s.name();
            }
            lo = Math.min(lo, s.sd() / r[1]);
            hi = Math.max(hi, s.sd() / r[1]);
        }
        String k = run.fit().paretoK().isPresent() ? String.format(Locale.ROOT, "%.2f (%d)", run.fit().paretoK().getAsDouble(),
                run.fit().diagnostics().draws()) : "-";
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %d | %s | %.3f (%s) | %.2f-%.2f | %s | %s |", posterior, method, seconds,
                draws, run.gradients() < 0 ? "-" : Long.toString(run.gradients()), worst, where, lo, hi, k,
                run.fit().verdict().level().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** The peers' logistic regression ({@link LogisticAdviComparison#model}) counting the draws of each run. */
    static Model logreg(Tensor x, Tensor y, LongAdder counter) {
        int n = x.dim(0);
        int d = x.dim(1);
        Var xt = Var.constant(x.transpose());
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            counter.add(w.value().size() / d);
            Var logits = w.reshape(-1, d).matmul(xt);
            m.plate("rows", n, p -> m.observe("y", Bernoulli.ofLogits(logits), y));
        };
    }

    /** Eight schools, non-centered (the accuracy suite's model), counting the draws of each run. */
    static Model eightSchools(LongAdder counter) {
        Tensor y = Tensor.of(28, 8, -3, 7, -1, 1, 18, 12);
        Var sigma = Var.constant(Tensor.of(15, 10, 16, 11, 9, 11, 10, 18));
        return m -> {
            Var mu = m.sample("mu", Normal.of(0, 5));
            counter.add(mu.value().size());
            Var tau = m.sample("tau", HalfCauchy.of(5));
            m.plate("schools", 8, p -> {
                Var eta = m.sample("eta", Normal.of(0, 1).expand(8));
                m.observe("y", Normal.of(mu.add(tau.mul(eta)), sigma), y);
            });
        };
    }
}
