package io.github.elbo4j.cavi;

/** Observes a coordinate-ascent fit sweep by sweep (progress bars, logging). Called on the fitting thread. */
@FunctionalInterface
public interface SweepListener {

    /** Listens to nothing. */
    SweepListener NONE = (sweep, elbo) -> { };

    /**
     * After sweep {@code sweep} (0-based, counted across restarts): the exact ELBO when the
     * method computes one every sweep, {@code NaN} otherwise (online LDA).
     */
    void onSweep(long sweep, double elbo);
}
