package io.github.elbo4j.cavi.conjugate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Variational Bayesian linear regression against {@code cavi_reference.json} section
 * {@code linear_regression}: synthetic data ({@code N = 120}, {@code M = 6}, true weights
 * {@code (1.5, -2, 0, 0, 0.8, 0)}, noise sd 0.3, numpy seed 31415), an independent numpy CAVI,
 * ELBOs at sampled sweeps with the Gamma expectations taken by quadrature, and the exact log
 * evidence of the shared-precision model by 2-D quadrature over {@code (log α, log β)}. Fits:
 * "shared" with {@code Gamma(0.01, 0.01)} priors and tolerance {@code 1e-12}; "ard" with
 * {@code Gamma(1e-6, 1e-6)} priors and tolerance {@code 1e-10}. Tolerances: {@code 1e-10}
 * relative against the numpy ELBOs, {@code 1e-9} against the integrated ones, {@code 1e-8}
 * relative on the fitted parameters.
 */
class LinearRegressionViTest {

    private static final JsonNode REFERENCE = CaviReferenceFile.section("linear_regression");
    private static final Tensor X = CaviReferenceFile.tensor(REFERENCE.get("x"));
    private static final Tensor Y = Tensor.of(CaviReferenceFile.doubles(REFERENCE.get("y")));
    private static final Tensor X_TEST = CaviReferenceFile.tensor(REFERENCE.get("x_test"));
    private static final double[] W_TRUE = CaviReferenceFile.doubles(REFERENCE.get("w_true"));

    @Test
    void elboOfEverySweepMatchesTheIndependentComputation() {
        for (JsonNode f : REFERENCE.get("fits")) {
            LinearRegressionViResult r = fit(f);
            ElboTrace h = r.elboTrace();
            double[] closed = CaviReferenceFile.doubles(f.get("elbo_closed"));
            assertThat(r.sweeps()).as(f.get("name").asText()).isEqualTo(f.get("sweeps").asInt());
            assertThat(r.converged()).isTrue();
            double[] values = h.values();
            for (int s = 0; s < values.length; s++) {
                assertThat(values[s]).as(f.get("name") + " sweep " + s).isCloseTo(closed[s], within(1e-10 * Math.abs(closed[s])));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = f.get("elbo_numeric").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                double expected = e.getValue().asDouble();
                assertThat(values[Integer.parseInt(e.getKey())]).as(f.get("name") + " integrated sweep " + e.getKey())
                        .isCloseTo(expected, within(1e-9 * Math.abs(expected)));
            }
        }
    }

    @Test
    void fixedPointMatchesTheIndependentComputation() {
        for (JsonNode f : REFERENCE.get("fits")) {
            LinearRegressionViResult r = fit(f);
            assertClose(r.weightMean().toArray(), f.get("weight_mean"), 1e-8);
            assertClose(r.weightCovariance().toArray(), f.get("weight_covariance"), 1e-8);
            double[] shape = CaviReferenceFile.doubles(f.get("precision_shape"));
            double[] rate = CaviReferenceFile.doubles(f.get("precision_rate"));
            for (int j = 0; j < W_TRUE.length; j++) {
                int g = shape.length == 1 ? 0 : j;
                assertThat(r.precisionShape().get(j)).isCloseTo(shape[g], within(1e-8 * shape[g]));
                assertThat(r.precisionRate().get(j)).isCloseTo(rate[g], within(1e-8 * rate[g]));
            }
            assertThat(r.noiseShape()).isCloseTo(f.get("noise_shape").asDouble(), within(1e-12));
            assertThat(r.noiseRate()).isCloseTo(f.get("noise_rate").asDouble(), within(1e-8 * r.noiseRate()));
        }
    }

    /** Each weight within 4 posterior standard deviations of the truth (fixed data, so deterministic). */
    @Test
    void recoversTheTrueWeightsWithinFourPosteriorStandardDeviations() {
        for (JsonNode f : REFERENCE.get("fits")) {
            LinearRegressionViResult r = fit(f);
            for (int j = 0; j < W_TRUE.length; j++) {
                double sd = Math.sqrt(r.weightCovariance().get(j, j));
                assertThat(r.weightMean().get(j)).as(f.get("name") + " w" + j).isCloseTo(W_TRUE[j], within(4 * sd));
            }
            // noise sd 0.3: beta = 11.1, within 4 sds of q(beta) = Gamma(c_N, d_N), sd = sqrt(c_N) / d_N (1.3 here)
            double sd = Math.sqrt(r.noiseShape()) / r.noiseRate();
            assertThat(r.expectedNoisePrecision()).isCloseTo(1 / (0.3 * 0.3), within(4 * sd));
        }
    }

