package io.github.elbo4j.diagnostics;

import static io.github.elbo4j.diagnostics.PsisReferenceFile.number;
import static io.github.elbo4j.diagnostics.PsisReferenceFile.numbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generalized Pareto fit against loo 2.5.1's {@code gpdfit(x)} and {@code gpdfit(x, wip = FALSE)}
 * on five unsorted exceedance vectors drawn by inversion (n = 5 .. 500, true shapes -1.5 .. 0.8),
 * from {@code src/test/resources/reference/make_psis_reference.R} and its output
 * {@code psis_reference.json}. Both are the same closed-form grid average, so the tolerances are
 * rounding-level: shape 1e-13 absolute, scale 1e-13 relative (measured worst: 5.2e-15 and 4.5e-15,
 * both at n = 500).
 */
class GeneralizedParetoFitReferenceTest {

    private static final double TOLERANCE = 1e-13;

    static Stream<Arguments> fits() {
        return StreamSupport.stream(PsisReferenceFile.generalizedParetoFits().spliterator(), false)
                .map(c -> Arguments.of(c.get("n").asInt(), c.get("true_k").asDouble(), c));
    }

    @ParameterizedTest(name = "n = {0}, true k = {1}")
    @MethodSource("fits")
    void fitWithTheWeaklyInformativePriorMatchesLooGpdfit(int n, double trueK, JsonNode c) {
        GeneralizedParetoFit fit = GeneralizedParetoFit.estimate(numbers(c.get("x"))).orElseThrow();
        assertThat(fit.shape()).isCloseTo(number(c.get("k")), offset(TOLERANCE));
        assertThat(fit.scale()).isCloseTo(number(c.get("sigma")), offset(TOLERANCE * number(c.get("sigma"))));
    }

    @ParameterizedTest(name = "n = {0}, true k = {1}")
    @MethodSource("fits")
    void fitWithoutThePriorMatchesLooGpdfitWithoutWip(int n, double trueK, JsonNode c) {
        GeneralizedParetoFit fit = GeneralizedParetoFit.estimateWithoutPrior(numbers(c.get("x"))).orElseThrow();
        double sigma = number(c.get("sigma_without_prior"));
        assertThat(fit.shape()).isCloseTo(number(c.get("k_without_prior")), offset(TOLERANCE));
        assertThat(fit.scale()).isCloseTo(sigma, offset(TOLERANCE * sigma));
    }
}
