package io.github.elbo4j.cavi.conjugate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.infer.Diagnostics;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link BetaBinomialCavi#model} and {@link BetaBinomialCavi#toFit}. What each test catches: the
 * density test, a wrong term or parameterization in the Model-API joint (against scipy's
 * {@code beta.logpdf + binom.logpmf} in {@code cavi_joint_reference.json}); the ELBO test, a
 * factor that is not the fitted {@code q} (e.g. the shapes swapped); the PSIS test, a check that
 * distrusts or mis-weights the exact posterior; the last, a result paired with other data.
 */
class BetaBinomialCaviFitTest {

    /** The class documentation's coin: Beta(2, 2) prior, 6 heads in 10 tosses; q = Beta(8, 6) is the posterior. */
    private static final BetaBinomialCavi COIN = BetaBinomialCavi.of(2, 2);

    @Test
    void modelDensityIsScipysBetaBinomialLogJoint() {
        JsonNode ref = CaviFitChecks.joint("beta_binomial");
        BetaBinomialCavi coin = BetaBinomialCavi.of(ref.get("prior_alpha").asDouble(), ref.get("prior_beta").asDouble());
        var model = coin.model(ref.get("successes").asLong(), ref.get("trials").asLong());
        for (JsonNode p : ref.get("points")) {
            double expected = p.get("log_joint").asDouble();
            assertThat(CaviFitChecks.logJoint(model, Map.of("theta", Tensor.scalar(p.get("theta").asDouble()))))
                    .as("theta = %s", p.get("theta")).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
    }

    /**
     * Every log ratio {@code log p(k, θ) - log q(θ)} equals {@code log p(k)} up to rounding, so the
     * standard error is rounding noise (1e-14); the allowance {@code 1e-10} covers the running sum
     * of 10⁵ terms (measured difference 2.7e-12).
     */
    @Test
    void monteCarloElboOfTheFactorEqualsTheExactElbo() {
        BetaBinomialCaviResult r = COIN.fit(6, 10);
        Fit fit = COIN.toFit(r, 6, 10, 1);
        CaviFitChecks.assertMonteCarloElboIs(fit, COIN.model(6, 10), r.elboTrace().last(), 1e-10, 7);
    }

    /**
     * The factor is the exact posterior: the importance weights are equal up to rounding, so the
     * effective sample size is the number of draws and the diagnostics' ELBO is the log evidence.
     * (k̂ measured -0.18 at seed 1: a Pareto fit to rounding noise, so its value means nothing
     * beyond being below 0.5.)
     */
    @Test
    void theExactPosteriorPassesThePsisCheck() {
        BetaBinomialCaviResult r = COIN.fit(6, 10);
        Fit fit = COIN.toFit(r, 6, 10, 1);
        Diagnostics d = fit.diagnostics();
        assertThat(fit.paretoK()).isPresent();
        assertThat(fit.paretoK().getAsDouble()).isLessThan(0.5);
        assertThat(d.importanceEss()).isGreaterThan(0.999 * d.draws());
        assertThat(d.elbo()).isCloseTo(COIN.logEvidence(6, 10), within(1e-8));
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.GOOD);
        assertThat(fit.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(fit.elboTrace()).isEqualTo(new ElboTrace(r.elboTrace().values(), ElboTrace.Kind.EXACT));
        assertThat(fit.parameter("alpha").item()).isEqualTo(8.0);
        assertThat(fit.parameter("beta").item()).isEqualTo(6.0);
    }

    @Test
    void aResultPairedWithOtherCountsIsRefused() {
        BetaBinomialCaviResult r = COIN.fit(6, 10);
        assertThatThrownBy(() -> COIN.toFit(r, 5, 10, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BetaBinomialCavi result must be the fit of these data by this model");
        assertThatThrownBy(() -> BetaBinomialCavi.of(1, 1).toFit(r, 6, 10, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pass the data (and use the model) the result was fitted with");
    }
}
