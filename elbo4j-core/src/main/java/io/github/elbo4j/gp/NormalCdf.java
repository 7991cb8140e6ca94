package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;

/**
 * The log of the standard normal cdf, {@code log Φ(x)}, accurate in both tails, and its derivative
 * the inverse Mills ratio {@code φ(x)/Φ(x)}. With {@code t = -x/√2} and the scaled complementary
 * error function {@code erfcx(t) = e^{t²} erfc(t)} (Commons Numbers):
 * <pre>
 *   x &lt; 0:  log Φ(x) = log erfcx(t) - t² - log 2,   φ(x)/Φ(x) = √(2/π) / erfcx(t)
 *   x >= 0: log Φ(x) = log1p(-erfc(x/√2)/2),        φ(x)/Φ(x) = φ(x) / Φ(x)
 * </pre>
 * so neither the far left tail (where {@code Φ} underflows) nor the right ({@code Φ → 1}) loses
 * digits (Abramowitz &amp; Stegun 7.1.2 and 26.2.29 for {@code Φ = erfc(-x/√2)/2}).
 */
final class NormalCdf {

    private static final double LOG_TWO = Math.log(2);
    private static final double SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

    private NormalCdf() {
    }

    /** {@code log Φ(x)}. */
    static double logCdf(double x) {
        if (x < 0) {
            double t = -x / Math.sqrt(2);
            return Math.log(Erfcx.value(t)) - t * t - LOG_TWO;
        }
        return Math.log1p(-0.5 * Erfc.value(x / Math.sqrt(2)));
    }

    /** {@code φ(x)/Φ(x)}. */
    static double inverseMillsRatio(double x) {
        if (x < 0) {
            return SQRT_TWO_OVER_PI / Erfcx.value(-x / Math.sqrt(2));
        }
        return INV_SQRT_TWO_PI * Math.exp(-0.5 * x * x) / (1 - 0.5 * Erfc.value(x / Math.sqrt(2)));
    }

    /** {@code log Φ(x)} element-wise, differentiable. */
    static Var logCdf(Var x) {
        double[] v = x.value().toArray();
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = inverseMillsRatio(v[i]);
            v[i] = logCdf(v[i]);
        }
        Tensor slope = Tensor.of(d, x.shape());
        return CustomFunction.apply(Tensor.of(v, x.shape()), (g, k) -> g.mul(slope), x);
    }
}
