package io.github.elbo4j.cavi.conjugate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian chain of the seed notes ({@code z1 ~ N(0,1), z2 ~ N(z1,1), x ~ N(z2,1)}) and longer
 * chains, by hand and against {@code cavi_reference.json} section {@code gaussian_chain}: there the
 * exact posterior comes from conditioning the joint covariance of {@code (z, x)}, the mean-field
 * variances from minimizing {@code KL(q ‖ p)} with scipy.optimize, and the ELBO of every sweep as
 * {@code log p(x) - KL(q ‖ p(z | x))}. Tolerances: {@code 1e-12} for closed forms and ELBOs,
 * {@code 1e-9} for the converged means (as the brief asks).
 */
class GaussianChainCaviTest {

    private static final JsonNode CASES = CaviReferenceFile.section("gaussian_chain");
    private static final GaussianChainCavi SEED_CHAIN = GaussianChainCavi.of(2, 1, 1, 1);

    @Test
    void seedChainPosteriorHasMeanXThirdsAndCovarianceOneThirdOfTwoOneOneTwo() {
        double x = 1.7;
        assertThat(SEED_CHAIN.exactPosteriorMean(x)).containsExactly(new double[] {x / 3, 2 * x / 3}, within(1e-15));
        assertThat(SEED_CHAIN.exactPosteriorCovariance().toArray())
                .containsExactly(new double[] {2.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 3}, within(1e-15));
        assertThat(SEED_CHAIN.logEvidence(x))
                .isCloseTo(-0.5 * Math.log(2 * Math.PI * 3) - x * x / 6, within(1e-15));
    }

    /** Mean-field variances are 1/Λ_kk = 1/2 each, against exact marginal variances 2/3: ratio 3/4. */
    @Test
    void seedChainMeansConvergeToTheExactMeansWithVariancesOneHalf() {
        for (double x : new double[] {1.0, -2.75, 0.0, 40.0}) {
            GaussianChainCaviResult r = SEED_CHAIN.fit(x);
            assertThat(r.converged()).isTrue();
            assertThat(r.factors().means()).containsExactly(new double[] {x / 3, 2 * x / 3}, within(1e-9 * (1 + Math.abs(x))));
            assertThat(r.factors().variances()).containsExactly(0.5, 0.5);
        }
    }

    /**
     * From means 0, x = 1: q(z1) has mean m2/2 (z1 does not see x; the seed's "(μ2 + x)/2" is
     * wrong) and q(z2) mean (x + m1)/2, so the means go (0, 1/2), (1/4, 5/8), (5/16, 21/32), ...
     */
    @Test
    void firstSweepsFromZeroFollowTheHandComputedUpdates() {
        GaussianChainCaviFactors start = new GaussianChainCaviFactors(new double[] {0, 0}, new double[] {1, 1});
        assertThat(seedChainSweeps(start, 1).fit(1.0).factors().means()).containsExactly(0.0, 0.5);
        assertThat(seedChainSweeps(start, 2).fit(1.0).factors().means()).containsExactly(0.25, 0.625);
        assertThat(seedChainSweeps(start, 3).fit(1.0).factors().means()).containsExactly(0.3125, 0.65625);
    }

    private static GaussianChainCavi seedChainSweeps(GaussianChainCaviFactors start, int sweeps) {
        return GaussianChainCavi.builder(2, 1, 1, 1).initialFactors(start).maxSweeps(sweeps).tolerance(0).build();
    }

    /** KL(q* ‖ p) = ½ (Σ_k log Λ_kk - log det Λ) = ½ log(4/3) for the seed chain. */
    @Test
    void seedChainFixedPointFallsShortOfTheLogEvidenceByHalfLogFourThirds() {
        double x = 1.0;
        double elbo = SEED_CHAIN.elbo(x, SEED_CHAIN.fixedPoint(x));
        assertThat(SEED_CHAIN.logEvidence(x) - elbo).isCloseTo(0.5 * Math.log(4.0 / 3.0), within(1e-15));
    }

    @Test
    void exactPosteriorAndLogEvidenceMatchGaussianConditioning() {
        for (JsonNode c : CASES) {
            GaussianChainCavi chain = chain(c);
            double x = c.get("x").asDouble();
            assertThat(chain.exactPosteriorMean(x)).containsExactly(CaviReferenceFile.doubles(c.get("exact_mean")), within(1e-14));
            assertThat(chain.exactPosteriorCovariance().toArray())
                    .containsExactly(CaviReferenceFile.doubles(c.get("exact_covariance")), within(1e-14));
            assertThat(chain.logEvidence(x)).isCloseTo(c.get("log_evidence").asDouble(), within(1e-14));
        }
    }

