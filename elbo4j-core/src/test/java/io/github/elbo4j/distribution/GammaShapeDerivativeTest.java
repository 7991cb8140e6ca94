package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.math.SpecialFunctions;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The shape derivative of the gamma cdf against finite differences of Commons Numbers'
 * regularized incomplete gamma function, and the implicit reparameterization gradient against
 * finite differences of the inverse cdf {@code z(a) = P⁻¹(a, u)} at a fixed {@code u} (the
 * identity it is derived from). Five-point central differences with {@code h = 1e-3 · a}.
 */
class GammaShapeDerivativeTest {

    static final double[] SHAPES = {0.02, 0.3, 1.0, 2.5, 9.0, 60.0, 800.0};

    @Test
    void cdfShapeDerivativeMatchesFiniteDifferencesOfTheRegularizedGammaFunction() {
        double worst = 0;
        for (double a : SHAPES) {
            for (double ratio : new double[] {1e-3, 0.2, 0.7, 1.0, 1.3, 2.0, 4.0}) {
                double x = a * ratio + (ratio > 1 ? 1 : 0);
                // differentiate the log of the smaller tail, which keeps its relative precision and is
                // nearly linear in a (P ~ x^a/Γ(a+1) varies too fast for the stencil when x << a)
                boolean upper = x > a;
                DoubleUnaryOperator tail = s -> upper ? SpecialFunctions.regularizedGammaQ(s, x) : SpecialFunctions.regularizedGammaP(s, x);
                if (tail.applyAsDouble(a) == 0) {
                    // the tail underflows (x^a / Γ(a + 1) below the smallest double): so must its derivative
                    assertThat(Math.abs(GammaShapeDerivative.cdfDerivative(a, x))).isEqualTo(0.0);
                    continue;
                }
                double numeric = (upper ? -1 : 1) * tail.applyAsDouble(a) * fivePoint(s -> Math.log(tail.applyAsDouble(s)), a, 1e-3 * a);
                double analytic = GammaShapeDerivative.cdfDerivative(a, x);
                double err = Math.abs(analytic - numeric) / Math.abs(numeric);
                worst = Math.max(worst, err);
                assertThat(err).as("a = %s, x = %s: %s vs %s", a, x, analytic, numeric).isLessThanOrEqualTo(1e-8);
            }
        }
        System.out.printf("dP/da vs finite differences: max relative error %.3g%n", worst);
    }

    @Test
    void implicitGradientIsTheDerivativeOfTheInverseCdfAtAFixedUniform() {
        double worst = 0;
        for (double a : SHAPES) {
            // u >= 1e-6 keeps z = P⁻¹(0.02, u) above the smallest double, where the reference inversion works
            for (double u : new double[] {1e-6, 0.01, 0.3, 0.5, 0.8, 0.99}) {
                double logZ = logQuantile(a, u);
                double numeric = fivePoint(s -> logQuantile(s, u), a, 1e-3 * a);
                double analytic = GammaShapeDerivative.logDrawDerivative(logZ, a);
                double err = Math.abs(analytic - numeric) / Math.max(Math.abs(numeric), 1e-300);
                worst = Math.max(worst, err);
                assertThat(err).as("a = %s, u = %s, log z = %s: %s vs %s", a, u, logZ, analytic, numeric).isLessThanOrEqualTo(1e-9);
            }
        }
        System.out.printf("d log z/da vs finite differences of the inverse cdf: max relative error %.3g%n", worst);
    }

    @Test
    void implicitGradientsAverageToTheDerivativeOfTheMean() {
        // E[z] = a for z ~ Gamma(a, 1), so E[dz/da] = ∫_0^1 dz(a, u)/da du = 1 (midpoint rule over u)
        double a = 1.7;
        int n = 4000;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double u = (i + 0.5) / n;
            double logZ = logQuantile(a, u);
            mean += Math.exp(logZ) * GammaShapeDerivative.logDrawDerivative(logZ, a);
        }
        mean /= n;
        assertThat(mean).isCloseTo(1.0, org.assertj.core.data.Offset.offset(2e-3));
    }

    static double fivePoint(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h) - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }

    /** {@code log z} with {@code P(a, z) = u}: Newton's method on {@code t = log z}, safeguarded by bisection. */
    static double logQuantile(double a, double u) {
        double lo = -800;
        double hi = Math.log(a) + 50;
        double t = Math.log(a);
        for (int i = 0; i < 200; i++) {
            double z = Math.exp(t);
            double g = u < 0.5 ? SpecialFunctions.regularizedGammaP(a, z) - u : (1 - u) - SpecialFunctions.regularizedGammaQ(a, z);
            if (g > 0) {
                hi = t;
            } else {
                lo = t;
            }
            double slope = Math.exp(a * t - z - SpecialFunctions.lgamma(a));
            double next = t - g / slope;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) {
                return next;
            }
            t = next;
        }
        return t;
    }
}
