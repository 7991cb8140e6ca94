package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;

/**
 * The prior {@code w ~ N(0, scale²)} for every weight and bias.
 *
 * @param scale the prior standard deviation, finite and {@code > 0}
 */
public record NormalPrior(double scale) implements WeightPrior {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /** Validates the scale. */
    public NormalPrior {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("NormalPrior scale must be finite and > 0, got " + scale);
        }
    }

    /** The prior {@code N(0, scale²)}. */
    public static NormalPrior of(double scale) {
        return new NormalPrior(scale);
    }

    /** {@code log N(w | 0, s²) = -w²/(2s²) - log s - log(2π)/2}. */
    @Override
    public Var logDensity(Var w) {
        return w.square().mul(-0.5 / (scale * scale)).sub(Math.log(scale) + HALF_LOG_TWO_PI);
    }

    /**
     * The exact {@code Σ_i [log(s/σ_i) + (σ_i² + μ_i²)/(2s²) - 1/2]} (the Gaussian KL divergence,
     * e.g. Kingma &amp; Welling, ICLR 2014, appendix B); {@code rng} is not used.
     */
    @Override
    public Var klDivergence(Var loc, Var scale, RandomStream rng) {
        double inv = 0.5 / (this.scale * this.scale);
        return scale.square().add(loc.square()).mul(inv).sub(scale.log()).add(Math.log(this.scale) - 0.5).sum();
    }
}
