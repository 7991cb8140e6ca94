package io.github.elbo4j.distribution;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds the distribution a reference case names, from the parameters written by
 * {@code src/test/resources/reference/make_distribution_reference.py}. Add one line per family.
 */
final class ReferenceDistributions {

    private ReferenceDistributions() {
    }

    static Distribution create(String name, JsonNode p) {
        return switch (name) {
            case "Normal" -> Normal.of(p.get("loc").asDouble(), p.get("scale").asDouble());
            default -> throw new IllegalArgumentException("no factory for reference distribution " + name);
        };
    }
}
