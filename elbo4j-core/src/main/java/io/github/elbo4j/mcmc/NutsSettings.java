package io.github.elbo4j.mcmc;

/**
 * The settings of a NUTS run (defaults: Stan's).
 *
 * @param chains           independent chains ({@code >= 1}; default 4)
 * @param warmup           warm-up iterations per chain ({@code >= 0}; default 1000)
 * @param draws            kept iterations per chain ({@code >= 1}; default 1000)
 * @param maxTreeDepth     the largest number of trajectory doublings, at most {@code 2^maxTreeDepth} leapfrog steps ({@code >= 1}; default 10)
 * @param stepSize         the step size the warm-up starts its search from ({@code > 0}, finite; default 1)
 * @param targetAcceptance dual averaging's target {@code δ} ({@code 0 < δ < 1}; default 0.8)
 * @param metric           diagonal (default) or dense inverse metric
 * @param seed             chain {@code c} draws from {@code RandomStream.of(seed).split(c)}
 * @param threads          chains run at once ({@code >= 1}; default: the available processors, at most {@code chains})
 */
public record NutsSettings(int chains, int warmup, int draws, int maxTreeDepth, double stepSize, double targetAcceptance,
                           Metric metric, long seed, int threads) {

    /** Validates every setting, naming the value and the rule. */
    public NutsSettings {
        if (chains < 1) {
            throw new IllegalArgumentException("NUTS chains must be >= 1, got " + chains);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("NUTS warmup must be >= 0, got " + warmup);
        }
        if (draws < 1) {
            throw new IllegalArgumentException("NUTS draws must be >= 1 per chain, got " + draws);
        }
        if (maxTreeDepth < 1) {
            throw new IllegalArgumentException("NUTS maxTreeDepth must be >= 1, got " + maxTreeDepth);
        }
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("NUTS stepSize must be > 0 and finite, got " + stepSize);
        }
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("NUTS targetAcceptance must be in (0, 1), got " + targetAcceptance);
        }
        if (metric == null) {
            throw new IllegalArgumentException("NUTS metric must be DIAGONAL or DENSE, got null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("NUTS threads must be >= 1, got " + threads);
        }
    }

    /** Stan's defaults: 4 chains of 1000 warm-up and 1000 kept iterations, depth 10, {@code δ = 0.8}, diagonal metric, seed 0. */
    public static NutsSettings defaults() {
        return new NutsSettings(4, 1000, 1000, 10, 1.0, 0.8, Metric.DIAGONAL, 0L,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }
}
