package io.github.elbo4j.cavi.conjugate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.infer.ElboTrace;
import org.junit.jupiter.api.Test;

/**
 * The Beta-Binomial coin against {@code cavi_reference.json} section {@code beta_binomial}: log
 * evidences and ELBOs there come from 40-digit quadrature of the log densities (no digamma), so
 * they check the Java formulas, not only their arithmetic. Tolerances: {@code 1e-12} relative for
 * the log evidence and for the ELBO at the posterior; {@code 1e-11} relative for the ELBO of other
 * Betas, whose digamma terms reach {@code 10⁴} in magnitude before cancelling to the result.
 */
class BetaBinomialCaviTest {

    private static final JsonNode CASES = CaviReferenceFile.section("beta_binomial");

    @Test
    void oneSweepReachesTheExactPosterior() {
        for (JsonNode c : CASES) {
            BetaBinomialCaviResult r = model(c).fit(c.get("successes").asLong(), c.get("trials").asLong());
            assertThat(r.alpha()).isEqualTo(c.get("posterior_alpha").asDouble());
            assertThat(r.beta()).isEqualTo(c.get("posterior_beta").asDouble());
            assertThat(r.sweeps()).isEqualTo(1);
            assertThat(r.converged()).isTrue();
        }
    }

    @Test
    void logEvidenceMatchesQuadrature() {
        for (JsonNode c : CASES) {
            double expected = c.get("log_evidence").asDouble();
            double actual = model(c).logEvidence(c.get("successes").asLong(), c.get("trials").asLong());
            assertThat(actual).as(c.toString()).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void elboOfTheExactPosteriorIsTheLogEvidence() {
        for (JsonNode c : CASES) {
            long k = c.get("successes").asLong();
            long n = c.get("trials").asLong();
            BetaBinomialCavi model = model(c);
            BetaBinomialCaviResult r = model.fit(k, n);
            double expected = c.get("log_evidence").asDouble();
            double tolerance = 1e-12 * Math.max(1, Math.abs(expected));
            assertThat(model.elbo(k, n, r.alpha(), r.beta())).isCloseTo(expected, within(tolerance));
            assertThat(r.elboTrace().last()).isCloseTo(expected, within(tolerance));
        }
    }

    @Test
    void elboOfAnyBetaIsTheLogEvidenceMinusItsKlToThePosterior() {
        for (JsonNode c : CASES) {
            long k = c.get("successes").asLong();
            long n = c.get("trials").asLong();
            double logEvidence = c.get("log_evidence").asDouble();
            for (JsonNode q : c.get("q")) {
                double elbo = model(c).elbo(k, n, q.get("alpha").asDouble(), q.get("beta").asDouble());
                double expected = q.get("elbo").asDouble();
                assertThat(elbo).as(c.get("prior_alpha") + " " + q).isCloseTo(expected,
                        within(1e-11 * Math.max(1, Math.abs(expected))));
                assertThat(logEvidence - elbo).isCloseTo(q.get("kl_to_posterior").asDouble(),
                        within(1e-11 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void elboOfEveryOtherBetaIsBelowTheLogEvidence() {
        for (JsonNode c : CASES) {
            long k = c.get("successes").asLong();
            long n = c.get("trials").asLong();
            BetaBinomialCavi model = model(c);
            double logEvidence = model.logEvidence(k, n);
            for (JsonNode q : c.get("q")) {
                if (q.get("kl_to_posterior").asDouble() > 1e-6) {
                    assertThat(model.elbo(k, n, q.get("alpha").asDouble(), q.get("beta").asDouble()))
                            .isLessThan(logEvidence);
                }
            }
        }
    }

    @Test
    void historyRisesFromThePriorsElboToTheLogEvidence() {
        BetaBinomialCavi model = BetaBinomialCavi.of(2, 2);
        ElboTrace h = model.fit(6, 10).elboTrace();
        assertThat(h.first()).isEqualTo(model.elbo(6, 10, 2, 2));
        assertThat(h.first()).isLessThan(h.last());
        assertThat(h.largestRelativeDecrease()).isZero();
    }

    /** The seed's coin: Beta(2, 2) prior, 6 heads in 10; section seed_coin (scipy.stats.beta(8, 6)). */
    @Test
    void seedCoinHasPosteriorBetaEightSixWithTheReferenceMoments() {
        JsonNode coin = CaviReferenceFile.section("seed_coin");
        BetaBinomialCaviResult r = BetaBinomialCavi.of(2, 2).fit(6, 10);
        assertThat(r.alpha()).isEqualTo(8.0);
        assertThat(r.beta()).isEqualTo(6.0);
        assertThat(r.mean()).isCloseTo(coin.get("mean").asDouble(), within(1e-15));
        assertThat(r.variance()).isCloseTo(coin.get("variance").asDouble(), within(1e-15));
        assertThat(r.variance()).isCloseTo(8.0 * 6.0 / (14 * 14 * 15), within(1e-16)); // 0.01633, not the seed's 0.021
    }

    @Test
    void noTossesLeaveThePriorWithEvidenceOne() {
        BetaBinomialCaviResult r = BetaBinomialCavi.of(1.5, 0.5).fit(0, 0);
        assertThat(r.alpha()).isEqualTo(1.5);
        assertThat(r.beta()).isEqualTo(0.5);
        assertThat(r.elboTrace().last()).isCloseTo(0.0, within(1e-14));
    }

    @Test
    void rejectsNonPositivePriorShapesNamingTheArgument() {
        assertThatThrownBy(() -> BetaBinomialCavi.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi priorAlpha must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> BetaBinomialCavi.of(1, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi priorBeta must be > 0 and finite, got -2.0");
        assertThatThrownBy(() -> BetaBinomialCavi.of(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi priorAlpha must be > 0 and finite, got NaN");
        assertThatThrownBy(() -> BetaBinomialCavi.of(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi priorBeta must be > 0 and finite, got Infinity");
    }

    @Test
    void rejectsImpossibleCountsNamingTheArgument() {
        BetaBinomialCavi model = BetaBinomialCavi.of(1, 1);
        assertThatThrownBy(() -> model.fit(11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi successes must be <= trials (10), got 11");
        assertThatThrownBy(() -> model.fit(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi successes must be >= 0, got -1");
        assertThatThrownBy(() -> model.logEvidence(0, -3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi trials must be >= 0, got -3");
    }

    @Test
    void rejectsAnInvalidVariationalBeta() {
        BetaBinomialCavi model = BetaBinomialCavi.of(1, 1);
        assertThatThrownBy(() -> model.elbo(3, 10, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi alpha must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> model.elbo(3, 10, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BetaBinomialCavi beta must be > 0 and finite, got NaN");
    }

    private static BetaBinomialCavi model(JsonNode c) {
        return BetaBinomialCavi.of(c.get("prior_alpha").asDouble(), c.get("prior_beta").asDouble());
    }
}
