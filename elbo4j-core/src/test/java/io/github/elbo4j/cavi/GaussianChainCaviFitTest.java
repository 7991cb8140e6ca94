package io.github.elbo4j.cavi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link GaussianChainCavi#model} and {@link GaussianChainCavi#toFit}. What each test catches: the
 * density test, a wrong prior precision of the chain or a swapped variance (against scipy's
 * step-by-step {@code norm.logpdf} sums in {@code cavi_joint_reference.json}, with three
 * different variances); the ELBO test, a factor whose scale is the variance rather than its root,
 * or a model that mishandles the particle axis; the PSIS test, a check blind to the mean-field's
 * missing correlations.
 */
class GaussianChainCaviFitTest {

    @Test
    void modelDensityIsScipysStepByStepChain() {
        for (JsonNode c : CaviFitChecks.joint("gaussian_chain")) {
            GaussianChainCavi chain = GaussianChainCavi.of(c.get("length").asInt(), c.get("prior_variance").asDouble(),
                    c.get("transition_variance").asDouble(), c.get("observation_variance").asDouble());
            Model model = chain.model(c.get("x").asDouble());
            for (JsonNode p : c.get("points")) {
                double expected = p.get("log_joint").asDouble();
                double actual = CaviFitChecks.logJoint(model, Map.of("z", Tensor.of(CaviReferenceFile.doubles(p.get("z")))));
                assertThat(actual).as(p.toString()).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void monteCarloElboOfTheFactorEqualsTheExactElbo() {
        for (GaussianChainCavi chain : new GaussianChainCavi[] {GaussianChainCavi.of(2, 1, 1, 1), GaussianChainCavi.of(5, 1.5, 0.7, 0.4)}) {
            GaussianChainCaviResult r = chain.fit(3.0);
            Fit fit = chain.toFit(r, 3.0, 1);
            CaviFitChecks.assertMonteCarloElboIs(fit, chain.model(3.0), r.history().finalElbo(), 0, 7);
        }
    }

    /**
     * The seed chain (two states, unit variances, {@code x = 3}): {@code KL(q ‖ p) = 0.14}, k̂
     * measured 0.46 (good). Five states: the mean-field drops four correlations,
     * {@code KL = 0.84}, k̂ measured 0.81 (do not trust). Both with 1000 draws at seed 1.
     */
    @Test
    void paretoKReadsTheSeedChainAsGoodAndALongChainAsUntrustworthy() {
        GaussianChainCavi seed = GaussianChainCavi.of(2, 1, 1, 1);
        Fit fit = seed.toFit(seed.fit(3.0), 3.0, 1);
        assertThat(fit.paretoK().getAsDouble()).isLessThan(0.5);
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.GOOD);
        GaussianChainCavi longer = GaussianChainCavi.of(5, 1, 1, 1);
        Fit longFit = longer.toFit(longer.fit(3.0), 3.0, 1);
        assertThat(longFit.paretoK().getAsDouble()).isGreaterThan(0.7);
        assertThat(longFit.verdict().level()).isEqualTo(Verdict.Level.DO_NOT_TRUST);
        assertThat(longFit.parameter("variances").toArray()).containsExactly(longer.fixedPoint(3.0).variances(), within(1e-10));
    }

    @Test
    void aResultPairedWithAnotherObservationIsRefused() {
        GaussianChainCavi chain = GaussianChainCavi.of(2, 1, 1, 1);
        GaussianChainCaviResult r = chain.fit(3.0);
        assertThatThrownBy(() -> chain.toFit(r, 2.0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GaussianChainCavi result must be the fit of these data by this model");
    }
}
