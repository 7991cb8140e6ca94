package io.github.elbo4j.model;

import java.util.function.Predicate;

/** Hides the sites it matches from every handler further out (e.g. from an outer trace). */
public final class BlockHandler implements Handler {

    private final Predicate<String> hides;

    /** Hides the sites whose names {@code hides} accepts. */
    public BlockHandler(Predicate<String> hides) {
        this.hides = hides;
    }

    @Override
    public void process(Message msg) {
        if (hides.test(msg.name())) {
            msg.stop();
        }
    }
}
