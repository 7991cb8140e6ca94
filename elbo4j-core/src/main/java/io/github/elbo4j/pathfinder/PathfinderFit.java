package io.github.elbo4j.pathfinder;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link Pathfinder#run}: the project's {@link Fit} (verdict, diagnostics with the
 * PSIS {@code k̂}, summary of the returned draws) and what only Pathfinder has: the paths.
 *
 * @param fit         the fit; its posterior is a {@link io.github.elbo4j.infer.DrawsPosterior} of the returned draws
 * @param paths       every path, in order
 * @param points      the returned draws in unconstrained space, {@code [M, D]}
 * @param draws       the returned draws per latent site in constrained space, {@code [M] + siteShape}
 * @param paretoK     PSIS {@code k̂} of the log ratios {@code log p - log q} of the pooled draws
 *                    (single path: of its {@code M} draws against its own {@code q})
 * @param gradientEvaluations log-density-and-gradient calls over all paths
 * @param densityEvaluations  log-density calls (ELBO and returned draws) over all paths
 */
public record PathfinderFit(Fit fit, List<PathResult> paths, Tensor points, Map<String, Tensor> draws, double paretoK,
                            long gradientEvaluations, long densityEvaluations) {

    /** Copies the collections. */
    public PathfinderFit {
        paths = List.copyOf(paths);
        draws = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(draws));
    }

    /** The summary table of the returned draws ({@link Fit#summary()}). */
    public List<SiteSummary> summary() {
        return fit.summary();
    }

    /** The path whose chosen approximation has the largest ELBO. */
    public PathResult bestPath() {
        PathResult best = paths.get(0);
        for (PathResult p : paths) {
            if (p.elbo() > best.elbo()) {
                best = p;
            }
        }
        return best;
    }
}
