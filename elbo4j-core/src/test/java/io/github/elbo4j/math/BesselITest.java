package io.github.elbo4j.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link BesselI} against mpmath 1.3 at 40 digits ({@code mp.log(mp.besseli(0, k))},
 * {@code mp.besseli(1, k) / mp.besseli(0, k)}), on both sides of the series/asymptotic switch at 20.
 */
class BesselITest {

    // {kappa, log I0(kappa), I1(kappa)/I0(kappa)} from mpmath
    private static final double[][] MPMATH = {
        {1e-8, 2.5e-17, 5e-09},
        {1e-3, 2.4999998437500175e-07, 0.0004999999375000105},
        {0.5, 0.06154971918548131, 0.24249961258080194},
        {2.0, 0.8239935414829563, 0.697774657964008},
        {10.0, 7.942972083118695, 0.9485998259548459},
        {19.999, 17.588635758378345, 0.974669223949034},
        {20.0, 17.589610428244274, 0.9746705078898071},
        {20.001, 17.59058509939408, 0.9746717917003512},
        {50.0, 47.1275755018718, 0.9899489673784978},
        {1000.0, 995.6273088898695, 0.9994998748748043},
        {1e5, 99993.32459998432, 0.9999949999874999},
    };

    @Test
    void logI0AndTheRatioMatchMpmathToRoundingError() {
        for (double[] row : MPMATH) {
            assertThat(relative(BesselI.logI0(row[0]), row[1])).as("log I0(%s)", row[0]).isLessThanOrEqualTo(2e-15);
            assertThat(relative(BesselI.ratio(row[0]), row[2])).as("A(%s)", row[0]).isLessThanOrEqualTo(2e-15);
        }
    }

    private static double relative(double actual, double expected) {
        return Math.abs(actual - expected) / Math.abs(expected);
    }
}
