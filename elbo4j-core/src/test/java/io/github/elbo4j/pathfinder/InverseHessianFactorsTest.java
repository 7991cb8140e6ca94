package io.github.elbo4j.pathfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compact representation against the BFGS update written out densely, and the quadratic
 * termination that makes the normal approximation exact on a Gaussian target.
 */
class InverseHessianFactorsTest {

    /** The BFGS inverse update {@code H ← (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ} applied in order from {@code diag(α)}. */
    static double[][] bfgsRecursion(double[] alpha, List<double[]> s, List<double[]> y) {
        int n = alpha.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = alpha[i];
        }
        for (int k = 0; k < s.size(); k++) {
            double[] sk = s.get(k);
            double[] yk = y.get(k);
            double rho = 1 / InverseHessianFactors.dot(sk, yk);
            double[][] left = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    left[i][j] = (i == j ? 1 : 0) - rho * sk[i] * yk[j];
                }
            }
            double[][] next = InverseHessianFactors.multiply(InverseHessianFactors.multiply(left, h), InverseHessianFactors.transpose(left));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    next[i][j] += rho * sk[i] * sk[j];
                }
            }
            h = next;
        }
        return h;
    }

    static double[][] randomSpd(int n, RandomStream rng) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rng.nextGaussian();
            }
        }
        double[][] spd = InverseHessianFactors.multiply(a, InverseHessianFactors.transpose(a));
        for (int i = 0; i < n; i++) {
            spd[i][i] += n;
        }
        return spd;
    }

    static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = InverseHessianFactors.dot(a[i], v);
        }
        return out;
    }

    @Test
    void compactFormEqualsTheBfgsUpdatesInOrder() {
        RandomStream rng = RandomStream.of(11);
        int n = 7;
        double[][] a = randomSpd(n, rng);
        double[] alpha = new double[n];
        List<double[]> s = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            alpha[i] = 0.5 + rng.nextDouble();
        }
        for (int k = 0; k < 4; k++) {               // random (not conjugate) steps: y = A s keeps sᵀy > 0
            double[] sk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = rng.nextGaussian();
            }
            s.add(sk);
            y.add(times(a, sk));
        }
        InverseHessianFactors f = InverseHessianFactors.of(alpha, s, y);
        double[][] expected = bfgsRecursion(alpha, s, y);
        double[][] actual = f.dense();
        double[] v = {0.3, -1, 2, 0.1, 0.5, -0.7, 1.1};
        double[] hv = f.times(v);
        double[] expectedHv = times(expected, v);
        for (int i = 0; i < n; i++) {
            assertThat(hv[i]).isCloseTo(expectedHv[i], within(1e-10 * (1 + Math.abs(expectedHv[i]))));
            for (int j = 0; j < n; j++) {
                assertThat(actual[i][j]).isCloseTo(expected[i][j], within(1e-10 * (1 + Math.abs(expected[i][j]))));
            }
        }
        // BFGS's secant equation for the newest pair: H y = s
        double[] hy = f.times(y.get(3));
        for (int i = 0; i < n; i++) {
            assertThat(hy[i]).isCloseTo(s.get(3)[i], within(1e-10));
        }
    }

    /**
     * Quadratic termination (Nocedal &amp; Wright, 2nd ed., sec. 6.4: the Broyden class with exact line
     * searches, which make the steps conjugate): with {@code D} conjugate steps of a Gaussian target
     * {@code -log p = ½ xᵀ A x}, the estimate equals {@code A⁻¹} whatever the initial diagonal. The
     * steps are those of conjugate gradients with exact line searches.
     */
    @Test
    void conjugateStepsSpanningTheSpaceGiveTheExactInverseHessian() {
        RandomStream rng = RandomStream.of(5);
        int n = 6;
        double[][] a = randomSpd(n, rng);
        double[] x = {1, -2, 0.5, 3, -1, 2};
        double[] g = times(a, x);
        double[] d = g.clone();
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        List<double[]> s = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        double[] alpha = {1, 1, 1, 1, 1, 1};
        for (int k = 0; k < n; k++) {
            double[] ad = times(a, d);
            double step = -InverseHessianFactors.dot(g, d) / InverseHessianFactors.dot(d, ad);
            double[] sk = new double[n];
            double[] gNew = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = step * d[i];
                x[i] += sk[i];
                gNew[i] = g[i] + step * ad[i];
            }
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                yk[i] = gNew[i] - g[i];
            }
            alpha = InverseHessianFactors.updateDiagonal(alpha, sk, yk);
            s.add(sk);
            y.add(yk);
            double beta = InverseHessianFactors.dot(gNew, gNew) / InverseHessianFactors.dot(g, g);
            for (int i = 0; i < n; i++) {
                d[i] = -gNew[i] + beta * d[i];
            }
            g = gNew;
        }
        double[][] h = InverseHessianFactors.of(alpha, s, y).dense();
        double[][] identity = InverseHessianFactors.multiply(h, a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(identity[i][j]).as("(H A)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-8));
            }
        }
    }

    /** The diagonal update is the diagonal of the BFGS Hessian update of c·diag(1/α): checked on numbers worked by hand. */
    @Test
    void diagonalUpdateMatchesTheHandWorkedCase() {
        // α = (1, 2), s = (1, 1), y = (2, 1): yᵀs = 3, yᵀαy = 4 + 2 = 6, c = 2, B = diag(2, 1),
        // B + yyᵀ/3 - Bs sᵀB / sᵀBs: Bs = (2, 1), sᵀBs = 3 → diag: 2 + 4/3 - 4/3 = 2, 1 + 1/3 - 1/3 = 1
        double[] alpha = InverseHessianFactors.updateDiagonal(new double[] {1, 2}, new double[] {1, 1}, new double[] {2, 1});
        assertThat(alpha[0]).isCloseTo(0.5, within(1e-15));
        assertThat(alpha[1]).isCloseTo(1.0, within(1e-15));
        // α = (1, 1), s = (1, 0), y = (3, 1): yᵀs = 3, c = 10/3, B = (10/3) I, Bs = (10/3, 0), sᵀBs = 10/3;
        // diag: 10/3 + 9/3 - 10/3 = 3, 10/3 + 1/3 - 0 = 11/3
        double[] beta = InverseHessianFactors.updateDiagonal(new double[] {1, 1}, new double[] {1, 0}, new double[] {3, 1});
        assertThat(beta[0]).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(beta[1]).isCloseTo(3 / 11.0, within(1e-15));
    }
}
