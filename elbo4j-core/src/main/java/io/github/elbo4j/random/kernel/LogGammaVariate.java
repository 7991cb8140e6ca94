package io.github.elbo4j.random.kernel;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The logarithm of a Gamma(α, 1) draw, without underflow for small shapes: for {@code α < 1},
 * {@code G = Y U^{1/α}} with {@code Y ~ Gamma(α + 1)} and {@code U} uniform on {@code (0, 1]}
 * (Marsaglia &amp; Tsang, ACM TOMS 26(3), 2000, sec. 6), so {@code log G = log Y + log(U)/α} stays
 * finite where {@code G} itself would round to 0 (α near 1e-3 and below). {@code Y} (and {@code G}
 * for {@code α >= 1}) comes from Commons RNG's {@link AhrensDieterMarsagliaTsangGammaSampler}.
 * Beta and Dirichlet draws are then normalized in log space; the implicitly reparameterized gamma
 * draws of the distribution layer are these draws with a gradient attached.
 *
 * <p>Parameters are not checked: the caller (a distribution that validated its parameters) passes
 * {@code α > 0}.
 */
public final class LogGammaVariate {

    private LogGammaVariate() {
    }

    /** {@code log G} with {@code G ~ Gamma(alpha, 1)}, {@code alpha > 0}. */
    public static double draw(UniformRandomProvider rng, double alpha) {
        return next(rng, sampler(rng, alpha), alpha);
    }

    /**
     * {@code n} rows of draws of {@code log G_j ~ log Gamma(alpha_j, 1)}, row-major
     * ({@code out[i * alpha.length + j]}); one sampler per {@code alpha_j}, built once.
     */
    public static double[] draws(UniformRandomProvider rng, double[] alpha, int n) {
        int batch = alpha.length;
        ContinuousSampler[] samplers = new ContinuousSampler[batch];
        for (int j = 0; j < batch; j++) {
            samplers[j] = sampler(rng, alpha[j]);
        }
        double[] logG = new double[n * batch];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < batch; j++) {
                logG[i * batch + j] = next(rng, samplers[j], alpha[j]);
            }
        }
        return logG;
    }

    /** A Beta(a, b) draw from two gammas, {@code X = 1 / (1 + exp(log G_b - log G_a))}. */
    public static double beta(UniformRandomProvider rng, double a, double b) {
        double la = draw(rng, a);
        double lb = draw(rng, b);
        return 1.0 / (1.0 + Math.exp(lb - la));
    }

    /** The sampler of {@code G} for {@code α >= 1}, of {@code Y ~ Gamma(α + 1)} below. */
    private static ContinuousSampler sampler(UniformRandomProvider rng, double alpha) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha < 1 ? alpha + 1 : alpha, 1.0);
    }

    private static double next(UniformRandomProvider rng, ContinuousSampler sampler, double alpha) {
        double logG = Math.log(sampler.sample());
        if (alpha < 1) {
            logG += Math.log(1.0 - rng.nextDouble()) / alpha;
        }
        return logG;
    }
}
