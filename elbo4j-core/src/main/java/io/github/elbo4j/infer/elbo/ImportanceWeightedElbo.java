package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Trace;

/**
 * The importance-weighted bound (Burda, Grosse &amp; Salakhutdinov, ICLR 2016, eq. 8) over the
 * fit's {@code K} particles: {@code L_K = log (1/K) Σ_k p(x, z_k)/q(z_k) <= log p(x)}, computed as
 * {@code logSumExp(log w) - log K}; {@code L_1} is the ELBO and {@code L_K} increases with K.
 */
public record ImportanceWeightedElbo() implements ElboEstimator {

    @Override
    public ElboStep estimate(ElboInputs in) {
        Trace guide = in.traceGuide();
        Trace model = in.traceModel(guide);
        String[] nonFinite = new String[1];
        Var logW = in.sumPerParticle(model, nonFinite).sub(in.sumPerParticle(guide, nonFinite));
        Var bound = logW.logSumExp().sub(Math.log(in.particles()));
        return new ElboStep(bound.neg(), bound.item(), ElboInputs.firstNonFinite(nonFinite));
    }
}
