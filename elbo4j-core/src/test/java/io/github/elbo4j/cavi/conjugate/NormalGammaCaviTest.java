package io.github.elbo4j.cavi.conjugate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The normal sample with unknown mean and precision (Bishop PRML §10.1.3) against
 * {@code cavi_reference.json} section {@code normal_gamma}: the exact posterior from updating one
 * observation at a time, the log evidence from scipy's multivariate Student-t, the Student-t
 * variance from scipy.stats.t, and the ELBO of every sweep by numerical integration of the log
 * joint (Gauss-Hermite over μ, adaptive quadrature over log τ). Each case is fitted with tolerance
 * {@code 1e-13}, as the generator does. Tolerances: {@code 1e-12} relative for closed forms,
 * {@code 1e-9} relative against the integrated ELBOs (the generator asserts that level).
 */
class NormalGammaCaviTest {

    private static final JsonNode CASES = CaviReferenceFile.section("normal_gamma");

    @Test
    void exactPosteriorMatchesSequentialUpdating() {
        for (JsonNode c : CASES) {
            NormalGammaCaviParameters post = model(c).exactPosterior(data(c));
            double[] expected = CaviReferenceFile.doubles(c.get("exact_posterior"));
            double[] actual = {post.mean(), post.precisionScale(), post.shape(), post.rate()};
            for (int i = 0; i < 4; i++) {
                assertThat(actual[i]).as(c.get("name") + " " + i).isCloseTo(expected[i], within(1e-12 * (1 + Math.abs(expected[i]))));
            }
        }
    }

    @Test
    void logEvidenceMatchesTheMultivariateStudentT() {
        for (JsonNode c : CASES) {
            double expected = c.get("log_evidence").asDouble();
            assertThat(model(c).logEvidence(data(c))).as(c.get("name").asText())
                    .isCloseTo(expected, within(1e-12 * Math.abs(expected)));
        }
    }

    @Test
    void elboOfEverySweepMatchesNumericalIntegration() {
        for (JsonNode c : CASES) {
            double[] values = fit(c).elboTrace().values();
            double[] numeric = CaviReferenceFile.doubles(c.get("elbo_numeric"));
            double[] closed = CaviReferenceFile.doubles(c.get("elbo_closed"));
            assertThat(values).hasSize(numeric.length);
            for (int s = 0; s < values.length; s++) {
                assertThat(values[s]).as(c.get("name") + " sweep " + s).isCloseTo(numeric[s], within(1e-9 * Math.abs(numeric[s])));
                assertThat(values[s]).as(c.get("name") + " sweep " + s).isCloseTo(closed[s], within(1e-12 * Math.abs(closed[s])));
            }
        }
    }

    @Test
    void fitConvergesToTheClosedFormFixedPoint() {
        for (JsonNode c : CASES) {
            NormalGammaCaviResult r = fit(c);
            NormalGammaCaviFactors fixed = model(c).fixedPoint(data(c));
            double[] reference = CaviReferenceFile.doubles(c.get("fixed_point"));
            assertThat(r.converged()).isTrue();
            double[] actual = {r.factors().muMean(), r.factors().muPrecision(), r.factors().tauShape(), r.factors().tauRate()};
            double[] closed = {fixed.muMean(), fixed.muPrecision(), fixed.tauShape(), fixed.tauRate()};
            for (int i = 0; i < 4; i++) {
                assertThat(actual[i]).isCloseTo(closed[i], within(1e-11 * (1 + Math.abs(closed[i]))));
                assertThat(actual[i]).isCloseTo(reference[i], within(1e-11 * (1 + Math.abs(reference[i]))));
            }
        }
    }

    @Test
    void fixedPointHasTheExactMeanOfMuAndOfTau() {
        for (JsonNode c : CASES) {
            NormalGammaCaviFactors q = model(c).fixedPoint(data(c));
            NormalGammaCaviParameters post = model(c).exactPosterior(data(c));
            assertThat(q.muMean()).isEqualTo(post.mean());
            assertThat(q.tauMean()).isCloseTo(c.get("exact_tau_mean").asDouble(), within(1e-12 * q.tauMean()));
        }
    }

    /** Var_q[μ] / Var[μ | x] = (α_N - 1) / α_N with α_N = a₀ + N/2: 0.931, 0.565 and 0.990 here. */
    @Test
    void meanFieldUnderestimatesTheVarianceOfMuByTheFactorAlphaMinusOneOverAlpha() {
        for (JsonNode c : CASES) {
            NormalGammaCavi model = model(c);
            double[] x = data(c);
            double meanField = fit(c).factors().muVariance();
            double exact = model.exactPosterior(x).meanMarginalVariance();
            double alpha = model.exactPosterior(x).shape();
            assertThat(exact).isCloseTo(c.get("exact_mu_variance").asDouble(), within(1e-12 * exact));
            assertThat(meanField).isCloseTo(c.get("mean_field_mu_variance").asDouble(), within(1e-11 * meanField));
            assertThat(meanField / exact).isCloseTo((alpha - 1) / alpha, within(1e-11));
            assertThat(meanField / exact).isCloseTo(c.get("variance_ratio").asDouble(), within(1e-11));
            assertThat(meanField).isLessThan(exact);
        }
    }

