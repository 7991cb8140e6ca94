package io.github.elbo4j.infer.guide;

import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.Independent;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import java.util.Arrays;
import java.util.Map;

/**
 * Where an automatic guide starts: the initial value of each latent site, in constrained space
 * (NumPyro's {@code init_to_median}, {@code init_to_value}, {@code init_to_feasible},
 * {@code init_to_uniform}; Phan, Pradhan &amp; Jankowiak 2019). The guide's location starts at
 * {@code T⁻¹} of this value, {@code T = bijectTo(support)}. A closed set.
 */
public sealed interface InitStrategy permits InitStrategy.Median, InitStrategy.Values, InitStrategy.Feasible,
        InitStrategy.Uniform {

    /** Draws of the prior used when a median has no closed form (NumPyro's default). */
    int MEDIAN_DRAWS = 15;

    /**
     * The initial constrained value of a site with distribution {@code d} whose prototype value
     * (a draw of the site's shape) is {@code draw}; {@code rng} serves strategies that draw.
     */
    Tensor initialValue(String site, Distribution d, Tensor draw, Bijector toSupport, RandomStream rng);

    /**
     * The prior median: element-wise {@code F⁻¹(1/2)} where the family (or the base of an
     * {@link Independent}) has a quantile function; else the mean when it is finite and in the
     * support; else the element-wise median of {@value #MEDIAN_DRAWS} prior draws, if in the
     * support; else the prototype draw. The default.
     */
    static InitStrategy median() {
        return new Median();
    }

    /** Given constrained values for some sites (by name); the prior median for the others. */
    static InitStrategy values(Map<String, Tensor> values) {
        return new Values(Map.copyOf(values));
    }

    /** {@code T(0)} for every site: a feasible point that ignores the prior's parameters (NumPyro's {@code init_to_feasible}). */
    static InitStrategy feasible() {
        return new Feasible();
    }

    /**
     * {@code T(u)} with {@code u ~ Uniform(-radius, radius)} element-wise in unconstrained space
     * (Stan's random initialization has radius 2).
     */
    static InitStrategy uniform(double radius) {
        return new Uniform(radius);
    }

    /** See {@link #median()}. */
    record Median() implements InitStrategy {
        @Override
        public Tensor initialValue(String site, Distribution d, Tensor draw, Bijector toSupport, RandomStream rng) {
            Tensor median = exactMedian(d);
            if (fits(median, d, draw)) {
                return shaped(median, draw);
            }
            try {
                Tensor mean = d.mean();
                if (fits(mean, d, draw)) {
                    return shaped(mean, draw);
                }
            } catch (UnsupportedOperationException noMean) {
                // fall through to draws
            }
            try {
                Tensor sampled = medianOfDraws(d, draw.shape(), rng);
                return fits(sampled, d, draw) ? shaped(sampled, draw) : draw;
            } catch (UnsupportedOperationException noDraws) {
                return draw;      // a flat improper prior: the prototype's value, bijectTo(support)(0)
            }
        }

        /** {@code F⁻¹(1/2)} of a univariate family, or of the univariate base of an {@link Independent}; null if none. */
        private static Tensor exactMedian(Distribution d) {
            Distribution base = d;
            while (base instanceof Independent ind) {
                base = ind.base();
            }
            if (base.eventShape().length != 0) {
                return null;
            }
            try {
                return base.icdf(Tensor.full(0.5, base.batchShape()));
            } catch (UnsupportedOperationException noQuantile) {
                return null;
            }
        }

        private static Tensor medianOfDraws(Distribution d, int[] shape, RandomStream rng) {
            Tensor draws = d.sample(rng, MEDIAN_DRAWS);
            int k = draws.size() / MEDIAN_DRAWS;
            double[] all = draws.toArray();
            double[] out = new double[k];
            double[] column = new double[MEDIAN_DRAWS];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < MEDIAN_DRAWS; i++) {
                    column[i] = all[i * k + j];
                }
                Arrays.sort(column);
                out[j] = column[MEDIAN_DRAWS / 2];
            }
            return Tensor.of(out, Arrays.copyOfRange(draws.shape(), 1, draws.shape().length));
        }
    }

    /** See {@link #values(Map)}. */
    record Values(Map<String, Tensor> values) implements InitStrategy {
        @Override
        public Tensor initialValue(String site, Distribution d, Tensor draw, Bijector toSupport, RandomStream rng) {
            Tensor given = values.get(site);
            if (given == null) {
                return new Median().initialValue(site, d, draw, toSupport, rng);
            }
            if (given.size() != draw.size() && !broadcastsTo(given.shape(), draw.shape())) {
                throw new IllegalArgumentException("initial value of site '" + site + "' must have shape "
                        + Arrays.toString(draw.shape()) + ", got " + Arrays.toString(given.shape()));
            }
            if (!inSupport(given, d)) {
                throw new IllegalArgumentException("initial value of site '" + site + "' must lie in " + d.support()
                        + ", got " + given);
            }
            return shaped(given, draw);
        }
    }

    /** See {@link #feasible()}. */
    record Feasible() implements InitStrategy {
        @Override
        public Tensor initialValue(String site, Distribution d, Tensor draw, Bijector toSupport, RandomStream rng) {
            return toSupport.forward(Tensor.zeros(toSupport.inverse(draw).shape()));
        }
    }

    /**
     * See {@link #uniform(double)}.
     *
     * @param radius half-width of the unconstrained interval, {@code > 0}
     */
    record Uniform(double radius) implements InitStrategy {
        /** Validates the radius. */
        public Uniform {
            if (!(radius > 0) || Double.isInfinite(radius)) {
                throw new IllegalArgumentException("InitStrategy.uniform radius must be finite and > 0, got " + radius);
            }
        }

        @Override
        public Tensor initialValue(String site, Distribution d, Tensor draw, Bijector toSupport, RandomStream rng) {
            int[] ushape = toSupport.inverse(draw).shape();
            double[] u = new double[Broadcasting.size(ushape)];
            for (int i = 0; i < u.length; i++) {
                u[i] = radius * (2 * rng.nextDouble() - 1);
            }
            return toSupport.forward(Tensor.of(u, ushape));
        }
    }

    /**
     * True when {@code value} is finite, in the support, and has the draw's size or broadcasts to
     * its shape (a family's batch may carry the prototype run's particle axis of 1).
     */
    private static boolean fits(Tensor value, Distribution d, Tensor draw) {
        return value != null && value.allFinite() && (value.size() == draw.size() || broadcastsTo(value.shape(), draw.shape()))
                && inSupport(value, d);
    }

    /** {@code value} in the draw's shape: reshaped when the sizes agree, else broadcast. */
    private static Tensor shaped(Tensor value, Tensor draw) {
        return value.size() == draw.size() ? value.reshape(draw.shape()) : value.broadcastTo(draw.shape());
    }

    private static boolean inSupport(Tensor value, Distribution d) {
        return d.support().check(value).min().item() == 1.0;
    }

    private static boolean broadcastsTo(int[] from, int[] to) {
        try {
            return Arrays.equals(Broadcasting.shape(from, to), to);
        } catch (IllegalArgumentException incompatible) {
            return false;
        }
    }
}
