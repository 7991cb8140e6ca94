package io.github.elbo4j.infer.run;

/**
 * Recognizes the failure of a model that does not broadcast over a particle axis (its data axes
 * are not in a plate, so {@code [P, ...]} latents meet {@code [N]} data, or it reshapes a latent to
 * a fixed shape): deterministic VI, the
 * warm start and the PSIS check then evaluate one particle at a time instead of failing.
 */
public final class ParticleBroadcast {

    private ParticleBroadcast() {
    }

    /** True when {@code e} is a broadcasting failure (possibly wrapped with the particle advice). */
    public static boolean failed(IllegalArgumentException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t.getMessage().contains("cannot broadcast") || t.getMessage().contains("cannot reshape"))) {
                return true;
            }
        }
        return false;
    }
}
