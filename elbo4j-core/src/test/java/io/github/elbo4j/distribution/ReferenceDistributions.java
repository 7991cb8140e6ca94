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
            // ---- discrete families: "probs" or "logits" picks the factory
            case "Bernoulli" -> p.has("logits") ? Bernoulli.ofLogits(p.get("logits").asDouble())
                    : Bernoulli.ofProbs(p.get("probs").asDouble());
            case "Binomial" -> p.has("logits") ? Binomial.ofLogits(p.get("totalCount").asInt(), p.get("logits").asDouble())
                    : Binomial.ofProbs(p.get("totalCount").asInt(), p.get("probs").asDouble());
            case "Poisson" -> Poisson.of(p.get("rate").asDouble());
            case "Geometric" -> p.has("logits") ? Geometric.ofLogits(p.get("logits").asDouble())
                    : Geometric.ofProbs(p.get("probs").asDouble());
            case "NegativeBinomial" -> p.has("logits")
                    ? NegativeBinomial.ofLogits(p.get("totalCount").asDouble(), p.get("logits").asDouble())
                    : NegativeBinomial.ofProbs(p.get("totalCount").asDouble(), p.get("probs").asDouble());
            case "BetaBinomial" -> BetaBinomial.of(p.get("totalCount").asInt(), p.get("concentration1").asDouble(),
                    p.get("concentration0").asDouble());
            case "Categorical" -> Categorical.ofProbs(DistributionReferenceTest.array(p.get("probs")));
            default -> throw new IllegalArgumentException("no factory for reference distribution " + name);
        };
    }
}
