package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link IncompleteGammaDerivative}: {@code ∂P(a, x)/∂a} against mpmath, and the implicit
 * reparameterization gradient of gamma draws against the cdf identity it comes from.
 */
class IncompleteGammaDerivativeTest {

    // {a, x, dP/da}: x = scipy.special.gammaincinv(a, q) for q in {1e-6, 0.05, 0.5, 0.95, 1 - 1e-6},
    // dP/da = mpmath.diff(lambda t: mpmath.gammainc(t, 0, x, regularized=True), a) at 40 digits
    private static final double[][] MPMATH = {
        {0.001, 2.973587549646711e-23, -48.72941025132246},
        {0.001, 5.120025083764957, -0.0010023563009546876},
        {0.05, 5.844632057286552e-121, -0.0002763494276180307},
        {0.05, 5.573875481878824e-27, -2.9976930964912585},
        {0.05, 5.573878440746256e-07, -6.951080022332943},
        {0.05, 0.2659323024258409, -1.0019776417536752},
        {0.05, 8.696862667893743, -2.275682844888524e-05},
        {0.5, 7.853981633978593e-13, -2.7909075565177437e-05},
        {0.5, 0.001966070000009761, -0.3134541194796746},
        {0.5, 0.227468211559786, -0.8088160409108526},
        {0.5, 1.920729410347062, -0.14748170671473548},
        {0.5, 11.964063488439734, -4.5204135152545994e-06},
        {1.0, 1.0000005000003338e-06, -1.4238294643062678e-05},
        {1.0, 0.05129329438755053, -0.17029194893962515},
        {1.0, 0.6931471805599455, -0.48402241522102224},
        {1.0, 2.9957322735539895, -0.09683962713734429},
        {1.0, 13.815510557935518, -3.270780015035946e-06},
        {3.7, 0.050610571164472734, -4.423322206346212e-06},
        {3.7, 1.1949276214840274, -0.06604031396197212},
        {3.7, 3.3725380132364133, -0.2187019848963405},
        {3.7, 7.323507426413931, -0.04934760524367008},
        {3.7, 20.701308167702948, -1.915117623017827e-06},
        {40.0, 16.753150234308055, -8.9854258221115e-07},
        {40.0, 30.195739194344732, -0.01713053455021443},
        {40.0, 39.6671650106891, -0.06338608605648637},
        {40.0, 50.93973698271794, -0.01570463736880132},
        {40.0, 77.54026115402883, -6.986990050174751e-07},
        {1000.0, 856.8146512793919, -1.6053204698881825e-07},
        {1000.0, 948.5598493836511, -0.003290598356563271},
        {1000.0, 999.6666864269652, -0.01261811602378166},
        {1000.0, 1052.5771180823206, -0.0032340311526235146},
        {1000.0, 1157.577911008724, -1.5268536738842033e-07},
        {10000.0, 9531.835117189807, -4.9879451543636195e-08},
        {10000.0, 9836.085110855192, -0.0010342116909722568},
        {10000.0, 9999.666668642047, -0.003989500377288979},
        {10000.0, 10165.051911966126, -0.0010285567279702363},
        {10000.0, 10482.561164638257, -4.9095338984323256e-08},
    };

    @Test
    void shapeDerivativeMatchesMpmath() {
        for (double[] row : MPMATH) {
            double a = row[0];
            double tolerance = 1e-12;
            double actual = IncompleteGammaDerivative.dPda(a, row[1]);
            assertThat(Math.abs(actual - row[2]) / Math.abs(row[2])).as("dP/da at a=%s x=%s: %s vs %s", a, row[1], actual, row[2])
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void shapeDerivativeVanishesAtTheEndsOfTheSupport() {
        assertThat(IncompleteGammaDerivative.dPda(2.0, 0.0)).isEqualTo(0.0);
        assertThat(IncompleteGammaDerivative.dPda(2.0, Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    }

    /**
     * Test (1) of the implicit reparameterization: for draws {@code z ~ Gamma(α, 1)} the tape's
     * {@code dz/dα} equals {@code -(F(z; α + h) - F(z; α - h)) / 2h / p(z; α)} (central difference of
     * the cdf, with {@code h = 1e-5 min(α, √α)}: F varies in {@code α} on the scale {@code min(α, √α)},
     * so the truncation error {@code O((h/scale)²)} is about 1e-10 relative and the round-off
     * {@code 1e-16 scale / h} about 1e-11), within 1e-6 relative; the worst error measured is
     * 4.8e-10. The difference is taken on {@code Q = 1 - P} where {@code P > 1/2} so the far upper
     * tail does not cancel. Shapes below 1 use the boosted sampler.
     */
    @Test
    void implicitGradientOfGammaDrawsMatchesTheCdfIdentity() {
        double[] alphas = {0.02, 0.3, 0.9, 1.0, 2.5, 17.0, 250.0, 4000.0};
        Tape tape = new Tape();
        Var alpha = tape.variable(Tensor.of(alphas));
        Var z = Gamma.of(alpha, Var.constant(1.0)).rsample(RandomStream.of(17), 25);
        Gradients g = tape.vjp(z, Tensor.ones(z.shape()), alpha);
        // per-draw dz/dα: each draw depends on its own α only, so recompute per element
        double[] zs = z.value().toArray();
        double worst = 0;
        for (int i = 0; i < zs.length; i++) {
            double a = alphas[i % alphas.length];
            double analytic = singleDrawGradient(a, zs[i]);
            double numeric = cdfIdentity(a, zs[i]);
            double err = Math.abs(analytic - numeric) / Math.abs(numeric);
            worst = Math.max(worst, err);
            assertThat(err).as("a=%s z=%s: tape %s vs cdf identity %s", a, zs[i], analytic, numeric).isLessThanOrEqualTo(1e-6);
        }
        // and the tape's sum over the 25 draws of each α is the sum of those per-draw gradients
        double[] summed = g.of(alpha).toArray();
        for (int j = 0; j < alphas.length; j++) {
            double expected = 0;
            for (int i = j; i < zs.length; i += alphas.length) {
                expected += singleDrawGradient(alphas[j], zs[i]);
            }
            assertThat(summed[j]).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-10));
        }
        assertThat(worst).isLessThan(1e-6);
    }

    /** {@code dz/dα} for one draw {@code z} of {@code Gamma(α, 1)}: {@code z · d log z / dα}. */
    private static double singleDrawGradient(double a, double z) {
        return z * IncompleteGammaDerivative.logDrawDerivative(a, Math.log(z));
    }

    private static double cdfIdentity(double a, double z) {
        double h = 1e-5 * Math.min(a, Math.sqrt(a));
        boolean upper = SpecialFunctions.regularizedGammaP(a, z) > 0.5;
        double dF = upper
                ? -(SpecialFunctions.regularizedGammaQ(a + h, z) - SpecialFunctions.regularizedGammaQ(a - h, z)) / (2 * h)
                : (SpecialFunctions.regularizedGammaP(a + h, z) - SpecialFunctions.regularizedGammaP(a - h, z)) / (2 * h);
        double density = Math.exp((a - 1) * Math.log(z) - z - SpecialFunctions.lgamma(a));
        return -dF / density;
    }
}
