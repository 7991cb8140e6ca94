package io.github.elbo4j.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused Bernoulli-logits kernel against {@code x·l − softplus(l) = −softplus((1 − 2x)·l)}
 * written with StrictMath ({@code softplus(z) = max(z, 0) + log1p(exp(−|z|))}, fdlibm's log1p), and its
 * gradient against finite differences.
 */
class BernoulliLogitsDensityTest {

    @Test
    void logMassMatchesTheStrictMathFormulaWithinAFewUlps() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200_000;
        double[] l = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = rng.nextGaussian() * (i % 3 == 0 ? 40 : 3);
            x[i] = rng.nextInt(2);
        }
        double[] lp = BernoulliLogitsDensity.of(Var.constant(Tensor.of(l)), Tensor.of(x)).orElseThrow().value().toArray();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double z = (1 - 2 * x[i]) * l[i];                   // x·l − softplus(l) = −softplus(z)
            double expected = -(Math.max(z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z))));
            worst = Math.max(worst, Math.abs(lp[i] - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL));
        }
        // measured 2.3e-16; the formula's rounding plus Math.log's 1 ulp
        assertThat(worst).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void theVectorLoopRunsInTheTestsAndAgreesWithTheScalarLoop() {
        assertThat(Simd.ENABLED).as("surefire adds --add-modules jdk.incubator.vector").isTrue();
        SplittableRandom rng = new SplittableRandom(5);
        int n = 10_007;                                            // not a multiple of any lane count
        double[] l = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = rng.nextGaussian() * (i % 4 == 0 ? 30 : 2);
            x[i] = rng.nextInt(2);
        }
        double[] lpVector = new double[n];
        double[] resVector = new double[n];
        int done = BernoulliLogitsSimd.apply(l, x, lpVector, resVector);
        BernoulliLogitsDensity.scalarLoop(l, x, lpVector, resVector, done);
        double[] lpScalar = new double[n];
        double[] resScalar = new double[n];
        BernoulliLogitsDensity.scalarLoop(l, x, lpScalar, resScalar, 0);
        assertThat(done).isGreaterThan(n / 2);
        for (int i = 0; i < n; i++) {
            // both use exp and log within 1 ulp; the formulas are the same
            assertThat(lpVector[i]).isCloseTo(lpScalar[i], org.assertj.core.data.Percentage.withPercentage(1e-12));
            assertThat(resVector[i]).isCloseTo(resScalar[i], org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesWithBroadcastLogits() {
        Tensor x = Tensor.of(new double[] {1, 0, 0, 1, 1, 0}, 2, 3);
        Tensor l0 = Tensor.of(0.3, -2.5, 7.0);                  // broadcast over the 2 rows
        GradientChecker.Result r = GradientChecker.check(v -> BernoulliLogitsDensity.of(v[0], x).orElseThrow(), l0);
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void valuesOtherThanZeroOrOneLeaveItToTheGeneralPath() {
        Tape tape = new Tape();
        assertThat(BernoulliLogitsDensity.of(tape.variable(Tensor.of(0.1, 0.2)), Tensor.of(1, 0.5))).isEmpty();
        assertThat(Bernoulli.ofLogits(Var.constant(Tensor.of(0.1, 0.2))).logProb(Var.constant(Tensor.of(1, 0.5)))
                .value().toArray()[1]).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