    @Test
    void elboNeverDecreasesAndStaysBelowTheLogEvidence() {
        for (JsonNode c : CASES) {
            NormalGammaCaviResult r = fit(c);
            double logEvidence = model(c).logEvidence(data(c));
            assertThat(r.elboTrace().largestRelativeDecrease()).isLessThanOrEqualTo(1e-10);
            for (double v : r.elboTrace().values()) {
                assertThat(v).isLessThan(logEvidence);
            }
        }
    }

    @Test
    void defaultFitStartsFromThePriorAndConverges() {
        JsonNode c = CASES.get(0);
        NormalGammaCavi model = model(c);
        NormalGammaCaviResult r = model.fit(data(c));
        assertThat(r.converged()).isTrue();
        assertThat(r.elboTrace().first()).isEqualTo(model.elbo(data(c), model.initialFactors()));
        assertThat(r.factors().muMean()).isCloseTo(model.fixedPoint(data(c)).muMean(), within(1e-9));
    }

    @Test
    void studentTVarianceIsInfiniteWithTwoOrFewerDegreesOfFreedom() {
        NormalGammaCaviParameters post = NormalGammaCavi.of(new NormalGammaCaviParameters(0, 1, 0.4, 1))
                .exactPosterior(new double[] {0.3});
        assertThat(post.shape()).isEqualTo(0.9);
        assertThat(post.meanMarginalVariance()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void sweepLimitEndsAnUnconvergedFit() {
        JsonNode c = CASES.get(0);
        NormalGammaCaviResult r = NormalGammaCavi.builder(prior(c)).maxSweeps(2).tolerance(0).build().fit(data(c));
        assertThat(r.sweeps()).isEqualTo(2);
        assertThat(r.converged()).isFalse();
    }

    @Test
    void rejectsEmptyOrNonFiniteData() {
        NormalGammaCavi model = NormalGammaCavi.of(new NormalGammaCaviParameters(0, 1, 1, 1));
        assertThatThrownBy(() -> model.fit(new double[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCavi data must not be empty, got length 0");
        assertThatThrownBy(() -> model.fit(new double[] {1, 2, Double.NaN})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCavi data[2] must be finite, got NaN");
        assertThatThrownBy(() -> model.logEvidence(new double[] {Double.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCavi data[0] must be finite, got -Infinity");
        assertThatThrownBy(() -> model.fit(new double[] {1e200, -1e200})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCavi data must have a finite mean and sum of squares, got 0.0 and Infinity"
                        + " (rescale the data)");
    }

    @Test
    void rejectsNonPositivePriorParameters() {
        assertThatThrownBy(() -> new NormalGammaCaviParameters(0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCaviParameters precisionScale must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> new NormalGammaCaviParameters(0, 1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCaviParameters shape must be > 0 and finite, got -1.0");
        assertThatThrownBy(() -> new NormalGammaCaviParameters(0, 1, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCaviParameters rate must be > 0 and finite, got Infinity");
        assertThatThrownBy(() -> new NormalGammaCaviParameters(Double.NaN, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCaviParameters mean must be finite, got NaN");
        assertThatThrownBy(() -> new NormalGammaCaviFactors(0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCaviFactors tauRate must be > 0 and finite, got 0.0");
    }

    @Test
    void rejectsInvalidSweepSettings() {
        NormalGammaCaviParameters prior = new NormalGammaCaviParameters(0, 1, 1, 1);
        assertThatThrownBy(() -> NormalGammaCavi.builder(prior).maxSweeps(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCavi maxSweeps must be >= 1, got 0");
        assertThatThrownBy(() -> NormalGammaCavi.builder(prior).tolerance(-1e-6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCavi tolerance must be >= 0 and finite, got -1.0E-6");
        assertThatThrownBy(() -> NormalGammaCavi.builder(prior).initialFactors(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCavi initialFactors must not be null");
        assertThatThrownBy(() -> NormalGammaCavi.builder(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalGammaCavi prior must not be null");
    }

    private static NormalGammaCaviResult fit(JsonNode c) {
        return NormalGammaCavi.builder(prior(c)).maxSweeps(1000).tolerance(1e-13).build().fit(data(c));
    }

    private static NormalGammaCavi model(JsonNode c) {
        return NormalGammaCavi.of(prior(c));
    }

    private static NormalGammaCaviParameters prior(JsonNode c) {
        double[] p = CaviReferenceFile.doubles(c.get("prior"));
        return new NormalGammaCaviParameters(p[0], p[1], p[2], p[3]);
    }

    private static double[] data(JsonNode c) {
        return CaviReferenceFile.doubles(c.get("x"));
    }
}
