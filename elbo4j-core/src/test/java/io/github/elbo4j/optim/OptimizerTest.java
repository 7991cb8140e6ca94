package io.github.elbo4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** One hand-computed step per optimizer, convergence on a quadratic, schedules and clipping. */
class OptimizerTest {

    private static double[] step(Optimizer o, double x0, double... grads) {
        double[][] x = {{x0}};
        OptimizerState s = o.init(new int[] {1});
        double[] path = new double[grads.length];
        for (int k = 0; k < grads.length; k++) {
            o.update(x, new double[][] {{grads[k]}}, s, 1.0);
            path[k] = x[0][0];
        }
        return path;
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        assertThat(step(Sgd.lr(0.1), 1.0, 2.0)[0]).isEqualTo(0.8);
    }

    @Test
    void momentumAccumulatesVelocity() {
        // v1 = 2, x1 = 1 - 0.1*2 = 0.8; v2 = 0.9*2 + 2 = 3.8, x2 = 0.8 - 0.38 = 0.42
        double[] p = step(Sgd.lr(0.1).withMomentum(0.9), 1.0, 2.0, 2.0);
        assertThat(p[1]).isCloseTo(0.42, offset(1e-15));
        // Nesterov: x1 = 1 - 0.1*(2 + 0.9*2) = 0.62
        assertThat(step(Sgd.lr(0.1).withNesterov(0.9), 1.0, 2.0)[0]).isCloseTo(0.62, offset(1e-15));
    }

    @Test
    void adamsFirstStepIsTheLearningRateTimesTheGradientSign() {
        // m̂ = g, v̂ = g², so the step is lr * g / (|g| + eps)
        assertThat(step(Adam.lr(0.05), 1.0, 3.0)[0]).isCloseTo(1.0 - 0.05 * 3 / (3 + 1e-8), offset(1e-15));
        assertThat(step(Adam.lr(0.05), 1.0, -0.001)[0]).isCloseTo(1.0 + 0.05 * 0.001 / (0.001 + 1e-8), offset(1e-15));
    }

    @Test
    void adamWDecaysTheWeightBeforeTheStep() {
        double x = 2.0;
        double decayed = x - 0.1 * 0.01 * x;
        assertThat(step(Adam.adamW(0.1, 0.01), x, 1.0)[0]).isCloseTo(decayed - 0.1 / (1 + 1e-8), offset(1e-15));
    }

    @Test
    void adagradRmspropAndAdadeltaFollowTheirRecurrences() {
        assertThat(step(Adagrad.lr(0.5), 1.0, 2.0)[0]).isCloseTo(1.0 - 0.5 * 2 / (2 + 1e-10), offset(1e-15));
        // s = 0.01 * 4 = 0.04; x = 1 - 0.01 * 2 / (0.2 + 1e-8)
        assertThat(step(RmsProp.lr(0.01), 1.0, 2.0)[0]).isCloseTo(1.0 - 0.01 * 2 / (0.2 + 1e-8), offset(1e-14));
        // s = 0.1*4 = 0.4, delta = -sqrt(1e-6)/sqrt(0.4 + 1e-6) * 2
        double delta = -Math.sqrt(1e-6) / Math.sqrt(0.4 + 1e-6) * 2;
        assertThat(step(Adadelta.standard(), 1.0, 2.0)[0]).isCloseTo(1.0 + delta, offset(1e-15));
    }

    @Test
    void everyOptimizerMinimizesAQuadratic() {
        Optimizer[] all = {Sgd.lr(0.1), Sgd.lr(0.05).withNesterov(0.9), Adam.lr(0.1), Adam.adamW(0.1, 1e-4), Adagrad.lr(0.5),
            RmsProp.lr(0.05), new StanStepSize(1.0)};
        for (Optimizer o : all) {
            double[][] x = {{5.0, -3.0}};
            OptimizerState s = o.init(new int[] {2});
            for (int k = 0; k < 3000; k++) {
                // f = (x0 - 1)^2 + 2 (x1 + 2)^2
                o.update(x, new double[][] {{2 * (x[0][0] - 1), 4 * (x[0][1] + 2)}}, s, 1.0);
            }
            assertThat(x[0][0]).as(o.toString()).isCloseTo(1.0, offset(1e-2));
            assertThat(x[0][1]).as(o.toString()).isCloseTo(-2.0, offset(1e-2));
        }
    }

    @Test
    void schedulesGiveTheirMultipliers() {
        assertThat(LearningRateSchedule.step(10, 0.5).multiplier(25)).isEqualTo(0.25);
        assertThat(LearningRateSchedule.exponential(0.9).multiplier(2)).isCloseTo(0.81, offset(1e-15));
        assertThat(LearningRateSchedule.cosine(100, 0.1).multiplier(0)).isEqualTo(1.0);
        assertThat(LearningRateSchedule.cosine(100, 0.1).multiplier(50)).isCloseTo(0.55, offset(1e-15));
        assertThat(LearningRateSchedule.cosine(100, 0.1).multiplier(500)).isEqualTo(0.1);
        assertThat(LearningRateSchedule.warmup(4).multiplier(0)).isEqualTo(0.25);
        assertThat(LearningRateSchedule.warmup(4).times(LearningRateSchedule.exponential(0.5)).multiplier(1)).isEqualTo(0.25);
        // a scheduled optimizer uses the multiplier of the current step
        assertThat(step(Sgd.lr(1.0).withSchedule(LearningRateSchedule.step(1, 0.5)), 0.0, 1.0, 1.0)[1]).isEqualTo(-1.5);
    }

    @Test
    void clippingByNormScalesAllGradientsTogether() {
        double[][] clipped = GradientClipping.norm(5.0).apply(new double[][] {{3.0}, {4.0, 12.0}});
        // global norm 13 -> factor 5/13
        assertThat(clipped[0][0]).isCloseTo(15.0 / 13, offset(1e-15));
        assertThat(clipped[1][1]).isCloseTo(60.0 / 13, offset(1e-15));
        assertThat(GradientClipping.value(1.0).apply(new double[][] {{-3.0, 0.5}})[0]).containsExactly(-1.0, 0.5);
        assertThat(step(Sgd.lr(1.0).withClipping(GradientClipping.value(0.5)), 0.0, 10.0)[0]).isEqualTo(-0.5);
    }

    @Test
    void invalidSettingsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> Adam.lr(0)).hasMessage("Adam learningRate must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> Adam.lr(0.1).withBetas(1.0, 0.9)).hasMessage("Adam beta1 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Sgd.lr(0.1).withNesterov(0)).hasMessage("Sgd nesterov needs momentum > 0, got 0.0");
        assertThatThrownBy(() -> GradientClipping.norm(-1)).hasMessage("clipping threshold must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> LearningRateSchedule.cosine(0, 0.1)).hasMessage("cosine schedule period must be >= 1, got 0");
    }
}
