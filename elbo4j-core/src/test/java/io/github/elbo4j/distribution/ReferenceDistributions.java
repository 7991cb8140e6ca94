package io.github.elbo4j.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Cauchy;
import io.github.elbo4j.distribution.continuous.Chi2;
import io.github.elbo4j.distribution.continuous.Exponential;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Gumbel;
import io.github.elbo4j.distribution.continuous.HalfCauchy;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.HalfStudentT;
import io.github.elbo4j.distribution.continuous.InverseGamma;
import io.github.elbo4j.distribution.continuous.Laplace;
import io.github.elbo4j.distribution.continuous.LogNormal;
import io.github.elbo4j.distribution.continuous.Logistic;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.continuous.Pareto;
import io.github.elbo4j.distribution.continuous.StudentT;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.distribution.continuous.VonMises;
import io.github.elbo4j.distribution.continuous.Weibull;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.distribution.discrete.BetaBinomial;
import io.github.elbo4j.distribution.discrete.Binomial;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.distribution.discrete.Geometric;
import io.github.elbo4j.distribution.discrete.NegativeBinomial;
import io.github.elbo4j.distribution.discrete.Poisson;

/**
 * Builds the distribution a reference case names, from the parameters written by
 * {@code src/test/resources/reference/make_distribution_reference.py}. Add one line per family.
 */
public final class ReferenceDistributions {

    private ReferenceDistributions() {
    }

    public static Distribution create(String name, JsonNode p) {
        return switch (name) {
            case "Normal" -> Normal.of(p.get("loc").asDouble(), p.get("scale").asDouble());
            // ---- continuous families (branch continuous) ----
            case "LogNormal" -> LogNormal.of(d(p, "loc"), d(p, "scale"));
            case "HalfNormal" -> HalfNormal.of(d(p, "scale"));
            case "Cauchy" -> Cauchy.of(d(p, "loc"), d(p, "scale"));
            case "HalfCauchy" -> HalfCauchy.of(d(p, "scale"));
            case "HalfStudentT" -> HalfStudentT.of(d(p, "df"), d(p, "scale"));
            case "StudentT" -> StudentT.of(d(p, "df"), d(p, "loc"), d(p, "scale"));
            case "Laplace" -> Laplace.of(d(p, "loc"), d(p, "scale"));
            case "Exponential" -> Exponential.of(d(p, "rate"));
            case "Gamma" -> Gamma.of(d(p, "concentration"), d(p, "rate"));
            case "InverseGamma" -> InverseGamma.of(d(p, "concentration"), d(p, "scale"));
            case "Beta" -> Beta.of(d(p, "concentration1"), d(p, "concentration0"));
            case "Uniform" -> Uniform.of(d(p, "low"), d(p, "high"));
            case "Logistic" -> Logistic.of(d(p, "loc"), d(p, "scale"));
            case "Gumbel" -> Gumbel.of(d(p, "loc"), d(p, "scale"));
            case "Weibull" -> Weibull.of(d(p, "scale"), d(p, "concentration"));
            case "Pareto" -> Pareto.of(d(p, "scale"), d(p, "alpha"));
            case "Chi2" -> Chi2.of(d(p, "df"));
            case "VonMises" -> VonMises.of(d(p, "loc"), d(p, "concentration"));
            // ---- end of continuous families ----
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

    private static double d(JsonNode p, String name) {
        return p.get(name).asDouble();
    }
}
