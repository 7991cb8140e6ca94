package io.github.elbo4j.distribution.kl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.DistributionReferenceTest;
import io.github.elbo4j.distribution.ReferenceDistributions;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Exponential;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Laplace;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.distribution.discrete.Poisson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The univariate closed-form KL rules (Normal/Normal and the eight of {@code UnivariateKlRules}) against
 * {@code src/test/resources/reference/univariate_kl.json}, written by
 * {@code make_univariate_kl_reference.py} in the same folder: each KL computed from its definition
 * {@code E_p[log p - log q]} by mpmath quadrature (or the defining sum, for the discrete families)
 * at 30 digits, never from a closed form. {@code +∞} must be {@code +∞}.
 *
 * <p>Tolerance {@code |actual - expected| <= 1e-10 |expected| + 1e-15}. The absolute floor: each rule
 * adds O(1) terms (logs, ratios, digammas) that are each rounded to half an ulp, so a KL carries an
 * absolute error of a few ulps of 1 (2.2e-16) whatever its size; for the near-equal pairs (KL of
 * 3e-8 to 1e-6) that is 1e-10 to 6e-9 relative (measured: Categorical 6e-9, Poisson 3.6e-10,
 * Laplace 2.8e-10, Bernoulli 1.5e-10, all of them 0.7e-16 to 3.6e-16 absolute). Removing it would
 * take log1p/expm1 rewrites of every rule, which no variational objective needs.
 *
 * <p>Catches a wrong closed form that Monte Carlo at 200 000 draws cannot see (e.g. the rate and
 * scale of the Gamma swapped in one term, {@code ψ(a_p)} where {@code ψ(a_p + b_p)} belongs in the
 * Beta rule, a missing {@code exp(-d/b_p)} factor in the Laplace rule, a Poisson {@code 0 log 0}
 * that is NaN), and a correct formula evaluated with a catastrophic cancellation: the pairs include
 * near-equal distributions whose KL (1e-7 to 1e-3) is a small difference of O(1) to O(100) terms.
 */
class UnivariateKlReferenceTest {

    static final double RELATIVE = 1e-10;
    static final double ABSOLUTE = 1e-15;

    /** Normal and the families with a rule in {@code UnivariateKlRules}; every one must have reference pairs. */
    enum Family { Normal, Gamma, Beta, Exponential, Laplace, Uniform, Poisson, Bernoulli, Categorical }

    static JsonNode reference() throws IOException {
        try (InputStream in = UnivariateKlReferenceTest.class.getResourceAsStream("/reference/univariate_kl.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyClosedFormKlMatchesItsQuadrature() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : reference().get("kl")) {
            String label = "KL " + c.get("label").asText();
            tests.add(DynamicTest.dynamicTest(label, () -> {
                Distribution p = ReferenceDistributions.create(c.get("p").get("distribution").asText(), c.get("p").get("params"));
                Distribution q = ReferenceDistributions.create(c.get("q").get("distribution").asText(), c.get("q").get("params"));
                assertThat(KlDivergence.hasClosedForm(p, q)).as("%s uses a registered rule, not a fallback", label).isTrue();
                double expected = DistributionReferenceTest.number(c.get("kl"));
                double actual = KlDivergence.of(p, q).item();
                if (Double.isInfinite(expected)) {
                    assertThat(actual).as(label).isEqualTo(expected);
                } else {
                    assertThat(Math.abs(actual - expected)).as("%s: actual %s expected %s", label, actual, expected)
                            .isLessThanOrEqualTo(RELATIVE * Math.abs(expected) + ABSOLUTE);
                }
            }));
        }
        return tests.stream();
    }

    /** A rule added without reference pairs (or a family dropped from the generator) fails here. */
    @Test
    void everyRuleHasAtLeastThreeReferencePairs() throws IOException {
        Set<Family> seen = EnumSet.noneOf(Family.class);
        int[] counts = new int[Family.values().length];
        for (JsonNode c : reference().get("kl")) {
            Family f = Family.valueOf(c.get("p").get("distribution").asText());
            seen.add(f);
            counts[f.ordinal()]++;
        }
        assertThat(seen).containsExactlyInAnyOrder(Family.values());
        for (Family f : Family.values()) {
            assertThat(counts[f.ordinal()]).as("%s pairs", f).isGreaterThanOrEqualTo(3);
        }
    }
}
