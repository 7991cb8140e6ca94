package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Trace;

/**
 * The variational Rényi bound (Li &amp; Turner, NeurIPS 2016, eq. 9) over the fit's {@code K}
 * particles: {@code L_α = 1/(1-α) log (1/K) Σ_k w_k^{1-α}}, {@code w_k = p(x, z_k)/q(z_k)}. It
 * equals the importance-weighted bound at {@code α = 0} and tends to the ELBO as {@code α → 1}.
 *
 * @param alpha the order, {@code α >= 0, α ≠ 1}
 */
public record RenyiElbo(double alpha) implements ElboEstimator {

    /** Validates the order. */
    public RenyiElbo {
        if (!(alpha >= 0) || alpha == 1.0 || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("Renyi alpha must be finite, >= 0 and != 1 (use the trace ELBO for 1), got " + alpha);
        }
    }

    @Override
    public ElboStep estimate(ElboInputs in) {
        Trace guide = in.traceGuide();
        Trace model = in.traceModel(guide);
        String[] nonFinite = new String[1];
        Var logW = in.sumPerParticle(model, nonFinite).sub(in.sumPerParticle(guide, nonFinite));
        double oneMinusAlpha = 1.0 - alpha;
        Var bound = logW.mul(oneMinusAlpha).logSumExp().sub(Math.log(in.particles())).div(oneMinusAlpha);
        return new ElboStep(bound.neg(), bound.item(), ElboInputs.firstNonFinite(nonFinite));
    }
}
