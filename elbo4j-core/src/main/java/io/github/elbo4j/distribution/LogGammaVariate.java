package io.github.elbo4j.distribution;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/**
 * The logarithm of a Gamma(α, 1) draw, without underflow for small shapes: for {@code α < 1},
 * {@code G = Y U^{1/α}} with {@code Y ~ Gamma(α + 1)} and {@code U} uniform (Marsaglia &amp; Tsang,
 * ACM TOMS 26(3), 2000, sec. 5), so {@code log G = log Y + log(U)/α} stays finite where
 * {@code G} itself would round to 0 (α near 1e-3 and below). Beta and Dirichlet draws are then
 * normalized in log space.
 */
final class LogGammaVariate {

    private LogGammaVariate() {
    }

    /** {@code log G} with {@code G ~ Gamma(alpha, 1)}, {@code alpha > 0}. */
    static double draw(UniformRandomProvider rng, double alpha) {
        if (alpha >= 1) {
            return Math.log(AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha, 1).sample());
        }
        double y = AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha + 1, 1).sample();
        double u = 1.0 - rng.nextDouble();
        return Math.log(y) + Math.log(u) / alpha;
    }

    /** A Beta(a, b) draw from two gammas, {@code X = 1 / (1 + exp(log G_b - log G_a))}. */
    static double beta(UniformRandomProvider rng, double a, double b) {
        double la = draw(rng, a);
        double lb = draw(rng, b);
        return 1.0 / (1.0 + Math.exp(lb - la));
    }
}
