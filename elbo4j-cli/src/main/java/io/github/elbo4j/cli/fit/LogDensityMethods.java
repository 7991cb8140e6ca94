package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.pathfinder.Pathfinder;
import io.github.elbo4j.svgd.Svgd;

/**
 * {@code --method pathfinder} and {@code --method svgd} for the regression families: the methods
 * that need only the model's log density, with the command's seed, threads, budget, paths and
 * particles.
 */
final class LogDensityMethods {

    private LogDensityMethods() {
    }

    /** Fits {@code model} by {@code method} ({@code pathfinder} or {@code svgd}). */
    static Fit fit(String method, Model model, FitOptions o) {
        int budget = (int) Math.min(Integer.MAX_VALUE, o.steps());
        return switch (method) {
            case "pathfinder" -> Pathfinder.of(model).paths(o.paths()).maxIterations(budget).threads(o.threads()).seed(o.seed())
                    .run().fit();
            case "svgd" -> Svgd.of(model).particles(o.particles()).steps(budget).seed(o.seed()).run().fit();
            default -> throw new BadInputException("--method must be pathfinder or svgd here, got '" + method + "'");
        };
    }
}
