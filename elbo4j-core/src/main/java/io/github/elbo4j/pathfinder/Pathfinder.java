package io.github.elbo4j.pathfinder;

import io.github.elbo4j.diagnostics.ParetoSmoothedWeights;
import io.github.elbo4j.diagnostics.Psis;
import io.github.elbo4j.infer.Diagnostics;
import io.github.elbo4j.infer.DrawsPosterior;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.infer.Posterior;
import io.github.elbo4j.infer.Provenance;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.infer.run.ImportanceCheck;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.random.Draws;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pathfinder: variational inference by quasi-Newton optimization paths (Zhang, Carpenter, Gelman
 * &amp; Vehtari, "Pathfinder: parallel quasi-Newton variational inference", JMLR 23(306), 2022), on
 * a model's unconstrained log density ({@link LogDensity}).
 *
 * <p>Each path ({@link SinglePath}) runs L-BFGS from a random point, forms the normal
 * approximation {@code N(x_l + Σ_l ∇log p(x_l), Σ_l)} with the diagonal-plus-low-rank L-BFGS
 * inverse-Hessian estimate at every iterate, and keeps the one with the largest Monte Carlo ELBO.
 * With {@code I > 1} paths (multi-path Pathfinder, the paper's Algorithm 5) the {@code I·M} draws are
 * pooled, their log ratios {@code log p(z) - log q_i(z)} (each draw against its own path's
 * approximation, as the paper does) are Pareto-smoothed ({@link Psis}), and {@code M} draws are
 * resampled with replacement with the smoothed weights. Paths run on {@code threads} threads, path
 * {@code i} with stream {@code seed.split(i)}: the same draws for any thread count.
 *
 * <pre>
 * PathfinderFit r = Pathfinder.of(model).paths(4).seed(1).run();
 * r.summary();  r.paretoK();  r.gradientEvaluations();
 * </pre>
 */
public final class Pathfinder {

    private final Model model;
    private PathfinderSettings settings = PathfinderSettings.defaults();

    private Pathfinder(Model model) {
        this.model = model;
    }

    /** Pathfinder on {@code model} with the default settings ({@link PathfinderSettings#defaults()}). */
    public static Pathfinder of(Model model) {
        return new Pathfinder(model);
    }

    /** All settings at once. */
    public Pathfinder settings(PathfinderSettings s) {
        this.settings = s;
        return this;
    }

    /** The number of independent paths {@code I ≥ 1}. */
    public Pathfinder paths(int paths) {
        return settings(new PathfinderSettings(paths, settings.historySize(), settings.maxIterations(), settings.elboDraws(),
                settings.draws(), settings.initRadius(), settings.threads(), settings.seed()));
    }

    /** The history size {@code J ≥ 1}. */
    public Pathfinder historySize(int j) {
        return settings(new PathfinderSettings(settings.paths(), j, settings.maxIterations(), settings.elboDraws(),
                settings.draws(), settings.initRadius(), settings.threads(), settings.seed()));
    }

    /** The L-BFGS iteration budget {@code L ≥ 1}. */
    public Pathfinder maxIterations(int l) {
        return settings(new PathfinderSettings(settings.paths(), settings.historySize(), l, settings.elboDraws(),
                settings.draws(), settings.initRadius(), settings.threads(), settings.seed()));
    }

    /** Draws per iterate for the ELBO {@code K ≥ 1}. */
    public Pathfinder elboDraws(int k) {
        return settings(new PathfinderSettings(settings.paths(), settings.historySize(), settings.maxIterations(), k,
                settings.draws(), settings.initRadius(), settings.threads(), settings.seed()));
    }

    /** Draws returned {@code M ≥ 2}. */
    public Pathfinder draws(int m) {
        return settings(new PathfinderSettings(settings.paths(), settings.historySize(), settings.maxIterations(),
                settings.elboDraws(), m, settings.initRadius(), settings.threads(), settings.seed()));
    }

    /** Worker threads {@code ≥ 1}. */
    public Pathfinder threads(int threads) {
        return settings(new PathfinderSettings(settings.paths(), settings.historySize(), settings.maxIterations(),
                settings.elboDraws(), settings.draws(), settings.initRadius(), threads, settings.seed()));
    }

    /** The seed. */
    public Pathfinder seed(long seed) {
        return settings(new PathfinderSettings(settings.paths(), settings.historySize(), settings.maxIterations(),
                settings.elboDraws(), settings.draws(), settings.initRadius(), settings.threads(), seed));
    }

    /**
     * Runs the paths and pools their draws.
     *
     * @throws IllegalArgumentException if the model has no continuous latent site, or the log density is
     *     {@code -∞} or NaN at a path's initial point (the message names the value and the point)
     * @throws IllegalStateException if a path finds no iterate with a finite ELBO estimate
     */
    public PathfinderFit run() {
        PathfinderSettings s = settings;
        RandomStream root = RandomStream.of(s.seed());
        LogDensity density = LogDensity.of(model, root.split(-1));
        if (density.dimension() == 0) {
            throw new IllegalArgumentException("Pathfinder needs a model with continuous latent sites; this model has "
                    + "dimension 0 (no sample site without obs): there is nothing to infer");
        }
        List<PathResult> paths = runPaths(density, s, root);
        int m = s.draws();
        int dim = density.dimension();
        Tensor pooled = paths.size() == 1 ? paths.get(0).points() : Tensor.concat(0, paths.stream().map(PathResult::points).toArray(Tensor[]::new));
        double[] ratios = new double[paths.size() * m];
        for (int i = 0; i < paths.size(); i++) {
            System.arraycopy(paths.get(i).logRatios(), 0, ratios, i * m, m);
        }
        List<String> names = density.layout().entries().stream().map(e -> e.name()).toList();
        Diagnostics diagnostics = ImportanceCheck.fromRatios(new Posterior.LogRatios(density.constrained(pooled), ratios), names);
        double paretoK = diagnostics.paretoK().orElse(Double.NaN);
        Tensor out = pooled;
        if (paths.size() > 1) {
            ParetoSmoothedWeights w = Psis.smooth(ratios);
            out = pooled.indexSelect(0, Draws.categorical(root.split(-2), w.weights(), m));
        }
        DrawsPosterior posterior = DrawsPosterior.of(density, out, paths.size() == 1 ? "Pathfinder draws" : "Pathfinder's resampled draws");
        long gradients = paths.stream().mapToLong(PathResult::gradientEvaluations).sum();
        long values = paths.stream().mapToLong(PathResult::densityEvaluations).sum();
        Fit fit = fit(s, paths, diagnostics, posterior, gradients, values, dim);
        return new PathfinderFit(fit, paths, out, posterior.draws(), paretoK, gradients, values);
    }

    private static List<PathResult> runPaths(LogDensity density, PathfinderSettings s, RandomStream root) {
        List<PathResult> out = new ArrayList<>();
        if (s.threads() == 1 || s.paths() == 1) {
            for (int i = 0; i < s.paths(); i++) {
                out.add(onePath(density, s, root, i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(s.threads(), s.paths()), r -> {
            Thread t = new Thread(r, "pathfinder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PathResult>> futures = new ArrayList<>();
            for (int i = 0; i < s.paths(); i++) {
                int path = i;
                futures.add(pool.submit(() -> onePath(density, s, root, path)));
            }
            for (Future<PathResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Pathfinder was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Path {@code i}: its own copy of the density and stream {@code root.split(i)}. */
    private static PathResult onePath(LogDensity density, PathfinderSettings s, RandomStream root, int i) {
        RandomStream stream = root.split(i);
        return SinglePath.run(new LogDensity(density.model(), density.layout(), stream.split(-3)), s, stream, i);
    }

    private static Fit fit(PathfinderSettings s, List<PathResult> paths, Diagnostics d, DrawsPosterior posterior, long gradients,
                           long values, int dim) {
        StopReason stop = StopReason.CONVERGED;
        for (PathResult p : paths) {
            if (p.lbfgsStatus() == Lbfgs.Status.MAX_ITERATIONS) {
                stop = StopReason.BUDGET;
            } else if (p.lbfgsStatus() == Lbfgs.Status.LINE_SEARCH_FAILED && stop == StopReason.CONVERGED) {
                stop = StopReason.OPTIMIZER_STALLED;
            }
        }
        PathResult best = paths.get(0);
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            PathResult p = paths.get(i);
            if (p.elbo() > best.elbo()) {
                best = p;
            }
            parameters.put("path" + i + ".loc", Tensor.of(p.approximation().mean()));
            notes.add(String.format(Locale.ROOT, "path %d: L-BFGS %d iterations (%s), chosen iterate %d, ELBO %.4f, %d gradient "
                    + "evaluations", i, p.iterations(), p.lbfgsStatus().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    p.chosenIterate(), p.elbo(), p.gradientEvaluations()));
        }
        double[] usable = java.util.Arrays.stream(best.elboPerIterate()).filter(Double::isFinite).toArray();
        notes.add(String.format(Locale.ROOT, "the ELBO trace holds the estimate at each usable iterate of the best path (%d of %d; "
                + "an iterate without a curvature pair or with a failed approximation has none)", usable.length,
                best.elboPerIterate().length));
        notes.add(String.format(Locale.ROOT, "cost: %d gradient evaluations, %d log-density evaluations over %d path(s), D = %d",
                gradients, values, paths.size(), dim));
        String method = String.format(Locale.ROOT, "Pathfinder, %d path(s), history %d, %d ELBO draws per iterate, %d draws%s",
                s.paths(), s.historySize(), s.elboDraws(), s.draws(), paths.size() > 1 ? " resampled by PSIS" : "");
        return new Fit(method, parameters, new ElboTrace(usable, ElboTrace.Kind.STOCHASTIC), stop, d,
                Verdict.of(stop, d, "raise maxIterations (the L-BFGS budget)"), Provenance.of(s.seed(), s.asMap()), posterior,
                Optional.empty(), notes);
    }
}
