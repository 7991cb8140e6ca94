package io.github.elbo4j.pathfinder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a Pathfinder run (defaults after Zhang, Carpenter, Gelman &amp; Vehtari, JMLR
 * 23(306), 2022, sec. 3: history 6, initial points in {@code [-2, 2]}; 4 paths as Stan's default).
 *
 * @param paths         independent paths {@code I ≥ 1}; more than one pools their draws and resamples them by PSIS
 * @param historySize   curvature pairs {@code J ≥ 1} in the inverse-Hessian estimate (and L-BFGS's memory)
 * @param maxIterations the L-BFGS iteration budget {@code L ≥ 1}
 * @param elboDraws     draws {@code K ≥ 1} per iterate for the ELBO estimate
 * @param draws         draws {@code M ≥ 2} returned (per path; after resampling when {@code I > 1})
 * @param initRadius    initial points are uniform on {@code [-r, r]^D}, {@code r > 0}
 * @param threads       worker threads {@code ≥ 1} (the draws do not depend on it)
 * @param seed          the seed of every draw
 */
public record PathfinderSettings(int paths, int historySize, int maxIterations, int elboDraws, int draws, double initRadius,
                                 int threads, long seed) {

    /** Validates every setting, naming the value and the rule. */
    public PathfinderSettings {
        positive("paths", paths, 1);
        positive("historySize", historySize, 1);
        positive("maxIterations", maxIterations, 1);
        positive("elboDraws", elboDraws, 1);
        positive("draws", draws, 2);
        positive("threads", threads, 1);
        if (!(initRadius > 0) || Double.isInfinite(initRadius)) {
            throw new IllegalArgumentException("Pathfinder initRadius must be finite and > 0, got " + initRadius);
        }
    }

    /** 4 paths, history 6, 1000 iterations, 25 ELBO draws, 1000 draws, radius 2, 2 threads, seed 42. */
    public static PathfinderSettings defaults() {
        return new PathfinderSettings(4, 6, 1000, 25, 1000, 2.0, 2, 42);
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("Pathfinder " + name + " must be >= " + min + ", got " + value);
        }
    }

    /** The settings by name, for a fit's provenance. */
    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("method", "pathfinder");
        m.put("paths", Integer.toString(paths));
        m.put("historySize", Integer.toString(historySize));
        m.put("maxIterations", Integer.toString(maxIterations));
        m.put("elboDraws", Integer.toString(elboDraws));
        m.put("draws", Integer.toString(draws));
        m.put("initRadius", Double.toString(initRadius));
        m.put("threads", Integer.toString(threads));
        return m;
    }
}
