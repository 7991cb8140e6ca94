package io.github.elbo4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** L-BFGS against minimizers known in closed form. */
class LbfgsTest {

    /** {@code f(x, y) = (1 - x)² + 100 (y - x²)²}, minimum 0 at (1, 1) (Rosenbrock 1960). */
    private static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        Lbfgs.Result r = Lbfgs.defaults().minimize(ROSENBROCK, new double[] {-1.2, 1.0});
        assertThat(r.converged()).as(r.reason()).isTrue();
        assertThat(r.x()[0]).isCloseTo(1.0, within(1e-4));
        assertThat(r.x()[1]).isCloseTo(1.0, within(1e-4));
        assertThat(r.value()).isLessThan(1e-10);
    }

    /**
     * An ill-conditioned quadratic {@code ½ (x - c)ᵀ A (x - c)} in 30 dimensions with eigenvalues
     * from 1e-2 to 1e2 along a rotated basis; its minimizer is {@code c}. Gradient descent would
     * need about 1e4 steps per digit; L-BFGS a few hundred iterations in all (scipy's L-BFGS-B
     * takes 345 to 714 on the same spectrum).
     */
    @Test
    void solvesAnIllConditionedQuadraticToItsExactMinimizer() {
        int n = 30;
        double[][] a = new double[n][n];
        double[] c = new double[n];
        java.util.Random rng = new java.util.Random(4);
        double[][] q = randomOrthogonal(n, rng);
        for (int k = 0; k < n; k++) {
            double lambda = Math.pow(10, -2 + 4.0 * k / (n - 1));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += lambda * q[i][k] * q[j][k];
                }
            }
            c[k] = rng.nextGaussian() * 10;
        }
        DifferentiableFunction f = (x, g) -> {
            double v = 0;
            for (int i = 0; i < n; i++) {
                double gi = 0;
                for (int j = 0; j < n; j++) {
                    gi += a[i][j] * (x[j] - c[j]);
                }
                g[i] = gi;
                v += 0.5 * (x[i] - c[i]) * gi;
            }
            return v;
        };
        Lbfgs.Result r = Lbfgs.defaults().minimize(f, new double[n]);
        assertThat(r.converged()).as(r.reason()).isTrue();
        for (int i = 0; i < n; i++) {
            assertThat(r.x()[i]).as("x[%d]", i).isCloseTo(c[i], within(1e-3 * Math.max(1, Math.abs(c[i]))));
        }
        assertThat(r.iterations()).isLessThan(1000);
    }

    @Test
    void aStepIntoARegionWhereFIsNotFiniteIsShortenedNotTaken() {
        // f(x) = x - log(x) has its minimum 1 at x = 1 and is +∞ (NaN for log) for x <= 0;
        // from x = 0.01 the first full step overshoots into x < 0
        DifferentiableFunction f = (x, g) -> {
            g[0] = 1 - 1 / x[0];
            return x[0] <= 0 ? Double.NaN : x[0] - Math.log(x[0]);
        };
        Lbfgs.Result r = Lbfgs.defaults().minimize(f, new double[] {0.01});
        assertThat(r.converged()).as(r.reason()).isTrue();
        assertThat(r.x()[0]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void anUnboundedFunctionIsFollowedFarDownhill() {
        DifferentiableFunction f = (x, g) -> {
            g[0] = -1;
            return -x[0];
        };
        Lbfgs.Result r = new Lbfgs(5, 50).minimize(f, new double[] {0});
        // the line search extrapolates by doubling instead of giving up at the first step
        assertThat(r.x()[0]).isGreaterThan(1e3);
    }

    @Test
    void aNonFiniteStartIsReported() {
        Lbfgs.Result r = Lbfgs.defaults().minimize((x, g) -> Double.NaN, new double[] {1});
        assertThat(r.status()).isEqualTo(Lbfgs.Status.NON_FINITE_START);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new Lbfgs(0, 10)).hasMessage("Lbfgs memory must be >= 1, got 0");
        assertThatThrownBy(() -> new Lbfgs(5, 0)).hasMessage("Lbfgs maxIterations must be >= 1, got 0");
    }

    @Test
    void cubicInterpolationFindsTheMinimumOfACubicAndStaysInsideTheBracket() {
        // φ(α) = (α - 0.3)² on [0, 1]: φ(0) = 0.09, φ'(0) = -0.6, φ(1) = 0.49, φ'(1) = 1.4; a quadratic is a cubic
        assertThat(WolfeLineSearch.interpolate(0, 0.09, -0.6, 1, 0.49, 1.4)).isCloseTo(0.3, within(1e-12));
        // the minimizer at 0.01 is moved to the safeguard 0.1
        assertThat(WolfeLineSearch.interpolate(0, 0.0001, -0.02, 1, 0.9801, 1.98)).isCloseTo(0.1, within(1e-12));
        assertThat(WolfeLineSearch.interpolate(0, 1, -1, 1, Double.POSITIVE_INFINITY, Double.NaN)).isEqualTo(0.5);
    }

    private static double[][] randomOrthogonal(int n, java.util.Random rng) {
        double[][] q = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
            }
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v[i] * q[i][k];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * q[i][k];
                }
            }
            double norm = 0;
            for (double vi : v) {
                norm += vi * vi;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[i][j] = v[i] / norm;
            }
        }
        return q;
    }
}
