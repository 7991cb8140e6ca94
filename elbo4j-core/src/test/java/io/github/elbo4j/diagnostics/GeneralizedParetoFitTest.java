package io.github.elbo4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.random.RandomStream;
import org.junit.jupiter.api.Test;

/** The generalized Pareto fit's laws without loo: quantiles, recovery, the prior, bad input. */
class GeneralizedParetoFitTest {

    /** {@code n} draws of GPD(k, σ) by inversion of {@code F(x) = 1 - (1 + k x / σ)^(-1/k)}. */
    private static double[] draws(long seed, int n, double k, double sigma) {
        RandomStream stream = RandomStream.of(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * (Math.pow(1 - stream.nextDouble(), -k) - 1) / k;
        }
        return x;
    }

    @Test
    void quantileInvertsTheDistributionFunction() {
        for (double k : new double[] {-0.5, 0.3, 1.2}) {
            GeneralizedParetoFit gpd = new GeneralizedParetoFit(k, 2.0);
            for (double p : new double[] {0.1, 0.5, 0.99}) {
                double q = gpd.quantile(p);
                double cdf = 1 - Math.pow(1 + k * q / 2.0, -1 / k);
                assertThat(cdf).as("F(F⁻¹(%s)) at k = %s", p, k).isCloseTo(p, within(1e-14));
            }
        }
    }

    @Test
    void quantileIsContinuousAtShapeZeroWhereItIsExponential() {
        // σ((1-p)^-k - 1)/k computed directly loses ~1e-4 relative at k = 1e-12; expm1/log1p does not.
        double exponential = new GeneralizedParetoFit(0, 2.0).quantile(0.3);
        assertThat(exponential).isEqualTo(-2.0 * Math.log1p(-0.3));
        assertThat(new GeneralizedParetoFit(1e-12, 2.0).quantile(0.3)).isCloseTo(exponential, within(1e-11));
        assertThat(new GeneralizedParetoFit(-1e-12, 2.0).quantile(0.3)).isCloseTo(exponential, within(1e-11));
    }

    @Test
    void quantileEndsAreZeroAndTheUpperEndOfTheSupport() {
        assertThat(new GeneralizedParetoFit(0.4, 2.0).quantile(0)).isZero();
        assertThat(new GeneralizedParetoFit(0.4, 2.0).quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new GeneralizedParetoFit(-0.5, 2.0).quantile(1)).isEqualTo(4.0);   // σ / |k|
    }

    @Test
    void estimateRecoversShapeAndScaleFromALargeSample() {
        // n = 20000 from GPD(0.3, 2). Asymptotic standard errors of the efficient estimates:
        // k: (1 + k)/√n = 0.0092, σ/σ: √(2(1 + k)/n) = 0.0114; the margin is 4 of them.
        GeneralizedParetoFit fit = GeneralizedParetoFit.estimateWithoutPrior(draws(1, 20_000, 0.3, 2.0))
                .orElseThrow();
        assertThat(fit.shape()).isCloseTo(0.3, within(4 * 0.0092));
        assertThat(fit.scale() / 2.0).isCloseTo(1.0, within(4 * 0.0114));
    }

    @Test
    void thePriorShrinksTheShapeTowardOneHalfByTenObservationsAndLeavesTheScale() {
        double[] x = draws(2, 20, 1.1, 1.0);
        GeneralizedParetoFit raw = GeneralizedParetoFit.estimateWithoutPrior(x).orElseThrow();
        GeneralizedParetoFit withPrior = GeneralizedParetoFit.estimate(x).orElseThrow();

        assertThat(withPrior.shape()).isCloseTo((20 * raw.shape() + 10 * 0.5) / (20 + 10), within(1e-15));
        assertThat(withPrior.scale()).isEqualTo(raw.scale());   // σ̂ = -k̂/θ̂ of the unadjusted shape, as loo
    }

    @Test
    void theOrderOfTheExceedancesDoesNotMatterAndTheInputIsNotModified() {
        double[] x = draws(3, 50, 0.2, 1.0);
        double[] reversed = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = x[x.length - 1 - i];
        }
        double[] copy = x.clone();

        assertThat(GeneralizedParetoFit.estimate(reversed)).isEqualTo(GeneralizedParetoFit.estimate(x));
        assertThat(x).containsExactly(copy);
    }

    @Test
    void moreThanAQuarterOfZeroExceedancesCannotBeFitted() {
        // x* is then 0 and the grid infinite; loo reports k = Inf.
        assertThat(GeneralizedParetoFit.estimate(new double[] {0, 0, 0, 0, 0, 0, 1, 2, 3, 4})).isEmpty();
    }

    @Test
    void badInputIsRefusedWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> GeneralizedParetoFit.estimate(new double[] {1.0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GeneralizedParetoFit exceedances length must be >= 2, got 1");
        assertThatThrownBy(() -> GeneralizedParetoFit.estimateWithoutPrior(new double[] {1.0, -0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GeneralizedParetoFit exceedances[1] must be finite and >= 0, got -0.5");
        assertThatThrownBy(() -> GeneralizedParetoFit.estimate(new double[] {1.0, 2.0, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GeneralizedParetoFit exceedances[2] must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> new GeneralizedParetoFit(0.2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GeneralizedParetoFit scale must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> new GeneralizedParetoFit(Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GeneralizedParetoFit shape must be finite, got Infinity");
        assertThatThrownBy(() -> new GeneralizedParetoFit(0.2, 1).quantile(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GeneralizedParetoFit quantile p must be in [0, 1], got 1.5");
    }
}
