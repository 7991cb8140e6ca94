package io.github.elbo4j.cavi.lda;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.math.SpecialFunctions;
import org.junit.jupiter.api.Test;

/**
 * The E-step's own digamma against {@link SpecialFunctions#digamma} (Commons Numbers) over the
 * range LDA meets: priors down to 1e-3, counts up to 1e7. The bound, 4e-15 absolute plus 2e-15
 * relative, is a few ulps of either side: the truncation of the asymptotic series (8.4e-16 at
 * y = 10) and the rounding of the recurrence. Checked against mpmath (40 digits) at
 * x = 0.00195, 0.0029, 0.05, 0.3, 1.4616, 3.7, 9.99, 12.5, 1234.5: this digamma errs by at most
 * 2.1e-14 (0.2 ulp at ψ ≈ −513), Commons Numbers by up to 6.8e-13 (6 ulp) for x < 0.01, where
 * its recurrence sums 49 terms; the relative part of the bound is there for Commons' error.
 */
class LdaDirichletExpectationTest {

    @Test
    void digammaAgreesWithCommonsNumbersFromPriorsToLargeCounts() {
        for (double x = 1e-3; x < 1e7; x *= 1.0173) {
            double expected = SpecialFunctions.digamma(x);
            double actual = LdaDirichletExpectation.digamma(x);
            assertThat(Math.abs(actual - expected)).as("digamma(%s): %s vs %s", x, actual, expected)
                    .isLessThanOrEqualTo(4e-15 + 2e-15 * Math.abs(expected));
        }
    }

    @Test
    void expDigammaMinusIsTheExponentialOfTheDifference() {
        // from x = 0.01 (exp(ψ(x)) ~ e^-100): below about 1.4e-3 both sides underflow to 0
        for (double x = 1e-2; x < 1e7; x *= 1.0173) {
            double expected = Math.exp(SpecialFunctions.digamma(x) - 2.5);
            double actual = LdaDirichletExpectation.expDigammaMinus(x, 2.5);
            assertThat(Math.abs(actual / expected - 1)).as("exp(digamma(%s) - 2.5)", x).isLessThanOrEqualTo(2e-13);
        }
    }

    @Test
    void expectedLogOfADirichletIsDigammaOfTheParameterMinusDigammaOfTheTotal() {
        double[] a = {0.05, 1.0, 3.5, 120.0};
        double[] out = new double[6];
        LdaDirichletExpectation.expExpectedLog(a, 0, 4, out, 2);
        double total = 0.05 + 1.0 + 3.5 + 120.0;
        for (int i = 0; i < 4; i++) {
            double expected = Math.exp(SpecialFunctions.digamma(a[i]) - SpecialFunctions.digamma(total));
            assertThat(out[2 + i]).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-12));
        }
        assertThat(out[0]).isZero();
        assertThat(out[1]).isZero();
    }
}
