package io.github.elbo4j.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.math.SpecialFunctions;
import org.junit.jupiter.api.Test;

/**
 * The Golub-Welsch rule against numpy's {@code hermgauss} (committed in
 * {@code sklearn_reference.json} by {@code make_reference.py}) and against its defining property:
 * {@code Σ_q w_q t_q^{2k} = ∫ e^{-t²} t^{2k} dt = Γ(k + ½)} for {@code 2k <= 2Q - 1}, odd moments
 * zero. A wrong off-diagonal ({@code √k} instead of {@code √(k/2)}) or a wrong eigenvector
 * component would move every node or weight.
 */
class GaussHermiteTest {

    @Test
    void nodesAndWeightsMatchNumpy() {
        for (int order : new int[] {5, 20}) {
            JsonNode ref = SklearnReference.hermgauss(order);
            GaussHermite rule = GaussHermite.of(order);
            double[] nodes = SklearnReference.doubles(ref.get(0));
            double[] weights = SklearnReference.doubles(ref.get(1));
            for (int q = 0; q < order; q++) {
                assertThat(rule.nodes()[q]).isCloseTo(nodes[q], within(1e-12));
                assertThat(rule.weights()[q]).isCloseTo(weights[q], within(1e-12 * Math.max(1, weights[q])));
            }
        }
    }

    @Test
    void theRuleIntegratesPolynomialsUpToDegreeTwoQMinusOneExactly() {
        int order = 12;
        GaussHermite rule = GaussHermite.of(order);
        for (int degree = 0; degree <= 2 * order - 1; degree++) {
            double sum = 0;
            double magnitude = 0; // rounding scales with Σ w |t|^k (odd moments cancel terms of this size)
            for (int q = 0; q < order; q++) {
                sum += rule.weights()[q] * Math.pow(rule.nodes()[q], degree);
                magnitude += rule.weights()[q] * Math.pow(Math.abs(rule.nodes()[q]), degree);
            }
            double exact = degree % 2 == 1 ? 0 : Math.exp(SpecialFunctions.lgamma(degree / 2.0 + 0.5));
            assertThat(sum).as("degree " + degree).isCloseTo(exact, within(1e-12 * Math.max(1, magnitude)));
        }
        assertThatThrownBy(() -> GaussHermite.of(0)).hasMessage("GaussHermite order must be in [1, 200], got 0");
    }

    @Test
    void logNormalCdfMatchesScipyInBothTails() {
        JsonNode ref = SklearnReference.root().get("log_ndtr");
        double[] x = SklearnReference.doubles(ref.get("x"));
        double[] v = SklearnReference.doubles(ref.get("value"));
        for (int i = 0; i < x.length; i++) {
            assertThat(NormalCdf.logCdf(x[i])).as("x = " + x[i]).isCloseTo(v[i], within(1e-13 * Math.max(1, -v[i])));
            double h = 1e-5;
            double numeric = (NormalCdf.logCdf(x[i] + h) - NormalCdf.logCdf(x[i] - h)) / (2 * h);
            assertThat(NormalCdf.inverseMillsRatio(x[i])).isCloseTo(numeric, within(1e-7 * Math.max(1, -x[i])));
        }
    }
}
