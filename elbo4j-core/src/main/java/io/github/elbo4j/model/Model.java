package io.github.elbo4j.model;

/**
 * A probabilistic program: plain Java that draws latent variables and scores observations through
 * a {@link ModelContext}. A model is a value: it can capture data, be run many times and under
 * any stack of effect handlers (trace, replay, condition, ...), with no global state.
 */
@FunctionalInterface
public interface Model {

    /** Runs the program once against {@code m}. */
    void run(ModelContext m);
}
