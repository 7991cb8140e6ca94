package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;

/**
 * The scale-mixture prior of Blundell, Cornebise, Kavukcuoglu &amp; Wierstra (ICML 2015, eq. 7):
 * {@code p(w) = π N(w | 0, σ₁²) + (1 - π) N(w | 0, σ₂²)} for every weight and bias, a heavy
 * tail ({@code σ₁} large) over a spike at zero ({@code σ₂} small).
 *
 * @param weight the mixture weight {@code π} of the first component, in {@code (0, 1)}
 * @param scale1 {@code σ₁}, finite and {@code > 0}
 * @param scale2 {@code σ₂}, finite and {@code > 0}
 */
public record ScaleMixturePrior(double weight, double scale1, double scale2) implements WeightPrior {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /** Validates the settings. */
    public ScaleMixturePrior {
        if (!(weight > 0 && weight < 1)) {
            throw new IllegalArgumentException("ScaleMixturePrior weight must be in (0, 1), got " + weight);
        }
        if (!(scale1 > 0) || Double.isInfinite(scale1)) {
            throw new IllegalArgumentException("ScaleMixturePrior scale1 must be finite and > 0, got " + scale1);
        }
        if (!(scale2 > 0) || Double.isInfinite(scale2)) {
            throw new IllegalArgumentException("ScaleMixturePrior scale2 must be finite and > 0, got " + scale2);
        }
    }

    /** The mixture {@code π N(0, σ₁²) + (1 - π) N(0, σ₂²)}. */
    public static ScaleMixturePrior of(double weight, double scale1, double scale2) {
        return new ScaleMixturePrior(weight, scale1, scale2);
    }

    /**
     * {@code log p(w) = logSumExp(log π + log N(w | 0, σ₁²), log(1-π) + log N(w | 0, σ₂²))},
     * evaluated in log space so that neither component underflows.
     */
    @Override
    public Var logDensity(Var w) {
        Var w2 = w.square();
        Var a = w2.mul(-0.5 / (scale1 * scale1)).add(Math.log(weight) - Math.log(scale1));
        Var b = w2.mul(-0.5 / (scale2 * scale2)).add(Math.log1p(-weight) - Math.log(scale2));
        return Var.stack(0, a, b).logSumExp(0).sub(HALF_LOG_TWO_PI);
    }

    /**
     * The one-draw estimate {@code Σ_i [log q(w_i) - log p(w_i)]} at {@code w = loc + scale ⊙ ε},
     * {@code ε ~ N(0, I)} from {@code rng} (Blundell et al., ICML 2015, eq. 2 with one sample):
     * {@code log q(w_i) = -log σ_i - ε_i²/2 - log(2π)/2}, whose gradient is the total (path and
     * score) derivative.
     */
    @Override
    public Var klDivergence(Var loc, Var scale, RandomStream rng) {
        double[] eps = new double[loc.value().size()];
        rng.fillGaussian(eps);
        Tensor e = Tensor.of(eps, loc.shape());
        Var w = loc.add(scale.mul(e));
        Var logQ = scale.log().neg().sub(e.square().mul(0.5).add(HALF_LOG_TWO_PI));
        return logQ.sub(logDensity(w)).sum();
    }
}
