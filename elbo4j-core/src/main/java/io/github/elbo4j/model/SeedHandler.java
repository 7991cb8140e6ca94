package io.github.elbo4j.model;

import io.github.elbo4j.random.RandomStream;

/**
 * Supplies random streams to the sites that need a draw. Site {@code k} of a run (in order)
 * gets {@code stream.split(k)}, so a draw depends only on the seed and the site's position.
 */
public final class SeedHandler implements Handler {

    private final RandomStream stream;
    private long counter;

    /** Draws from streams split off {@code stream}. */
    public SeedHandler(RandomStream stream) {
        this.stream = stream;
    }

    /** Draws from streams derived from {@code seed}. */
    public SeedHandler(long seed) {
        this(RandomStream.of(seed));
    }

    @Override
    public void process(Message msg) {
        if (msg.rng().isEmpty()) {
            msg.setRng(stream.split(counter++));
        }
    }
}
