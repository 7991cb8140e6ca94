package io.github.elbo4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

class ChartsTest {

    private static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    @Test
    void axisRangesEndOnRoundNumbers() {
        assertThat(Charts.roundRange(0.001, 0.999)).containsExactly(0.0, 1.0);
        assertThat(Charts.roundRange(-162.3, -0.2)).containsExactly(-180.0, 0.0);
        assertThat(Charts.roundRange(0, 2999)).containsExactly(0.0, 3000.0);
        assertThat(Charts.roundStep(0.43)).isEqualTo(0.5);
        assertThat(Charts.roundStep(20.3)).isEqualTo(50.0);
    }

    @Test
    void aShortRunOfIterationsKeepsItsWholeNumberTicksWhileLongRunsGetRoundSteps() {
        // the off-grid point that forces round steps would give 0.5-steps on 0..5
        XYChart shortRun = Charts.lines("t", "iteration", "ELBO");
        Charts.line(shortRun, "ELBO", new double[] {0, 1, 2, 3, 4, 5}, new double[] {-3, -2, -1.5, -1.2, -1.1, -1.1});
        Charts.finish(shortRun);
        assertThat(shortRun.getSeriesMap()).containsOnlyKeys("ELBO");
        XYChart longRun = Charts.lines("t", "step", "ELBO");
        Charts.line(longRun, "ELBO", grid(0, 299, 300), grid(-5, -1, 300));
        Charts.finish(longRun);
        assertThat(longRun.getSeriesMap()).containsKey(" ");
        assertThat(Charts.fewWholeNumbers(new double[] {0, 1, 2.5})).isFalse();
        assertThat(Charts.fewWholeNumbers(new double[] {0, 2, 4})).isFalse();
    }

    @Test
    void theLegendGoesToAnEmptyCorner() {
        XYChart c = Charts.lines("t", "x", "y");
        double[] x = grid(0, 1, 200);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i]; // rises to the top right: the top left is empty
        }
        Charts.line(c, "a rising curve", x, y);
        Charts.finish(c);
        assertThat(c.getStyler().getLegendPosition()).isEqualTo(LegendPosition.InsideNW);
    }

    @Test
    void theLegendGoesOutsideWhenEveryCornerHoldsData() {
        XYChart c = Charts.lines("t", "x", "y");
        Random r = new Random(1);
        double[] x = grid(0, 1, 2000);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = r.nextDouble(); // noise over the whole plot
        }
        Charts.line(c, "noise", x, y);
        Charts.finish(c);
        assertThat(c.getStyler().getLegendPosition()).isEqualTo(LegendPosition.OutsideE);
    }

    @Test
    void theElboRangeCutsTheFirstStepsSoTheRestReads() {
        XYChart c = Charts.lines("ELBO", "step", "ELBO");
        double[] trace = new double[1000];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = -10 - 5000 * Math.exp(-i / 5.0); // from -5010 to -10 within a few dozen steps
        }
        Charts.line(c, "ELBO", grid(0, 999, 1000), trace);
        assertThat(Charts.elboRange(c, trace)).as("values were cut").isTrue();
        assertThat(c.getStyler().getYAxisMin()).isGreaterThan(-20.0);
        assertThat(c.getStyler().getYAxisMax()).isGreaterThanOrEqualTo(-10.0);
    }
}
