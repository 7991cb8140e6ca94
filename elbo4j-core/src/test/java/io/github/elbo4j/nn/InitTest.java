package io.github.elbo4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The initialization schemes' laws. Moments are checked within 4 Monte Carlo standard errors
 * (fixed seeds): for the mean of {@code n} draws with sd {@code s}, {@code s/√n}; for the sample sd
 * of normal draws, {@code s/√(2n)}; for uniform draws on {@code ±b} the variance is {@code b²/3}.
 */
class InitTest {

    private static final int FAN_IN = 50;
    private static final int FAN_OUT = 400;
    private static final int N = FAN_IN * FAN_OUT;

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static void assertUniformOn(double[] v, double bound) {
        // inside [-b, b) exactly, and reaching both ends: with n >= 400 draws, P(max < b (1 - 0.02)) = 0.99^n < 2e-2
        // for n = 400 and < 1e-80 for n = 20000; catches a bound off by any factor (1/fanIn, √(3/fanIn), ...)
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double slack = v.length >= 10_000 ? 1e-3 : 0.03;
        assertThat(max).isLessThan(bound).isGreaterThan(bound * (1 - slack));
        assertThat(min).isGreaterThanOrEqualTo(-bound).isLessThan(-bound * (1 - slack));
        assertThat(mean(v)).isCloseTo(0.0, offset(4 * bound / Math.sqrt(3 * v.length)));
    }

    @Test
    void pytorchDefaultDrawsWeightsAndBiasesUniformlyOnPlusMinusOneOverRootFanIn() {
        Tensor w = Init.PYTORCH_DEFAULT.weight(FAN_IN, FAN_OUT, RandomStream.of(1));
        Tensor b = Init.PYTORCH_DEFAULT.bias(FAN_IN, FAN_OUT, RandomStream.of(2));
        assertThat(w.shape()).containsExactly(FAN_IN, FAN_OUT);
        assertThat(b.shape()).containsExactly(FAN_OUT);
        assertUniformOn(w.toArray(), 1 / Math.sqrt(FAN_IN));
        // the bias bound uses fanIn too (not fanOut): 1/√50, not 1/√400
        assertUniformOn(b.toArray(), 1 / Math.sqrt(FAN_IN));
    }

    @Test
    void heNormalWeightsHaveSdRootTwoOverFanIn() {
        double[] w = Init.HE_NORMAL.weight(FAN_IN, FAN_OUT, RandomStream.of(3)).toArray();
        double s = Math.sqrt(2.0 / FAN_IN);
        // catches sd 2/fanIn, √(1/fanIn) or the fan-average (Xavier) scale: all off by far more than 4 SE (0.4%)
        assertThat(sd(w)).isCloseTo(s, offset(4 * s / Math.sqrt(2.0 * N)));
        assertThat(mean(w)).isCloseTo(0.0, offset(4 * s / Math.sqrt(N)));
    }

    @Test
    void heUniformWeightsLieOnRootSixOverFanIn() {
        double[] w = Init.HE_UNIFORM.weight(FAN_IN, FAN_OUT, RandomStream.of(4)).toArray();
        assertUniformOn(w, Math.sqrt(6.0 / FAN_IN));
    }

    @Test
    void xavierSchemesUseTheAverageOfBothFans() {
        double[] u = Init.XAVIER_UNIFORM.weight(FAN_IN, FAN_OUT, RandomStream.of(5)).toArray();
        assertUniformOn(u, Math.sqrt(6.0 / (FAN_IN + FAN_OUT)));
        double[] g = Init.XAVIER_NORMAL.weight(FAN_IN, FAN_OUT, RandomStream.of(6)).toArray();
        double s = Math.sqrt(2.0 / (FAN_IN + FAN_OUT));
        assertThat(sd(g)).isCloseTo(s, offset(4 * s / Math.sqrt(2.0 * N)));
    }

    @Test
    void onlyThePytorchDefaultDrawsBiasesAndTheOthersLeaveTheStreamAlone() {
        for (Init init : new Init[] {Init.XAVIER_UNIFORM, Init.XAVIER_NORMAL, Init.HE_UNIFORM, Init.HE_NORMAL}) {
            RandomStream rng = RandomStream.of(7);
            assertThat(init.bias(3, 4, rng)).as("%s", init).isEqualTo(Tensor.zeros(4));
            assertThat(rng.nextLong()).as("%s consumed draws", init).isEqualTo(RandomStream.of(7).nextLong());
        }
    }

    @Test
    void theSameStreamGivesTheSameBits() {
        for (Init init : Init.values()) {
            assertThat(init.weight(3, 5, RandomStream.of(8))).as("%s", init).isEqualTo(init.weight(3, 5, RandomStream.of(8)));
            assertThat(init.weight(3, 5, RandomStream.of(8))).as("%s", init).isNotEqualTo(init.weight(3, 5, RandomStream.of(9)));
        }
    }

    @Test
    void fansBelowOneAreRefused() {
        assertThatThrownBy(() -> Init.HE_NORMAL.weight(0, 3, RandomStream.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Init fanIn must be >= 1, got 0");
        assertThatThrownBy(() -> Init.PYTORCH_DEFAULT.bias(2, -3, RandomStream.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Init fanOut must be >= 1, got -3");
    }
}