    /**
     * ARD drives the precisions of the three irrelevant weights (true value 0) to 1155, 15370 and
     * 21246 while the relevant ones stay at 0.42, 0.25 and 1.60 (1 / w² would be 0.44, 0.25, 1.56).
     */
    @Test
    void ardPrunesTheIrrelevantFeatures() {
        LinearRegressionViResult r = fit(REFERENCE.get("fits").get(1));
        assertThat(r.ard()).isTrue();
        Tensor alpha = r.expectedWeightPrecision();
        for (int j = 0; j < W_TRUE.length; j++) {
            if (W_TRUE[j] == 0) {
                assertThat(alpha.get(j)).as("alpha" + j).isGreaterThan(500);
                assertThat(Math.abs(r.weightMean().get(j))).isLessThan(0.05);
            } else {
                assertThat(alpha.get(j)).as("alpha" + j).isLessThan(5);
            }
        }
    }

    /**
     * A larger design drawn here (RandomStream seed 2024, N = 2000, M = 8, noise sd 0.5): every
     * weight within 4 posterior standard deviations of the truth, and each irrelevant precision
     * above 100 times the largest relevant one.
     */
    @Test
    void ardRecoversAndPrunesALargerDesignDrawnInJava() {
        double[] w = {2, 0, -1, 0, 0, 0.5, 0, 3};
        int n = 2000;
        int m = w.length;
        RandomStream rng = RandomStream.of(2024);
        double[] x = new double[n * m];
        double[] y = new double[n];
        rng.fillGaussian(x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                y[i] += x[i * m + j] * w[j];
            }
            y[i] += 0.5 * rng.nextGaussian();
        }
        LinearRegressionViResult r = LinearRegressionVi.builder().ard(true).maxSweeps(5000).build()
                .fit(Tensor.of(x, n, m), Tensor.of(y));
        assertThat(r.converged()).isTrue();
        assertThat(r.elboTrace().largestRelativeDecrease()).isLessThanOrEqualTo(1e-10);
        double largestRelevant = 0;
        double smallestIrrelevant = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double sd = Math.sqrt(r.weightCovariance().get(j, j));
            assertThat(r.weightMean().get(j)).as("w" + j).isCloseTo(w[j], within(4 * sd));
            double alpha = r.expectedWeightPrecision().get(j);
            if (w[j] == 0) {
                smallestIrrelevant = Math.min(smallestIrrelevant, alpha);
            } else {
                largestRelevant = Math.max(largestRelevant, alpha);
            }
        }
        assertThat(smallestIrrelevant).isGreaterThan(100 * largestRelevant);
    }

    @Test
    void sharedPrecisionIsOneFactorRepeated() {
        LinearRegressionViResult r = fit(REFERENCE.get("fits").get(0));
        assertThat(r.ard()).isFalse();
        double[] alpha = r.expectedWeightPrecision().toArray();
        for (double a : alpha) {
            assertThat(a).isEqualTo(alpha[0]);
        }
    }

    @Test
    void elboNeverDecreasesAndStaysBelowTheExactLogEvidence() {
        for (JsonNode f : REFERENCE.get("fits")) {
            assertThat(fit(f).elboTrace().largestRelativeDecrease()).isLessThanOrEqualTo(1e-10);
        }
        JsonNode shared = REFERENCE.get("fits").get(0);
        double logEvidence = shared.get("log_evidence").asDouble();
        double gap = logEvidence - fit(shared).elboTrace().last();
        assertThat(gap).isPositive().isLessThan(0.1); // measured 0.0265 nats
    }

    @Test
    void predictiveMeanAndVarianceMatchTheClosedFormAtTheFittedQ() {
        for (JsonNode f : REFERENCE.get("fits")) {
            LinearRegressionViResult r = fit(f);
            LinearRegressionViPrediction p = r.predict(X_TEST);
            assertClose(p.mean().toArray(), f.get("predictive_mean"), 1e-9);
            assertClose(p.variance().toArray(), f.get("predictive_variance"), 1e-9);
            double[] m = r.weightMean().toArray();
            double[] s = r.weightCovariance().toArray();
            int dim = m.length;
            for (int i = 0; i < X_TEST.dim(0); i++) {
                double mean = 0;
                double quad = 0;
                for (int j = 0; j < dim; j++) {
                    mean += X_TEST.get(i, j) * m[j];
                    for (int k = 0; k < dim; k++) {
                        quad += X_TEST.get(i, j) * s[j * dim + k] * X_TEST.get(i, k);
                    }
                }
                assertThat(p.mean().get(i)).isCloseTo(mean, within(1e-12 * (1 + Math.abs(mean))));
                assertThat(p.variance().get(i)).isCloseTo(1 / r.expectedNoisePrecision() + quad, within(1e-12));
            }
        }
    }

    @Test
    void rejectsMalformedOrEmptyData() {
        LinearRegressionVi model = LinearRegressionVi.builder().build();
        assertThatThrownBy(() -> model.fit(Tensor.of(1, 2, 3), Tensor.of(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi x must be a matrix [N, M], got shape [3]");
        assertThatThrownBy(() -> model.fit(Tensor.zeros(0, 3), Tensor.zeros(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi x must have at least one row and one column, got shape [0, 3]");
        assertThatThrownBy(() -> model.fit(Tensor.zeros(4, 2), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi y must have shape [4] to match x [4, 2], got [3]");
        assertThatThrownBy(() -> model.fit(Tensor.of(new double[][] {{1, 2}, {3, Double.NaN}}), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi x[1, 1] must be finite, got NaN");
        assertThatThrownBy(() -> model.fit(Tensor.ones(2, 2), Tensor.of(0, Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi y[1] must be finite, got Infinity");
        assertThatThrownBy(() -> model.fit(Tensor.full(1e200, 2, 1), Tensor.ones(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi x and y must have finite products XᵀX, Xᵀy and yᵀy, got an overflow"
                        + " (rescale the data)");
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> LinearRegressionVi.builder().weightPrecisionPrior(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi weightPrecisionShape must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> LinearRegressionVi.builder().noisePrecisionPrior(1, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi noisePrecisionRate must be > 0 and finite, got -2.0");
        assertThatThrownBy(() -> LinearRegressionVi.builder().maxSweeps(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi maxSweeps must be >= 1, got 0");
        assertThatThrownBy(() -> LinearRegressionVi.builder().tolerance(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionVi tolerance must be >= 0 and finite, got NaN");
    }

    @Test
    void resultRejectsInconsistentShapes() {
        ElboTrace h = ElboTrace.exact(new double[] {-1});
        assertThatThrownBy(() -> new LinearRegressionViResult(Tensor.zeros(3), Tensor.zeros(2, 2), Tensor.ones(3),
                Tensor.ones(3), 1, 1, false, h, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionViResult weightCovariance must have shape [3, 3], got [2, 2]");
    }

    @Test
    void predictRejectsInputsOfTheWrongWidthOrNonFinite() {
        LinearRegressionViResult r = fit(REFERENCE.get("fits").get(0));
        assertThatThrownBy(() -> r.predict(Tensor.zeros(2, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionViResult x must have shape [K, 6], got [2, 5]");
        assertThatThrownBy(() -> r.predict(Tensor.full(Double.NaN, 1, 6))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LinearRegressionViResult x[0, 0] must be finite, got NaN");
    }

    private static LinearRegressionViResult fit(JsonNode f) {
        double[] hyper = CaviReferenceFile.doubles(f.get("hyper"));
        return LinearRegressionVi.builder()
                .weightPrecisionPrior(hyper[0], hyper[1])
                .noisePrecisionPrior(hyper[2], hyper[3])
                .ard(f.get("ard").asBoolean())
                .tolerance(f.get("tolerance").asDouble())
                .maxSweeps(5000)
                .build()
                .fit(X, Y);
    }

    private static void assertClose(double[] actual, JsonNode expected, double relative) {
        double[] e = CaviReferenceFile.doubles(expected);
        assertThat(actual).hasSize(e.length);
        for (int i = 0; i < e.length; i++) {
            assertThat(actual[i]).as("entry " + i).isCloseTo(e[i], within(relative * (1 + Math.abs(e[i]))));
        }
    }
}
