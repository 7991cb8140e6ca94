package io.github.elbo4j.cavi.conjugate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.infer.Diagnostics;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link GaussianChainCavi#model} and {@link GaussianChainCavi#toFit}. What each test catches: the
 * density test, a wrong prior precision of the chain or a swapped variance (against scipy's
 * step-by-step {@code norm.logpdf} sums in {@code cavi_joint_reference.json}, with three
 * different variances); the ELBO test, a factor whose scale is the variance rather than its root,
 * or a model that mishandles the particle axis; the PSIS test, a check (or factors) whose k̂ does
 * not follow the tail index the mean-field's missing correlations imply.
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
            CaviFitChecks.assertMonteCarloElboIs(fit, chain.model(3.0), r.elboTrace().last(), 0, 7);
        }
    }

    /**
     * For Gaussian {@code p} and {@code q} the importance ratio under {@code q} is
     * {@code w ∝ exp(½ uᵀ(I - Σ_q^{1/2} Λ Σ_q^{1/2}) u)}, {@code u ~ N(0, I)}, so
     * {@code P(w > t) ≈ t^(-1/k)} with {@code k = 1 - μ_min}, {@code μ_min} the smallest eigenvalue
     * of {@code Σ_q^{1/2} Λ Σ_q^{1/2}} (along that eigenvector {@code P(w > t) = P(u² > 2 log t / (1 - μ_min))}).
     * With unit variances, {@code Λ} is the tridiagonal {@code (-1, 2, -1)} matrix whose eigenvalues
     * are {@code 2 - 2 cos(jπ/(K+1))} and {@code Σ_q = I/2}, so {@code k = cos(π/(K+1))}: 0.5 for the
     * seed chain, 0.866 for five states. k̂ from 10⁵ draws must be within 0.15 of it (its standard
     * error there is about {@code (1 + k)/√M ≈ 0.05}, {@code M ≈ 950} tail draws). The fits' own
     * k̂ from 1000 draws at seed 1 are 0.46 (good) and 0.81 (do not trust); over seeds 1-10 they
     * range over 0.09-0.74 and 0.44-1.06, so 1000 draws read these fits only roughly.
     */
    @Test
    void paretoKFromManyDrawsApproachesTheTailIndexOfTheGaussianRatio() {
        for (int length : new int[] {2, 5}) {
            GaussianChainCavi chain = GaussianChainCavi.of(length, 1, 1, 1);
            GaussianChainCaviResult r = chain.fit(3.0);
            assertThat(r.factors().variances()).containsOnly(0.5);
            Fit fit = chain.toFit(r, 3.0, 1);
            Diagnostics d = Fit.check(chain.model(3.0), fit.posterior(), CaviFitChecks.ELBO_DRAWS, RandomStream.of(1));
            assertThat(d.paretoK().getAsDouble()).as("K = %d", length).isCloseTo(Math.cos(Math.PI / (length + 1)), within(0.15));
        }
    }

    /**
     * A chain of one state: mean field is the exact posterior, so every log ratio is the log
     * evidence up to rounding. PSIS found no tail to fit there and returned k-hat = +∞ (do not
     * trust) on every seed; the check now reads such ratios as exact. Catches a check that smooths
     * rounding noise.
     */
    @Test
    void aOneStateChainIsExactAndReadsGood() {
        GaussianChainCavi chain = GaussianChainCavi.of(1, 1, 1, 1);
        for (long seed = 1; seed <= 3; seed++) {
            Fit fit = chain.toFit(chain.fit(3.0), 3.0, seed);
            assertThat(fit.verdict().level()).as("seed %d: %s", seed, fit.verdict()).isEqualTo(io.github.elbo4j.infer.Verdict.Level.GOOD);
            assertThat(fit.diagnostics().elbo()).isCloseTo(chain.logEvidence(3.0), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aResultPairedWithAnotherObservationIsRefused() {
        GaussianChainCavi chain = GaussianChainCavi.of(2, 1, 1, 1);
        GaussianChainCaviResult r = chain.fit(3.0);
        assertThatThrownBy(() -> chain.toFit(r, 2.0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GaussianChainCavi result must be the fit of these data by this model");
    }
}
