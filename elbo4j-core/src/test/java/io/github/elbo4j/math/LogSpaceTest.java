package io.github.elbo4j.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/**
 * {@link LogSpace} against {@code src/test/resources/reference/special_functions.csv} (mpmath at
 * 60+ digits, rounded once; see {@code make_special_reference.py} beside it), plus the edge
 * semantics that make these functions safe in log space. Every function meets a relative error of
 * 1e-12 on the whole table; the measured worst is in each comment (one or two ulps).
 */
class LogSpaceTest {

    private static final double TOLERANCE = 1e-12;

    private static void assertWorstRelativeError(String function, ToDoubleFunction<double[]> f) {
        ReferenceTable.WorstError worst = ReferenceTable.worstError(function, f);
        assertThat(worst.relativeError()).as("%s: %s", function, worst).isLessThanOrEqualTo(TOLERANCE);
    }

    // ---- reference values

    @Test
    void logSumExpMatchesTheReferenceTable() {
        // measured worst 1.3e-16
        assertWorstRelativeError("logSumExp", LogSpace::logSumExp);
    }

    @Test
    void logAddExpMatchesTheReferenceTable() {
        // measured worst 1.8e-16
        assertWorstRelativeError("logAddExp", a -> LogSpace.logAddExp(a[0], a[1]));
    }

