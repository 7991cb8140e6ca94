package io.github.elbo4j.bench.accuracy;

/**
 * The settings and diagnostics of one rstan NUTS run (diagonal metric, Stan's warm-up).
 *
 * @param chains number of chains
 * @param warmup warm-up iterations per chain
 * @param draws kept draws per chain
 * @param adaptDelta target acceptance statistic of the step-size adaptation
 * @param maxTreedepth maximum tree depth
 * @param seed rstan's seed
 * @param divergences divergent transitions after warm-up, all chains
 * @param maxTreedepthHits iterations after warm-up that reached the maximum tree depth
 * @param seconds wall-clock seconds of the sampling (compilation excluded), 2 cores
 */
public record NutsRun(int chains, int warmup, int draws, double adaptDelta, int maxTreedepth, int seed,
        int divergences, int maxTreedepthHits, double seconds) {
}
