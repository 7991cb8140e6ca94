package io.github.elbo4j.infer;

import java.util.Map;

/**
 * Where a fit came from: enough to reproduce it bit for bit with the same library version.
 *
 * @param seed     the seed of every random draw
 * @param settings the fit's settings by name (method, guide, optimizer, budgets, ...), in order
 * @param version  the library version, or {@code "unknown"} when run from classes rather than a jar
 */
public record Provenance(long seed, Map<String, String> settings, String version) {

    /** Copies the settings (keeping their order). */
    public Provenance {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** The provenance of a fit run now by this library. */
    public static Provenance of(long seed, Map<String, String> settings) {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return new Provenance(seed, settings, v == null ? "unknown" : v);
    }
}
