package io.github.elbo4j.infer.run;

import io.github.elbo4j.random.RandomStream;

/**
 * A set of fixed draws of deterministic VI: {@code draws} moment-matched standard normal draws per
 * guide site from the stream {@code noise} ({@link FixedNoise}), and the stream {@code rng} of any
 * other randomness of the evaluation. The same value gives the same objective {@code -ELBO(φ)},
 * a smooth deterministic function of the guide's parameters {@code φ}.
 *
 * @param draws the number of particles, {@code >= 1}
 * @param noise the stream of the fixed draws
 * @param rng   the stream handed to the model and guide runs
 */
public record FixedDraws(int draws, RandomStream noise, RandomStream rng) {

    /** Validates the number of draws. */
    public FixedDraws {
        if (draws < 1) {
            throw new IllegalArgumentException("fixed draws must be >= 1, got " + draws);
        }
    }

    /** The handler that fixes the guide's draws of a program with {@code maxPlateNesting} plates. */
    FixedNoise handler(int maxPlateNesting) {
        return new FixedNoise(draws, maxPlateNesting, noise);
    }
}
