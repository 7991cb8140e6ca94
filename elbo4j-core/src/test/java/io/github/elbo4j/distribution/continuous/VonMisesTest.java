package io.github.elbo4j.distribution.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ContinuousDistributionContract;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VonMisesTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("VonMises(0, 1)", VonMises.of(0, 1)),
                new Named("VonMises([-2.5, 1, 3, 0], [0.5, 4, 200, 1e6])",
                        VonMises.of(Tensor.of(-2.5, 1, 3, 0), Tensor.of(0.5, 4, 200, 1e6))),
                new Named("VonMises([[1],[-1]], [1e-3, 2]) broadcast",
                        VonMises.of(Tensor.of(new double[] {1, -1}, 2, 1), Tensor.of(1e-3, 2))));
    }

    @Override
    public ParameterTable parameterTable() {
        return VonMises.PARAMETERS;
    }

    /**
     * The circular law replaces the linear one: {@code E[cos(X - μ)] = I_1(κ)/I_0(κ) = 1 - variance()}
     * and {@code E[sin(X - μ)] = 0} (Mardia &amp; Jupp eq. 3.5.21), each within 4 standard errors of
     * the sample mean, the standard error from the sample's own standard deviation over 40000 draws.
     */
    @Override
    @TestFactory
    public Stream<DynamicTest> sampleMomentsAreWithinFourStandardErrors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Named n : instances()) {
            tests.add(DynamicTest.dynamicTest(n.label(), () -> {
                Distribution d = n.distribution();
                double[] x = d.sample(RandomStream.of(20_251_123L), DRAWS).toArray();
                double[] mu = d.mean().toArray();
                double[] resultant = d.variance().toArray();
                int k = mu.length;
                for (int j = 0; j < k; j++) {
                    double[] c = new double[DRAWS];
                    double[] s = new double[DRAWS];
                    for (int i = 0; i < DRAWS; i++) {
                        c[i] = Math.cos(x[i * k + j] - mu[j]);
                        s[i] = Math.sin(x[i * k + j] - mu[j]);
                    }
                    assertWithinStandardErrors(n.label() + " E[cos] [" + j + "]", c, 1.0 - resultant[j]);
                    assertWithinStandardErrors(n.label() + " E[sin] [" + j + "]", s, 0.0);
                }
            }));
        }
        return tests.stream();
    }

    private static void assertWithinStandardErrors(String what, double[] v, double expected) {
        double m = 0;
        for (double e : v) {
            m += e;
        }
        m /= v.length;
        double ss = 0;
        for (double e : v) {
            ss += (e - m) * (e - m);
        }
        double se = Math.sqrt(ss / (v.length - 1) / v.length);
        assertThat(Math.abs(m - expected)).as("%s: sample %s vs %s (SE %s)", what, m, expected, se)
                .isLessThanOrEqualTo(STANDARD_ERRORS * se + 1e-15);
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> VonMises.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(-2, 0.4, 3), Tensor.of(0.5, -0.2, 1), Tensor.of(0.9, 2, 40)),
                new Point(Tensor.of(0.3, -1.0), Tensor.of(0.0), Tensor.of(0.05, 25.0)));
    }

    @Override
    public List<Point> outsideSupport() {
        return List.of(new Point(Tensor.of(-3.5, 3.2, Double.NaN), Tensor.of(0.5), Tensor.of(2.0)));
    }

    @Test
    void invalidParametersAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> VonMises.of(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VonMises concentration must be > 0, got 0.0");
        assertThatThrownBy(() -> VonMises.of(Double.NaN, 1)).hasMessage("VonMises loc must be finite, got NaN");
    }

    @Test
    void densityIntegratesToOneOverTheCircle() {
        // trapezoid rule on a periodic integrand converges geometrically; 20000 nodes are exact to
        // rounding for these concentrations. The tolerance is that rounding: κ cos(x - μ) carries an
        // absolute error of about κ · 1e-16, 1e-12 at κ = 1e4.
        int n = 20_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -Math.PI + 2 * Math.PI * i / n;
        }
        for (double kappa : new double[] {1e-6, 0.01, 1, 50, 700, 1e4}) {
            double[] lp = VonMises.of(0.7, kappa).logProb(Tensor.of(x)).value().toArray();
            double total = 0;
            for (double v : lp) {
                total += Math.exp(v);
            }
            assertThat(total * 2 * Math.PI / n).as("kappa %s", kappa).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-11));
        }
    }

    @Test
    void veryConcentratedDrawsAreNormalWithVarianceOneOverKappa() {
        // kappa = 1e8: X - mu ~ N(0, 1/kappa) to O(1/kappa); the naive Best-Fisher formulas cancel here
        double kappa = 1e8;
        double[] x = VonMises.of(1.0, kappa).sample(RandomStream.of(5), DRAWS).toArray();
        double ss = 0;
        for (double v : x) {
            ss += (v - 1.0) * (v - 1.0);
        }
        double variance = ss / DRAWS;
        // SE of a normal sample variance: sigma^2 sqrt(2/n)
        assertThat(Math.abs(variance - 1 / kappa)).isLessThanOrEqualTo(STANDARD_ERRORS * Math.sqrt(2.0 / DRAWS) / kappa);
    }

    @Test
    void drawsAreWrappedIntoMinusPiToPi() {
        Tensor x = VonMises.of(3.0, 0.5).sample(RandomStream.of(1), 10_000);
        assertThat(x.min().item()).isGreaterThanOrEqualTo(-Math.PI);
        assertThat(x.max().item()).isLessThan(Math.PI);
    }

    @Test
    void cdfAndIcdfAreUnsupportedWithAReason() {
        assertThatThrownBy(() -> VonMises.of(0, 1).cdf(Tensor.scalar(0))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("VonMises has no cdf");
        assertThatThrownBy(() -> VonMises.of(0, 1).icdf(Tensor.scalar(0.5))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("VonMises has no icdf");
    }

    @Test
    void hasNoReparameterizedSampler() {
        assertThat(VonMises.of(0, 1).hasRsample()).isFalse();
    }
}
