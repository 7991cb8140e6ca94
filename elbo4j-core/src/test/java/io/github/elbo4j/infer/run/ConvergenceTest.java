package io.github.elbo4j.infer.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import org.junit.jupiter.api.Test;

/**
 * Stan's relative-tolerance rule ({@link Convergence}) on hand-made ELBO sequences, where the step
 * at which it must stop is known exactly. Each block of {@code evalEvery} values is averaged; the
 * relative change {@code |m_i - m_{i-1}| / |m_i|} (Stan's {@code rel_difference}: divided by the
 * newer mean) goes into a circular buffer of {@code window} changes, and the rule fires when the
 * mean or the median of the buffer is below the tolerance.
 */
class ConvergenceTest {

    /** The 1-based index of the offer at which the monitor first says "converged", or -1. */
    private static int stopsAt(Convergence.RelativeChange rule, double... elbos) {
        RelativeChangeMonitor monitor = new RelativeChangeMonitor(rule);
        for (int i = 0; i < elbos.length; i++) {
            if (monitor.offer(elbos[i])) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Each block mean repeated {@code evalEvery} times, so that the block average is exact. */
    private static double[] blocks(int evalEvery, double... means) {
        double[] out = new double[means.length * evalEvery];
        for (int i = 0; i < out.length; i++) {
            out[i] = means[i / evalEvery];
        }
        return out;
    }

    /**
     * Block means -100, -50, -50.1, -50.15: changes 1.0, 0.1/50.1 = 0.0020, 0.05/50.15 = 0.0010. With
     * three changes the median (0.0020) is below 0.01 while the mean (0.334) is not: the rule stops
     * at the end of the fourth block, offer 8. A rule that looked only at the mean never stops.
     */
    @Test
    void theMedianOfTheWindowStopsTheFitWhenOneOldChangeKeepsTheMeanHigh() {
        Convergence.RelativeChange rule = new Convergence.RelativeChange(0.01, 2, 3);
        assertThat(stopsAt(rule, blocks(2, -100, -50, -50.1, -50.15))).isEqualTo(8);
        // one block fewer: changes (1.0, 0.0020), mean = median = 0.501
        assertThat(stopsAt(rule, blocks(2, -100, -50, -50.1))).isEqualTo(-1);
    }

    /**
     * Changes 0.012, 0.012, 0: the median (0.012) is above 0.01, the mean (0.008) below, so the mean
     * stops the fit at the end of the fourth block. A rule that looked only at the median never stops.
     */
    @Test
    void theMeanOfTheWindowStopsTheFitWhenTheMedianIsStillHigh() {
        double m0 = -100;
        double m1 = m0 / 1.012;     // |m1 - m0| / |m1| = 1.012 - 1 = 0.012 (up to rounding)
        double m2 = m1 / 1.012;
        Convergence.RelativeChange rule = new Convergence.RelativeChange(0.01, 2, 3);
        assertThat(stopsAt(rule, blocks(2, m0, m1, m2, m2))).isEqualTo(8);
        assertThat(stopsAt(rule, blocks(2, m0, m1, m2))).isEqualTo(-1);
    }

    /**
     * Window 2, changes 1.0, 1.0, 0.002, 0.002: only when the buffer has wrapped around twice does it
     * hold (0.002, 0.002), so the rule stops at the fifth block (offer 5 with evalEvery 1). After the
     * third change the buffer is (0.002, 1.0): mean and median 0.501. A buffer that kept every change
     * (median of 1, 1, 0.002, 0.002 = 0.501) or only the first two never stops.
     */
    @Test
    void theCircularBufferForgetsChangesOlderThanTheWindow() {
        double m0 = -1;
        double m1 = -0.5;                 // |(-0.5 + 1) / -0.5| = 1
        double m2 = -0.25;                // 1 again
        double m3 = m2 / 1.002;           // 0.002
        double m4 = m3 / 1.002;           // 0.002
        Convergence.RelativeChange rule = new Convergence.RelativeChange(0.01, 1, 2);
        assertThat(stopsAt(rule, m0, m1, m2, m3, m4)).isEqualTo(5);
        assertThat(stopsAt(rule, m0, m1, m2, m3)).isEqualTo(-1);
    }

    /**
     * The block AVERAGE is compared: blocks (-100, -100) and (-80, -120) have the same mean, a
     * relative change of 0, and window 1 stops at offer 4. Comparing the blocks' last values
     * (change 1/6) or first values (1/4) does not stop.
     */
    @Test
    void eachBlockIsAveragedBeforeItIsCompared() {
        assertThat(stopsAt(new Convergence.RelativeChange(0.01, 2, 1), -100, -100, -80, -120)).isEqualTo(4);
    }

    /**
     * The change is divided by the NEWER mean (Stan's {@code rel_difference(elbo, elbo_prev)}): block
     * means -100 then -90.5 give 9.5 / 90.5 = 0.105 > 0.1, so window 1 does not stop; dividing by the
     * older mean (9.5 / 100 = 0.095) would stop at offer 2. A third equal block stops it at offer 3.
     */
    @Test
    void theChangeIsRelativeToTheNewerMean() {
        Convergence.RelativeChange rule = new Convergence.RelativeChange(0.1, 1, 1);
        assertThat(stopsAt(rule, -100, -90.5)).isEqualTo(-1);
        assertThat(stopsAt(rule, -100, -90.5, -90.5)).isEqualTo(3);
    }

    /**
     * Through {@link Svi}: a MAP fit of {@code z ~ N(0, 1)} starts at the prior median 0, where the
     * gradient of {@code log N(z; 0, 1)} is 0, so the parameter never moves and every step's ELBO is
     * {@code log N(0; 0, 1)}. With evalEvery 10 the first block only sets the reference and the
     * second gives the change 0: the fit stops after exactly 20 steps and says it converged. Catches
     * the loop offering the ELBO before the step is counted, or skipping the monitor on some steps.
     */
    @Test
    void sviStopsAtTheExactStepTheRuleFires() {
        Model prior = m -> m.sample("z", Normal.of(0, 1));
        Fit fit = Svi.builder(prior).guide(AutoGuide.delta()).optimizer(Adam.lr(0.1)).maxSteps(1000)
                .convergence(new Convergence.RelativeChange(0.01, 10, 3)).seed(3).build().run();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.steps()).isEqualTo(20);
        assertThat(fit.elboTrace().values()).hasSize(20);
        for (double e : fit.elboTrace().values()) {
            assertThat(e).isCloseTo(-0.5 * Math.log(2 * Math.PI), org.assertj.core.data.Offset.offset(1e-15));
        }
    }
}
