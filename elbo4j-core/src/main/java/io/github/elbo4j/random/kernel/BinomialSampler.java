package io.github.elbo4j.random.kernel;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;

/**
 * Exact Binomial(n, p) draws for any {@code n} up to {@code 2^53}. Repeated draws with fixed
 * parameters use the table method of Marsaglia, Tsang &amp; Wang (J. Stat. Softw. 11(3), 2004) from
 * Commons RNG where it applies ({@code n < 2^16} and {@code (1 - min(p, q))^n} representable);
 * otherwise, and for one-off draws, the beta splitting of Knuth (TAOCP vol. 2, 3rd ed., sec.
 * 3.4.1, exercise and text on the binomial distribution): the {@code a}-th smallest of {@code n}
 * uniforms, {@code a = 1 + ⌊n/2⌋}, is {@code X ~ Beta(a, n + 1 - a)}; if {@code X >= p} the
 * count is Binomial({@code a - 1}, {@code p/X}), else {@code a} plus Binomial({@code n - a},
 * {@code (p - X)/(1 - X)}). That halves {@code n} per beta draw; below {@value #INVERSION_LIMIT}
 * trials the count is found by inversion (sequential search of the cdf).
 *
 * <p>The one beta-splitting binomial sampler of elbo4j: {@code Draws.binomial} (checked, {@code int}
 * trials) draws through {@link #draw} as well. Parameters are not checked here.
 */
public final class BinomialSampler {

    public static final int INVERSION_LIMIT = 64;
    private static final int TABLE_LIMIT = 1 << 16;

    private BinomialSampler() {
    }

    /** A source of Binomial(n, p) draws with fixed parameters. */
    public static DoubleSupplier of(UniformRandomProvider rng, double n, double p) {
        double small = Math.min(p, 1 - p);
        if (n < TABLE_LIMIT && n * Math.log1p(-small) > -700) {
            var table = MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, (int) n, p);
            return table::sample;
        }
        return () -> draw(rng, n, p);
    }

    /** One Binomial(n, p) draw ({@code n} a non-negative integer, {@code p} in {@code [0, 1]}). */
    public static double draw(UniformRandomProvider rng, double n, double p) {
        double count = 0;
        while (n > INVERSION_LIMIT && p > 0 && p < 1) {
            double a = 1 + Math.floor(n / 2);
            double b = n + 1 - a;
            double ga = AhrensDieterMarsagliaTsangGammaSampler.of(rng, a, 1).sample();
            double gb = AhrensDieterMarsagliaTsangGammaSampler.of(rng, b, 1).sample();
            double x = ga / (ga + gb);
            if (x >= p) {
                n = a - 1;
                p = p / x;
            } else {
                count += a;
                n = b - 1;
                p = (p - x) / (1 - x);
            }
        }
        return count + invert(rng, n, p);
    }

    /** Sequential search of the cdf, from 0 for {@code p <= 1/2} (counting failures otherwise). */
    private static double invert(UniformRandomProvider rng, double n, double p) {
        if (p <= 0 || n == 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        boolean flip = p > 0.5;
        double s = flip ? 1 - p : p;
        double odds = s / (1 - s);
        double pmf = Math.exp(n * Math.log1p(-s));
        double cdf = pmf;
        double u = rng.nextDouble();
        double k = 0;
        while (u > cdf && k < n) {
            pmf *= (n - k) / (k + 1) * odds;
            k++;
            cdf += pmf;
        }
        return flip ? n - k : k;
    }
}