    @Test
    void log1pAgreesWithTheJdksFdlibmLog1pWithinAFewUlps() {
        // Reference: StrictMath.log1p (fdlibm, error < 1 ulp). Goldberg's bound is 5 ulps; 1e-15 is 4.5 ulps.
        java.util.SplittableRandom rng = new java.util.SplittableRandom(20261123);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = i % 2 == 0 ? Math.expm1(-rng.nextDouble() * 30) : Math.exp(rng.nextDouble() * 30 - 16) - 1e-7;
            worst = Math.max(worst, Math.abs(LogSpace.log1p(x) - StrictMath.log1p(x)) / Math.abs(StrictMath.log1p(x)));
        }
        for (double x : new double[] {1e-300, 1e-17, -1e-17, 0.75, -0.5, -1 + 1e-12, 1e300, 3.0}) {
            worst = Math.max(worst, Math.abs(LogSpace.log1p(x) - StrictMath.log1p(x)) / Math.abs(StrictMath.log1p(x)));
        }
        assertThat(worst).isLessThanOrEqualTo(1e-15);
        assertThat(LogSpace.log1p(0.0)).isEqualTo(0.0);
        assertThat(LogSpace.log1p(-1.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.log1p(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(LogSpace.log1p(-2.0)).isNaN();
        assertThat(LogSpace.log1p(Double.NaN)).isNaN();
    }

    @Test
    void softplusMatchesTheReferenceTable() {
        // measured worst 2.2e-16
        assertWorstRelativeError("softplus", a -> LogSpace.softplus(a[0]));
    }

    @Test
    void sigmoidMatchesTheReferenceTable() {
        // measured worst 2.2e-16
        assertWorstRelativeError("sigmoid", a -> LogSpace.sigmoid(a[0]));
    }

    @Test
    void logSigmoidMatchesTheReferenceTable() {
        // measured worst 2.2e-16
        assertWorstRelativeError("logSigmoid", a -> LogSpace.logSigmoid(a[0]));
    }

    @Test
    void logitMatchesTheReferenceTableAlsoNextToOneHalf() {
        // measured worst 2.6e-16 (before logit used log1p((2p - 1) / (1 - p)) near 1/2: 1.1e-13)
        assertWorstRelativeError("logit", a -> LogSpace.logit(a[0]));
    }

    @Test
    void log1mExpMatchesTheReferenceTable() {
        // measured worst 1.7e-16
        assertWorstRelativeError("log1mExp", a -> LogSpace.log1mExp(a[0]));
    }

    @Test
    void log1pMatchesTheReferenceTable() {
        // measured worst 1.9e-16
        assertWorstRelativeError("log1p", a -> LogSpace.log1p(a[0]));
    }

    @Test
    void expm1MatchesTheReferenceTable() {
        // measured worst 2.1e-16
        assertWorstRelativeError("expm1", a -> LogSpace.expm1(a[0]));
    }

    // ---- edge semantics

    @Test
    void softplusAndLogSigmoidDoNotOverflowAtPlusOrMinusOneThousand() {
        assertThat(LogSpace.softplus(1000)).isEqualTo(1000.0);
        assertThat(LogSpace.softplus(-1000)).isEqualTo(0.0); // e^-1000 underflows
        assertThat(LogSpace.logSigmoid(-1000)).isEqualTo(-1000.0);
        assertThat(Math.abs(LogSpace.logSigmoid(1000))).isEqualTo(0.0);
        assertThat(LogSpace.sigmoid(1000)).isEqualTo(1.0);
        assertThat(LogSpace.sigmoid(-1000)).isEqualTo(0.0);
        assertThat(LogSpace.softplus(-40)).isCloseTo(Math.exp(-40), within(1e-30));
    }

    @Test
    void softplusAndSigmoidTakeTheirLimitsAtTheInfinities() {
        assertThat(LogSpace.softplus(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(LogSpace.softplus(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(LogSpace.sigmoid(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(LogSpace.sigmoid(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(LogSpace.logSigmoid(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.softplus(Double.NaN)).isNaN();
        assertThat(LogSpace.sigmoid(Double.NaN)).isNaN();
    }

    @Test
    void log1mExpIsMinusInfinityAtZeroAndNaNForPositiveArguments() {
        assertThat(LogSpace.log1mExp(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.log1mExp(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.log1mExp(1e-300)).isNaN();
        assertThat(LogSpace.log1mExp(1.0)).isNaN();
        assertThat(LogSpace.log1mExp(Double.POSITIVE_INFINITY)).isNaN();
        assertThat(Math.abs(LogSpace.log1mExp(Double.NEGATIVE_INFINITY))).isEqualTo(0.0);
        assertThat(LogSpace.log1mExp(Double.NaN)).isNaN();
    }

    @Test
    void logSumExpOfNothingIsMinusInfinity() {
        assertThat(LogSpace.logSumExp(new double[0])).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void logSumExpOfOnlyMinusInfinitiesIsMinusInfinity() {
        double m = Double.NEGATIVE_INFINITY;
        assertThat(LogSpace.logSumExp(new double[] {m, m, m})).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.logAddExp(m, m)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void logSumExpWithAPlusInfinityIsPlusInfinity() {
        double p = Double.POSITIVE_INFINITY;
        assertThat(LogSpace.logSumExp(new double[] {1, p, Double.NEGATIVE_INFINITY})).isEqualTo(p);
        assertThat(LogSpace.logSumExp(new double[] {p, p})).isEqualTo(p);
        assertThat(LogSpace.logAddExp(p, Double.NEGATIVE_INFINITY)).isEqualTo(p);
        assertThat(LogSpace.logAddExp(-5, p)).isEqualTo(p);
    }

    @Test
    void logSumExpPropagatesNaNEvenNextToPlusInfinity() {
        double nan = Double.NaN;
        assertThat(LogSpace.logSumExp(new double[] {1, nan, 2})).isNaN();
        assertThat(LogSpace.logSumExp(new double[] {Double.POSITIVE_INFINITY, nan})).isNaN();
        assertThat(LogSpace.logSumExp(new double[] {nan, Double.NEGATIVE_INFINITY})).isNaN();
        assertThat(LogSpace.logAddExp(nan, 1)).isNaN();
        assertThat(LogSpace.logAddExp(1, nan)).isNaN();
        assertThat(LogSpace.logAddExp(Double.POSITIVE_INFINITY, nan)).isNaN();
    }

    @Test
    void logSumExpDoesNotOverflowOrUnderflowOnHugeArguments() {
        assertThat(LogSpace.logSumExp(new double[] {1000, 1000})).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(LogSpace.logSumExp(new double[] {-1000, -1000})).isCloseTo(-1000 + Math.log(2), within(1e-12));
    }

    @Test
    void logitIsInfiniteAtZeroAndOneAndNaNOutsideTheUnitInterval() {
        assertThat(LogSpace.logit(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.logit(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(LogSpace.logit(0.5)).isEqualTo(0.0);
        assertThat(LogSpace.logit(-0.1)).isNaN();
        assertThat(LogSpace.logit(1.1)).isNaN();
        assertThat(LogSpace.logit(Double.NaN)).isNaN();
    }

    @Test
    void log1pAndExpm1KeepTheirIeeeLimits() {
        assertThat(LogSpace.log1p(-1.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.log1p(-2.0)).isNaN();
        assertThat(LogSpace.expm1(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(LogSpace.expm1(710)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    // ---- identities over random arguments

    @Property(tries = 500, seed = "20261207")
    void logSumExpOfTwoAgreesWithLogAddExp(@ForAll @Scale(12) @DoubleRange(min = -800, max = 800) double a,
                                           @ForAll @Scale(12) @DoubleRange(min = -800, max = 800) double b) {
        double pair = LogSpace.logAddExp(a, b);
        assertThat(LogSpace.logSumExp(new double[] {a, b})).isCloseTo(pair, within(4e-16 * Math.max(1, Math.abs(pair))));
        assertThat(LogSpace.logAddExp(b, a)).isEqualTo(pair);
    }

    @Property(tries = 500, seed = "20261207")
    void logitInvertsSigmoid(@ForAll @Scale(12) @DoubleRange(min = -30, max = 30) double x) {
        // logit(σ(x)) = x; σ(x) carries a rounding error of one ulp, which logit amplifies by
        // 1 / (1 - σ(x)) ≈ 1 + e^x for x > 0, so the tolerance grows with e^{|x|}.
        double tolerance = 4e-16 * Math.max(1, Math.abs(x)) * (1 + Math.exp(Math.abs(x)));
        assertThat(LogSpace.logit(LogSpace.sigmoid(x))).isCloseTo(x, within(tolerance));
    }

    @Property(tries = 500, seed = "20261207")
    void logSigmoidIsTheLogOfSigmoidAndSigmoidIsSymmetric(@ForAll @Scale(12) @DoubleRange(min = -700, max = 700) double x) {
        double s = LogSpace.sigmoid(x);
        assertThat(LogSpace.logSigmoid(x)).isCloseTo(Math.log(s), within(4e-16 * Math.max(1, Math.abs(Math.log(s)))));
        assertThat(s + LogSpace.sigmoid(-x)).isCloseTo(1.0, within(2.3e-16));
    }

    @Property(tries = 500, seed = "20261207")
    void log1mExpIsTheLogOfOneMinusTheExponential(@ForAll @Scale(12) @DoubleRange(min = -700, max = -1e-3) double x) {
        // Far from 0 the direct formula is accurate too, and exp(log1mExp(x)) + exp(x) = 1.
        assertThat(Math.exp(LogSpace.log1mExp(x)) + Math.exp(x)).isCloseTo(1.0, within(1e-15));
    }
}