    @Test
    void fixedPointMatchesTheMinimizerOfTheKlAndItsElbo() {
        for (JsonNode c : CASES) {
            GaussianChainCavi chain = chain(c);
            double x = c.get("x").asDouble();
            GaussianChainCaviResult r = chain.fit(x);
            assertThat(r.factors().variances())
                    .containsExactly(CaviReferenceFile.doubles(c.get("mean_field_variances")), within(1e-14));
            assertThat(r.factors().means()).containsExactly(chain.exactPosteriorMean(x), within(1e-9 * (1 + Math.abs(x))));
            assertThat(r.elboTrace().last()).isCloseTo(c.get("fixed_point_elbo").asDouble(), within(1e-12));
        }
    }

    @Test
    void elboOfEverySweepIsTheLogEvidenceMinusTheKl() {
        for (JsonNode c : CASES) {
            double[] values = chain(c).fit(c.get("x").asDouble()).elboTrace().values();
            double[] expected = CaviReferenceFile.doubles(c.get("elbo_path"));
            assertThat(values).hasSize(expected.length);
            for (int s = 0; s < values.length; s++) {
                assertThat(values[s]).as("K=" + c.get("length") + " sweep " + s)
                        .isCloseTo(expected[s], within(1e-12 * Math.max(1, Math.abs(expected[s]))));
            }
        }
    }

    @Test
    void elboNeverDecreasesAndStaysBelowTheLogEvidence() {
        for (JsonNode c : CASES) {
            GaussianChainCavi chain = chain(c);
            double x = c.get("x").asDouble();
            ElboTrace h = chain.fit(x).elboTrace();
            assertThat(h.largestRelativeDecrease()).isLessThanOrEqualTo(1e-10);
            for (double v : h.values()) {
                assertThat(v).isLessThanOrEqualTo(chain.logEvidence(x));
            }
        }
    }

    @Test
    void aChainOfOneIsExactAfterOneSweep() {
        GaussianChainCavi single = GaussianChainCavi.of(1, 0.7, 1.0, 1.3);
        GaussianChainCaviResult r = single.fit(0.9);
        Tensor cov = single.exactPosteriorCovariance();
        assertThat(r.factors().variances()[0]).isCloseTo(cov.get(0, 0), within(1e-15));
        assertThat(r.elboTrace().last()).isCloseTo(single.logEvidence(0.9), within(1e-15));
    }

    @Test
    void rejectsInvalidChainsAndObservations() {
        assertThatThrownBy(() -> GaussianChainCavi.of(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi length must be >= 1, got 0");
        assertThatThrownBy(() -> GaussianChainCavi.of(2, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi priorVariance must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> GaussianChainCavi.of(2, 1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi transitionVariance must be > 0 and finite, got -1.0");
        assertThatThrownBy(() -> GaussianChainCavi.of(2, 1, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi observationVariance must be > 0 and finite, got NaN");
        assertThatThrownBy(() -> SEED_CHAIN.fit(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi x must be finite, got NaN");
        assertThatThrownBy(() -> SEED_CHAIN.logEvidence(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi x must be finite, got Infinity");
    }

    @Test
    void rejectsFactorsOfTheWrongLengthOrWithBadVariances() {
        GaussianChainCaviFactors three = new GaussianChainCaviFactors(new double[3], new double[] {1, 1, 1});
        assertThatThrownBy(() -> SEED_CHAIN.elbo(1, three)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi factors must have 2 latent states, got 3");
        assertThatThrownBy(() -> GaussianChainCavi.builder(2, 1, 1, 1).initialFactors(three))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi initialFactors must have 2 latent states, got 3");
        assertThatThrownBy(() -> GaussianChainCavi.builder(2, 1, 1, 1).maxSweeps(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCavi maxSweeps must be >= 1, got 0");
        assertThatThrownBy(() -> new GaussianChainCaviFactors(new double[2], new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCaviFactors variances[1] must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> new GaussianChainCaviFactors(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCaviFactors means must not be empty, got length 0");
        assertThatThrownBy(() -> new GaussianChainCaviFactors(new double[2], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianChainCaviFactors variances must have the length of means (2), got length 1");
    }

    private static GaussianChainCavi chain(JsonNode c) {
        return GaussianChainCavi.of(c.get("length").asInt(), c.get("prior_variance").asDouble(),
                c.get("transition_variance").asDouble(), c.get("observation_variance").asDouble());
    }
}
